import type { TradingStore } from '../../stores/trading.store.ts';
import { openOrderLines, type OrderLineManager } from './order-lines.ts';

/**
 * Draws the symbol's open limit orders whenever the engine reports an order change, and tells
 * autoscale their prices: an order resting away from the candles stays on screen, within reach.
 */
export function followOrderLines(
  lines: OrderLineManager,
  tradingStore: TradingStore,
  symbol: string,
  inView: { orders: number[] },
): () => void {
  const sync = (): void => {
    const open = openOrderLines(tradingStore.getState().orders, symbol);
    inView.orders = open.map((line) => line.price);
    lines.setOrders(open);
  };
  sync();
  const unsubscribe = tradingStore.subscribe((state, previous) => {
    if (state.orders !== previous.orders) sync();
  });
  return () => {
    unsubscribe();
    // Another symbol's chart draws its own orders.
    inView.orders = [];
    lines.setOrders([]);
  };
}
