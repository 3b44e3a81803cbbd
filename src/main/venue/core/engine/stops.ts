/**
 * Stop triggers (docs/reference/kucoin-futures.md#stop-orders): `up` fires when the watched price ≥ stopPrice, `down` when ≤;
 * TP watches the last trade, MP the mark, IP the index. A fired stop becomes a live order with
 * the same id; if it cannot trade (no position for reduce-only, no margin) it is canceled with
 * the advancedOrders `error`. The other leg of an st-orders pair is canceled.
 */
import { cancelParked } from './cancels.ts';
import type { Venue } from '../model/context.ts';
import { instantOf, parkedOf } from '../model/context.ts';
import type { Dec } from '../model/decimal.ts';
import { emitStopOrder, emitWallet } from '../wire/emitters.ts';
import { VenueError } from '../wire/errors.ts';
import { stopFires } from './margin.ts';
import { commitExecution, finishOrder, planExecution } from './matching.ts';
import type { MarketRecord, OrderRecord } from '../model/state.ts';

function watchedPrice(market: MarketRecord, order: OrderRecord): Dec {
  if (order.stopPriceType === 'MP') return market.markPrice;
  if (order.stopPriceType === 'IP') return market.indexPrice;
  return market.lastPrice;
}

/** Triggers every parked stop of the market whose condition holds now. */
export function checkStops(venue: Venue, market: MarketRecord): void {
  const parked = parkedOf(venue, market.spec.symbol);
  const fired = parked.filter(
    (order) =>
      order.stop !== '' &&
      order.stopPrice !== null &&
      stopFires(order.stop, watchedPrice(market, order), order.stopPrice),
  );
  fired.sort((a, b) => a.priority - b.priority);
  for (const order of fired) {
    if (order.status === 'open' && order.parked) trigger(venue, market, order);
  }
}

function resizeForPosition(venue: Venue, order: OrderRecord): boolean {
  if (!order.reduceOnly) return true;
  const qty = venue.accounts.get(order.userId)?.positions.get(order.symbol)?.qty ?? 0n;
  const reducible = order.side === 'sell' ? (qty > 0n ? qty : 0n) : qty < 0n ? -qty : 0n;
  if (reducible === 0n) return false;
  if (order.closeOrder) order.size = reducible;
  else if (order.size > reducible) order.canceledSize = order.size - reducible;
  return true;
}

function trigger(venue: Venue, market: MarketRecord, order: OrderRecord): void {
  const parked = parkedOf(venue, market.spec.symbol);
  parked.splice(parked.indexOf(order), 1);
  order.parked = false;
  order.stopTriggered = true;
  order.updatedAt = venue.nowMs;
  order.instants.triggered = instantOf(venue);
  cancelSibling(venue, order);
  const account = venue.accounts.get(order.userId);
  if (account === undefined) return;
  if (!resizeForPosition(venue, order)) {
    order.triggerError = 'error.createOrder.noPositionToReduce';
    emitStopOrder(venue, order, 'triggered');
    finishOrder(venue, order, 'canceled');
    return;
  }
  try {
    const plan = planExecution(venue, account, market, order);
    emitStopOrder(venue, order, 'triggered');
    commitExecution(venue, account, market, order, plan);
  } catch (error) {
    if (!(error instanceof VenueError)) throw error;
    order.triggerError =
      error.code === '300003'
        ? 'error.createOrder.accountBalanceInsufficient'
        : `error.createOrder.${error.code}`;
    emitStopOrder(venue, order, 'triggered');
    finishOrder(venue, order, 'canceled');
    emitWallet(venue, account);
  }
}

function cancelSibling(venue: Venue, order: OrderRecord): void {
  if (order.siblingId === null) return;
  const sibling = venue.accounts.get(order.userId)?.orders.get(order.siblingId);
  if (sibling?.status === 'open' && sibling.parked) cancelParked(venue, sibling);
}
