/** Checks a confirmed exchange order against what we asked for (ADR 0302). */
import { cmp, dec } from '../../../shared/domain/decimal.ts';
import type { KucoinOrder } from '../../exchange/kucoin/schemas/orders.ts';
import type { JournalOrder } from '../../store/order-rows.ts';

/** A sentence naming the first difference, or `undefined` when the order is what we sent. */
export function checkAgainstRequest(order: JournalOrder, wire: KucoinOrder): string | undefined {
  if (wire.symbol !== order.symbol) return `symbol ${wire.symbol} ≠ ${order.symbol}`;
  if (wire.side !== order.side) return `side ${wire.side} ≠ ${order.side}`;
  if (wire.size !== order.sizeLots) return `size ${wire.size} ≠ ${order.sizeLots} lots`;
  if (
    order.type === 'limit' &&
    order.price !== undefined &&
    wire.price !== undefined &&
    cmp(dec(wire.price), dec(order.price)) !== 0
  ) {
    return `price ${wire.price} ≠ ${order.price}`;
  }
  if (
    (order.purpose === 'stop' || order.purpose === 'take-profit') &&
    order.stopPrice !== undefined &&
    wire.stopPrice !== undefined &&
    cmp(dec(wire.stopPrice), dec(order.stopPrice)) !== 0
  ) {
    return `stop price ${wire.stopPrice} ≠ ${order.stopPrice}`;
  }
  if (order.reduceOnly && wire.reduceOnly === false) return 'reduce-only flag lost';
  return undefined;
}
