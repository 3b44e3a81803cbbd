/**
 * The order ticket's path: risk context → preview or place (ADR 0300, 0338). An entry is one
 * atomic decision: entries are serialised per account, pending entries count toward every limit,
 * the risk engine runs on fresh exchange numbers before the rate limiter, the trading state is
 * checked again when the order reaches the front of the limiter's queue, and the symbol's stop and
 * trailing settings change only once the exchange has accepted the entry (or, for an add, once it
 * fills). Every decision is journaled with its numbers.
 */
import type { MarginMode } from '../../shared/domain/position.ts';
import type { RiskPreview } from '../../shared/domain/risk.ts';
import { OrderRejectedError, RiskRejectedError } from '../../shared/errors.ts';
import type { OrderTicket } from '../../shared/ipc/channels/trading.ts';
import type { JournalOrder } from '../store/order-rows.ts';
import { addIntent, applyEntryIntents } from './entry-intents.ts';
import { riskContextFor } from './risk-context.ts';
import { assertOrderAllowed, evaluateOrder } from './risk/engine.ts';
import { inBackground, type TradingRuntime } from './runtime.ts';

/** The lock key that serialises entries across the whole account. */
const ACCOUNT = '\u0000account';

/**
 * Runs `fn` in the account's entry queue: after every entry (or amend) asked for before it, so two
 * decisions never read the same pending orders and limits.
 */
export function serialisedWithEntries<T>(rt: TradingRuntime, fn: () => Promise<T>): Promise<T> {
  return rt.deps.lock.run(ACCOUNT, fn);
}

/** The ticket's preview (never places anything). */
export async function previewTicket(rt: TradingRuntime, ticket: OrderTicket): Promise<RiskPreview> {
  return evaluateOrder(await riskContextFor(rt, ticket, { fresh: false }));
}

/** Throws the trading-state denial unless entries are allowed right now. */
export function assertEntryStillAllowed(rt: TradingRuntime): void {
  const state = rt.reconciled || rt.machine.state !== 'ACTIVE' ? rt.machine.state : 'REDUCING';
  if (state === 'ACTIVE') return;
  throw new RiskRejectedError(
    'risk-trading-state',
    `trading is ${state} (${rt.machine.reason}): the entry was not sent`,
    { details: { ruleId: 'trading-state', state } },
  );
}

/**
 * The ticket a journaled entry was placed from (its own stop included), for sending it again —
 * a resend, or an amend's replacement with the new price and lots laid over it.
 * @throws RiskRejectedError `risk-stop-required` for an entry without a stop: it is never sent again.
 */
export function journaledTicket(order: JournalOrder): OrderTicket {
  if (order.stopPrice === undefined)
    throw new RiskRejectedError('risk-stop-required', 'an entry without a stop is never resent', {
      details: { ruleId: 'stop-required' },
    });
  return {
    symbol: order.symbol,
    side: order.side,
    type: order.type,
    sizeLots: order.sizeLots,
    leverage: order.leverage,
    stopPrice: order.stopPrice,
    ...(order.price === undefined ? {} : { price: order.price }),
  };
}

/**
 * Whether an order proven absent may be resent: reduce-only orders always; an entry only while
 * trading is ACTIVE and the risk engine, on fresh numbers, still allows it.
 * @throws RiskRejectedError with the reason otherwise.
 */
export async function assertResendAllowed(rt: TradingRuntime, order: JournalOrder): Promise<void> {
  if (order.reduceOnly) return;
  assertEntryStillAllowed(rt);
  const ticket = journaledTicket(order);
  assertOrderAllowed(await riskContextFor(rt, ticket, { fresh: true, excludeClientOid: order.clientOid }));
}

/**
 * Checks and places an entry; the protective stop follows on the first fill (watchdog), or is
 * attached to the entry (st-order) when `useStOrders` is on.
 * @throws RiskRejectedError (rule + numbers), OrderRejectedError when the exchange refuses.
 */
export function placeTicket(
  rt: TradingRuntime,
  ticket: OrderTicket,
): Promise<{ order: JournalOrder; preview: RiskPreview }> {
  return serialisedWithEntries(rt, () => placeSerialised(rt, ticket));
}

