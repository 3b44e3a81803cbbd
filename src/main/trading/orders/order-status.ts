/**
 * The order lifecycle as one transition table (nautilus_trader's `OrderStatus::transition`, ADR
 * 0330): every status change goes through {@link nextStatus}, and an illegal move throws instead
 * of silently overwriting what the journal knows. In particular nothing leaves a terminal status,
 * so an order wrongly recorded as REJECTED could never come back — which is why doubt is never
 * recorded as REJECTED (it is UNKNOWN → RECONCILING until the exchange answers).
 */
import type { OrderStatus } from '../../../shared/domain/order.ts';
import { TradingError } from '../../../shared/errors.ts';

/** What happened to an order. */
export const orderCauses = [
  /** It left our process (first send, or the resend of an order proven absent). */
  'sent',
  /** The exchange holds it, nothing filled. */
  'accepted',
  'partially-filled',
  'filled',
  /** Cancelled at the exchange, or never sent (NEW at a crash). */
  'cancelled',
  /** Definitively not placed: refused by the exchange, dropped before it left, or proven absent and not resent. */
  'refused',
  /** The send's outcome is unknown (timeout, reset, malformed success answer). */
  'outcome-unknown',
  /** Being resolved by asking the exchange by clientOid. */
  'reconciling',
  /** Resolution gave up after its time limit: the order stays UNKNOWN, named in an alert. */
  'gave-up',
] as const;
/** A cause of a status change. */
export type OrderCause = (typeof orderCauses)[number];

const working = ['SUBMITTED', 'ACKED', 'PARTIALLY_FILLED', 'UNKNOWN', 'RECONCILING'] as const;
const doubtful = ['SUBMITTED', 'UNKNOWN', 'RECONCILING'] as const;

/** cause → the statuses it may leave from → the status it leads to. */
const table: Readonly<
  Record<OrderCause, { readonly from: readonly OrderStatus[]; readonly to: OrderStatus }>
> = {
  sent: { from: ['NEW', 'RECONCILING'], to: 'SUBMITTED' },
  accepted: { from: [...doubtful, 'ACKED'], to: 'ACKED' },
  'partially-filled': { from: working, to: 'PARTIALLY_FILLED' },
  filled: { from: working, to: 'FILLED' },
  cancelled: { from: ['NEW', ...working], to: 'CANCELLED' },
  refused: { from: ['NEW', 'SUBMITTED', 'RECONCILING'], to: 'REJECTED' },
  'outcome-unknown': { from: ['SUBMITTED'], to: 'UNKNOWN' },
  reconciling: { from: [...doubtful, 'ACKED', 'PARTIALLY_FILLED'], to: 'RECONCILING' },
  'gave-up': { from: ['RECONCILING', 'UNKNOWN'], to: 'UNKNOWN' },
};

/**
 * The status an order moves to when `cause` happens in `from`.
 * @throws TradingError `illegal-order-transition` when the move is not in the table (e.g. anything
 *   out of FILLED, CANCELLED or REJECTED, or REJECTED for an order the exchange has acknowledged).
 */
export function nextStatus(from: OrderStatus, cause: OrderCause): OrderStatus {
  const row = table[cause];
  if (!row.from.includes(from)) {
    throw new TradingError('illegal-order-transition', `an order cannot go from ${from} on "${cause}"`, {
      details: { from, cause },
      retryable: false,
    });
  }
  return row.to;
}

/** The cause that brings an order to a status the exchange reports (by polling or a push). */
export function causeForExchangeStatus(status: OrderStatus): OrderCause {
  switch (status) {
    case 'FILLED':
      return 'filled';
    case 'PARTIALLY_FILLED':
      return 'partially-filled';
    case 'CANCELLED':
      return 'cancelled';
    default:
      return 'accepted';
  }
}
