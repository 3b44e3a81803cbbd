import type { TradingStore } from '../../stores/trading.store.ts';
import { openOrderLines, type OrderLineManager } from './order-lines.ts';

/** Draws the symbol's open limit orders whenever the engine reports an order change. */
export function followOrderLines(
  lines: OrderLineManager,
  tradingStore: TradingStore,
  symbol: string,
): () => void {
  const sync = (): void => {
    lines.setOrders(openOrderLines(tradingStore.getState().orders, symbol));
  };
  sync();
  const unsubscribe = tradingStore.subscribe((state, previous) => {
    if (state.orders !== previous.orders) sync();
  });
  return () => {
    unsubscribe();
    // Another symbol's chart draws its own orders.
    lines.setOrders([]);
  };
}
