import type { Order } from '../../../../shared/domain/order.ts';
import { isOpenOrder } from '../orders/order-status.ts';

/** The bottom dock's tabs, in the order they are shown. */
export const dockTabs = ['positions', 'open-orders', 'stop-orders', 'fills', 'alerts'] as const;
/** One of {@link dockTabs}. */
export type DockTab = (typeof dockTabs)[number];

/** The tab labels a trader reads. */
export const dockTabLabels: Record<DockTab, string> = {
  positions: 'Positions',
  'open-orders': 'Open orders',
  'stop-orders': 'Stop orders',
  fills: 'Fills',
  alerts: 'Alerts',
};

/**
 * Which of the two order tabs an order belongs to, as the exchanges' own screens split them: a
 * stop order (our protective stops) waits at the exchange's stop book; everything else — a limit
 * entry too, though it carries the stop it will get once it fills — rests on the order book.
 */
export function orderTabOf(order: Order): 'open-orders' | 'stop-orders' {
  return order.purpose === 'stop' ? 'stop-orders' : 'open-orders';
}

/** The orders a tab lists: still live or undecided (UNKNOWN / RECONCILING stay until the engine knows). */
export function ordersOfTab(orders: Iterable<Order>, tab: 'open-orders' | 'stop-orders'): Order[] {
  const shown: Order[] = [];
  for (const order of orders) if (isOpenOrder(order) && orderTabOf(order) === tab) shown.push(order);
  return shown;
}
