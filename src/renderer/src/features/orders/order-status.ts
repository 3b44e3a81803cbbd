import type { Order, OrderStatus } from '../../../../shared/domain/order.ts';

/**
 * Badge color per status. UNKNOWN and RECONCILING are amber (orange, yellow), not red: nothing
 * failed, the outcome is not known yet and the engine is finding out. Red is for REJECTED.
 */
export const orderStatusColor: Record<OrderStatus, string> = {
  NEW: 'gray',
  SUBMITTED: 'blue',
  ACKED: 'cyan',
  PARTIALLY_FILLED: 'teal',
  FILLED: 'green',
  CANCELLED: 'gray',
  REJECTED: 'red',
  UNKNOWN: 'orange',
  RECONCILING: 'yellow',
};

/** What a trader should know about a status beyond its name. */
export const orderStatusHint: Partial<Record<OrderStatus, string>> = {
  // What the engine does with them: src/main/trading/orders/order-reconcile.ts (ADR 0330).
  UNKNOWN:
    'The exchange has not said whether this order exists. The engine asks it by clientOid; if no answer comes in time the order stays UNKNOWN and an alert names it. Do not resend: that could double the position.',
  RECONCILING:
    'The engine is asking the exchange by clientOid what happened to this order; the status changes as soon as the exchange answers.',
  NEW: 'Journaled, not sent yet.',
};

const terminal: ReadonlySet<OrderStatus> = new Set(['FILLED', 'CANCELLED', 'REJECTED']);

/** Whether an order is still live or undecided (shown under "Open"). */
export function isOpenOrder(order: Order): boolean {
  return !terminal.has(order.status);
}

/**
 * Whether the ticket offers a cancel: only live entry/close orders. Protective stops are moved or
 * removed by the engine with the position, never cancelled by hand (that would leave it naked);
 * UNKNOWN/RECONCILING orders are resolved by the engine first.
 */
export function canCancel(order: Order): boolean {
  return (
    order.purpose !== 'stop' &&
    (order.status === 'ACKED' || order.status === 'PARTIALLY_FILLED' || order.status === 'SUBMITTED')
  );
}

/** Orders to show: open ones first (undecided ones on top), then the rest, newest first. */
export function sortOrders(orders: readonly Order[]): Order[] {
  const rank = (order: Order): number =>
    order.status === 'UNKNOWN' || order.status === 'RECONCILING' ? 0 : isOpenOrder(order) ? 1 : 2;
  return [...orders].sort((a, b) => rank(a) - rank(b) || b.updatedAt - a.updatedAt);
}
