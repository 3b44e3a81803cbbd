/**
 * What an amend checks before anything is sent (ADR 0343): the order is an open limit order of
 * ours whose state the exchange has confirmed, the new price is on the tick and differs from the
 * old one, and the replacement — the same order at the new price for the lots still unfilled —
 * passes the risk rules as the ticket's would. A failure here changes nothing at the exchange.
 */
import { cmp, dec, format, isMultipleOf } from '../../../shared/domain/decimal.ts';
import type { MarginMode } from '../../../shared/domain/position.ts';
import { terminalOrderStatuses } from '../../../shared/domain/order.ts';
import { RiskRejectedError, ValidationError } from '../../../shared/errors.ts';
import type { OrderTicket } from '../../../shared/ipc/channels/trading.ts';
import type { JournalOrder } from '../../store/order-rows.ts';
import { assertEntryStillAllowed, journaledTicket, journalingDenial } from '../entry.ts';
import type { OrderSpec } from '../orders/order-request.ts';
import { riskContextFor } from '../risk-context.ts';
import { assertOrderAllowed } from '../risk/engine.ts';
import { assertReduceOnlyAllowed } from '../risk/reduce-only.ts';
import type { TradingRuntime } from '../runtime.ts';
import { fetchPositions } from '../tick.ts';

/** An open limit order of ours, as the journal holds it: its limit price is known. */
export type AmendableOrder = JournalOrder & { readonly price: string };

/**
 * The order `clientOid` if it can be amended.
 * @throws ValidationError naming why not: unknown, a stop, a market order, done, or in doubt.
 */
export function amendableOrder(rt: TradingRuntime, clientOid: string): AmendableOrder {
  const order = rt.deps.journal.getOrder(clientOid);
  const refuse = (code: string, message: string): never => {
    throw new ValidationError(code, message, { details: { clientOid } });
  };
  if (order === undefined) return refuse('order-not-found', `no order ${clientOid}`);
  if (order.purpose === 'stop')
    return refuse('amend-stop', 'a stop is moved with Move stop (or by dragging the stop line), not amended');
  if (order.type !== 'limit' || order.price === undefined)
    return refuse(
      'amend-not-limit',
      'only a limit order can be amended: a market order has no price to move',
    );
  if (terminalOrderStatuses.has(order.status))
    return refuse(
      'amend-order-done',
      `the order is ${order.status.toLowerCase()}: there is nothing to amend`,
    );
  if (order.status !== 'ACKED' && order.status !== 'PARTIALLY_FILLED')
    return refuse(
      'amend-order-in-doubt',
      `the order is ${order.status}: the exchange has not confirmed it yet, so it cannot be amended now`,
    );
  return { ...order, price: order.price };
}

/**
 * The new price must sit on the contract's tick and differ from the old one.
 * @throws RiskRejectedError (tick size), ValidationError (same price).
 */
export function checkNewPrice(rt: TradingRuntime, order: AmendableOrder, price: string): void {
  const tick = rt.deps.contracts.get(order.symbol)?.prepared.tickSize;
  if (tick !== undefined && !isMultipleOf(dec(price), tick))
    throw new RiskRejectedError(
      'risk-tick-size',
      `price ${price} is not a multiple of the tick size ${format(tick)}`,
      { details: { ruleId: 'tick-size', price } },
    );
  if (cmp(dec(price), dec(order.price)) === 0)
    throw new ValidationError('amend-same-price', `the order already rests at ${price}`, {
      details: { clientOid: order.clientOid, price },
    });
}

/** The entry's ticket at the new price for `lots`, with the entry's own stop (as a resend rebuilds it). */
export function replacementTicket(order: AmendableOrder, price: string, lots: number): OrderTicket {
  return { ...journaledTicket(order), type: 'limit', sizeLots: lots, price };
}

/** The reduce-only close at the new price for `lots`. */
export function replacementClose(
  order: AmendableOrder,
  price: string,
  lots: number,
  marginMode: MarginMode,
): OrderSpec {
  return {
    symbol: order.symbol,
    side: order.side,
    type: 'limit',
    sizeLots: lots,
    price,
    leverage: order.leverage,
    marginMode,
    reduceOnly: true,
    purpose: order.purpose,
  };
}

/**
 * Runs the risk rules on the replacement, on fresh exchange numbers, the old order not counted as
 * pending (it is the one being replaced). An entry is refused while trading is not ACTIVE (kill
 * switch, HALTED, REDUCING), as a new entry would be; a reduce-only close only needs its position.
 * @returns the margin mode the replacement is sent with.
 * @throws RiskRejectedError with the rule and numbers (journaled), ValidationError without a position to close.
 */
export async function checkReplacement(
  rt: TradingRuntime,
  order: AmendableOrder,
  price: string,
): Promise<MarginMode> {
  const lots = order.sizeLots - order.filledLots;
  if (order.reduceOnly) return checkClose(rt, order, price, lots);
  const ticket = replacementTicket(order, price, lots);
  journalingDenial(rt, ticket, () => {
    assertEntryStillAllowed(rt);
  });
  const ctx = await riskContextFor(rt, ticket, { fresh: true, excludeClientOid: order.clientOid });
  const preview = journalingDenial(rt, ticket, () => assertOrderAllowed(ctx));
  rt.deps.journal.append(
    'risk-decision',
    { ...preview, ticket, purpose: 'amend', amends: order.clientOid },
    { symbol: ticket.symbol },
  );
  return ctx.marginMode;
}

async function checkClose(
  rt: TradingRuntime,
  order: AmendableOrder,
  price: string,
  lots: number,
): Promise<MarginMode> {
  const position = (await fetchPositions(rt.deps)).get(order.symbol);
  if (position === undefined)
    throw new ValidationError(
      'no-position',
      `there is no open ${order.symbol} position for this close to reduce`,
      {
        details: { clientOid: order.clientOid },
      },
    );
  assertReduceOnlyAllowed(rt.deps, position, replacementClose(order, price, lots, position.marginMode));
  return position.marginMode;
}
