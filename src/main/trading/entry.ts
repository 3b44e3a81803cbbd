/**
 * The order ticket's path: risk context → preview or place (ADR 0300/0302). The risk engine runs
 * before the rate limiter; every decision is journaled with its numbers.
 */
import { abs, add, dec, mul, type Dec, ZERO } from '../../shared/domain/decimal.ts';
import type { RiskPreview } from '../../shared/domain/risk.ts';
import { OrderRejectedError, RiskRejectedError } from '../../shared/errors.ts';
import type { OrderTicket } from '../../shared/ipc/channels/trading.ts';
import { stopSettingKey } from './deps.ts';
import { assertOrderAllowed, evaluateOrder } from './risk/engine.ts';
import { prepareRiskLimits } from './risk/prepared.ts';
import { ensureRiskTiers } from './risk/risk-tiers.ts';
import type { RiskContext } from './risk/types.ts';
import type { TradingRuntime } from './runtime.ts';
import type { JournalOrder } from '../store/order-rows.ts';

const MINUTE_MS = 60_000;

function exposureOf(rt: TradingRuntime): Dec {
  let total: Dec = ZERO;
  for (const position of rt.positions.values()) {
    const multiplier = rt.deps.contracts.get(position.symbol)?.prepared.multiplier ?? ZERO;
    total = add(total, abs(mul(mul(dec(position.sizeLots), multiplier), dec(position.markPrice))));
  }
  for (const order of rt.deps.journal.openOrders()) {
    if (order.purpose !== 'entry' || order.price === undefined) continue;
    const multiplier = rt.deps.contracts.get(order.symbol)?.prepared.multiplier ?? ZERO;
    total = add(total, mul(mul(dec(order.sizeLots - order.filledLots), multiplier), dec(order.price)));
  }
  return total;
}

/** Builds the risk context for a ticket from fresh exchange numbers. */
export async function riskContextFor(rt: TradingRuntime, ticket: OrderTicket): Promise<RiskContext> {
  const { deps } = rt;
  // The tiers decide the MMR and leverage cap of the resulting position (ADR 0310).
  const [mark, account, known] = await Promise.all([deps.rest.getMarkPrice(ticket.symbol), deps.rest.getAccountOverview('USDT'), ensureRiskTiers(deps, ticket.symbol)]);
  const now = deps.now();
  rt.orderTimes = rt.orderTimes.filter((at) => now - at < MINUTE_MS);
  const position = rt.positions.get(ticket.symbol);
  const notReconciled = !rt.reconciled;
  return {
    order: { symbol: ticket.symbol, side: ticket.side, type: ticket.type, sizeLots: ticket.sizeLots, price: ticket.price, leverage: ticket.leverage, stopPrice: ticket.stopPrice, reduceOnly: false },
    contract: known?.prepared,
    markPrice: dec(mark.value),
    equityUsdt: dec(account.accountEquity),
    availableMarginUsdt: dec(account.availableBalance),
    position: position === undefined ? undefined : { side: position.side, sizeLots: position.sizeLots, avgEntryPrice: dec(position.avgEntryPrice) },
    exposureUsdt: exposureOf(rt),
    // Until start-up reconciliation is done the engine is REDUCING (trigger `not-reconciled`).
    tradingState: notReconciled && rt.machine.state === 'ACTIVE' ? 'REDUCING' : rt.machine.state,
    ordersInLastMinute: rt.orderTimes.length,
    limits: prepareRiskLimits(deps.config.risk),
  };
}

/** The ticket's preview (never places anything). */
export async function previewTicket(rt: TradingRuntime, ticket: OrderTicket): Promise<RiskPreview> {
  return evaluateOrder(await riskContextFor(rt, ticket));
}

/**
 * Checks and places an entry; the protective stop follows on the first fill (watchdog), or is
 * attached to the entry (st-order) when `useStOrders` is on.
 * @throws RiskRejectedError (rule + numbers), OrderRejectedError when the exchange refuses.
 */
export async function placeTicket(rt: TradingRuntime, ticket: OrderTicket): Promise<{ order: JournalOrder; preview: RiskPreview }> {
  const { deps } = rt;
  const ctx = await riskContextFor(rt, ticket);
  let preview: RiskPreview;
  try {
    preview = assertOrderAllowed(ctx);
  } catch (error) {
    if (error instanceof RiskRejectedError) deps.journal.append('risk-decision', { verdict: 'deny', ruleId: error.ruleId, message: error.message, ...error.details }, { symbol: ticket.symbol });
    throw error;
  }
  deps.journal.append('risk-decision', { ...preview, ticket }, { symbol: ticket.symbol });
  rt.orderTimes.push(deps.now());
  const side = ticket.side === 'buy' ? 'long' : 'short';
  deps.journal.setSetting(stopSettingKey(ticket.symbol), { price: ticket.stopPrice, side });
  if (ticket.trailing !== undefined) rt.trailing.set(ticket.symbol, side, ticket.stopPrice, ticket.trailing);
  const order = await deps.tracker.submit({
    symbol: ticket.symbol, side: ticket.side, type: ticket.type, sizeLots: ticket.sizeLots, price: ticket.price, leverage: ticket.leverage, reduceOnly: false, purpose: 'entry',
    ...(deps.config.protection.useStOrders ? { attachedStopPrice: ticket.stopPrice } : { stopPrice: ticket.stopPrice }),
  });
  if (order.status === 'REJECTED') throw new OrderRejectedError('order-rejected', order.reason ?? 'the exchange refused the order', { details: { clientOid: order.clientOid } });
  void followEntry(rt, order.clientOid);
  return { order, preview };
}

/**
 * Polls a fresh entry for `confirmTimeoutMs`; each new fill asks for a pass so the stop follows at
 * once. After that the engine passes (and private-stream hints) keep watching it.
 */
async function followEntry(rt: TradingRuntime, clientOid: string): Promise<void> {
  let filled = 0;
  const until = rt.deps.now() + Math.max(rt.deps.config.orders.confirmTimeoutMs, rt.deps.config.orders.pollIntervalMs);
  while (rt.deps.now() <= until) {
    const order = await rt.deps.tracker.refresh(clientOid).catch(() => rt.deps.journal.getOrder(clientOid));
    if (order === undefined) return;
    if (order.filledLots !== filled) {
      filled = order.filledLots;
      rt.requestTick();
    }
    if (order.status === 'FILLED' || order.status === 'CANCELLED' || order.status === 'REJECTED') return;
    await new Promise((resolve) => setTimeout(resolve, rt.deps.config.orders.pollIntervalMs));
    if (rt.stopped) return;
  }
  rt.requestTick();
}