async function placeSerialised(
  rt: TradingRuntime,
  ticket: OrderTicket,
): Promise<{ order: JournalOrder; preview: RiskPreview }> {
  const { deps } = rt;
  // The trading state first: when entries are refused there is nothing to read or size.
  journalingDenial(rt, ticket, () => {
    assertEntryStillAllowed(rt);
  });
  const ctx = await riskContextFor(rt, ticket, { fresh: true });
  const preview = journalingDenial(rt, ticket, () => assertOrderAllowed(ctx));
  deps.journal.append('risk-decision', { ...preview, ticket }, { symbol: ticket.symbol });
  rt.orderTimes.push(deps.now());
  const side = ticket.side === 'buy' ? 'long' : 'short';
  const adding = ctx.position !== undefined;
  const order = await submitEntry(rt, ticket, ctx.marginMode);
  if (order.status === 'REJECTED')
    throw new OrderRejectedError('order-rejected', order.reason ?? 'the exchange refused the order', {
      details: { clientOid: order.clientOid },
    });
  await cancelIfKilledInFlight(rt, order);
  addIntent(rt, {
    clientOid: order.clientOid,
    symbol: ticket.symbol,
    side,
    stopPrice: ticket.stopPrice,
    ...(ticket.takeProfitPrice === undefined ? {} : { takeProfitPrice: ticket.takeProfitPrice }),
    ...(ticket.trailing === undefined ? {} : { trailing: ticket.trailing }),
    apply: adding ? 'on-fill' : 'on-accept',
  });
  applyEntryIntents(rt);
  inBackground(rt, followEntry(rt, order.clientOid));
  return { order, preview };
}

/** Runs a risk check; a denial is journaled with its rule and numbers before it is rethrown. */
export function journalingDenial<T>(rt: TradingRuntime, ticket: OrderTicket, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof RiskRejectedError)
      rt.deps.journal.append(
        'risk-decision',
        { verdict: 'deny', ruleId: error.ruleId, message: error.message, ...error.details },
        { symbol: ticket.symbol },
      );
    throw error;
  }
}

/** Sends the entry through the tracker; the trading state is checked again at the limiter's front. */
export function submitEntry(
  rt: TradingRuntime,
  ticket: OrderTicket,
  marginMode: MarginMode,
): Promise<JournalOrder> {
  // The attached stop (st-order) protects the entry's own lots from its first fill, even with the
  // app closed; under an open position it is left alone while the add rests (protection/cover.ts).
  const attach = rt.deps.config.protection.useStOrders;
  return rt.deps.tracker.submit(
    {
      symbol: ticket.symbol,
      side: ticket.side,
      type: ticket.type,
      sizeLots: ticket.sizeLots,
      price: ticket.price,
      leverage: ticket.leverage,
      marginMode,
      reduceOnly: false,
      purpose: 'entry',
      ...(attach ? { attachedStopPrice: ticket.stopPrice } : { stopPrice: ticket.stopPrice }),
    },
    {
      admit: () => {
        assertEntryStillAllowed(rt);
      },
    },
  );
}

/** The kill switch was pressed while this entry was on the wire: it landed after the cancels. */
async function cancelIfKilledInFlight(rt: TradingRuntime, order: JournalOrder): Promise<void> {
  if (!rt.machine.isActive('kill-switch')) return;
  await rt.deps.tracker.cancel(order.clientOid);
  throw new RiskRejectedError(
    'risk-trading-state',
    'the kill switch was pressed while this entry was on its way; it was cancelled at the exchange',
    { details: { ruleId: 'trading-state', clientOid: order.clientOid } },
  );
}

/**
 * Polls a fresh entry for `confirmTimeoutMs`; each new fill asks for a pass so the stop follows at
 * once. After that the engine passes (and private-stream hints) keep watching it.
 */
export async function followEntry(rt: TradingRuntime, clientOid: string): Promise<void> {
  let filled = 0;
  const until =
    rt.deps.now() + Math.max(rt.deps.config.orders.confirmTimeoutMs, rt.deps.config.orders.pollIntervalMs);
  while (rt.deps.now() <= until && !rt.stopped) {
    const order = await rt.deps.tracker.refresh(clientOid).catch(() => rt.deps.journal.getOrder(clientOid));
    if (order === undefined) return;
    applyEntryIntents(rt);
    if (order.filledLots !== filled) {
      filled = order.filledLots;
      rt.requestTick();
    }
    if (order.status === 'FILLED' || order.status === 'CANCELLED' || order.status === 'REJECTED') return;
    await new Promise((resolve) => setTimeout(resolve, rt.deps.config.orders.pollIntervalMs));
  }
  rt.requestTick();
}
