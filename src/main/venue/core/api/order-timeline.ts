/**
 * The venue's own record of every order's life (ADR 0140): when it was accepted, triggered
 * (stops), cancelled and finished, and each fill, at exact venue instants. Not a KuCoin
 * endpoint: drills use it to prove from the exchange's side, for example, that a position was
 * covered by a loss-side stop at every instant. Instants are venue time in whole milliseconds
 * plus a venue-wide sequence number (`seq`) that orders every change, including two in the
 * same millisecond; compare instants by `seq`.
 */
import type { Venue } from '../model/context.ts';
import { text } from '../model/decimal.ts';
import type { AccountRecord, OrderRecord, VenueInstant } from '../model/state.ts';
import type { Side, StopDirection, StopPriceType } from '../wire/wire-types.ts';

/** Which orders the timeline lists (default: every account, every symbol). */
export interface OrderTimelineFilter {
  readonly userId?: string;
  readonly symbol?: string;
}

/** One instant: venue time (ms) and the venue-wide sequence number that totally orders changes. */
export interface TimelineInstantWire {
  readonly atMs: number;
  readonly seq: number;
}

/** One fill of the order at its instant. */
export interface TimelineFillWire extends TimelineInstantWire {
  /** Lots filled. */
  readonly size: number;
  readonly price: string;
  readonly tradeId: string;
}

/** One order's life, as the venue saw it. */
export interface OrderTimelineEntryWire {
  readonly userId: string;
  readonly orderId: string;
  readonly clientOid: string;
  readonly symbol: string;
  readonly side: Side;
  readonly type: 'limit' | 'market';
  /** Limit price; null for market orders. */
  readonly price: string | null;
  /** Stop direction, null for a plain order. */
  readonly stop: StopDirection | null;
  readonly stopPrice: string | null;
  readonly stopPriceType: StopPriceType | null;
  /** Order size in lots (a closeOrder stop's size is set to the position when it triggers). */
  readonly size: number;
  readonly filledSize: number;
  readonly reduceOnly: boolean;
  readonly closeOrder: boolean;
  readonly status: 'open' | 'done';
  /** The venue's own remark: 'liquidation' and 'adl' mark venue-owned orders. */
  readonly remark: string | null;
  readonly accepted: TimelineInstantWire;
  /** When the stop's condition held and it became a live order; null for untriggered or plain orders. */
  readonly triggered: TimelineInstantWire | null;
  /** When a cancel (by the user, a sibling leg, IOC/market remainder, post-only, liquidation) finished it. */
  readonly cancelled: TimelineInstantWire | null;
  /** When it stopped being open (filled or cancelled); null while open or parked. */
  readonly done: TimelineInstantWire | null;
  readonly fills: readonly TimelineFillWire[];
}

function instantWire(instant: VenueInstant | null): TimelineInstantWire | null {
  return instant === null ? null : { atMs: instant.atMs, seq: instant.seq };
}

function entryOf(order: OrderRecord): OrderTimelineEntryWire {
  const { instants } = order;
  return {
    userId: order.userId,
    orderId: order.id,
    clientOid: order.clientOid,
    symbol: order.symbol,
    side: order.side,
    type: order.type,
    price: order.price === null ? null : text(order.price),
    stop: order.stop === '' ? null : order.stop,
    stopPrice: order.stopPrice === null ? null : text(order.stopPrice),
    stopPriceType: order.stopPriceType === '' ? null : order.stopPriceType,
    size: Number(order.size),
    filledSize: Number(order.filledSize),
    reduceOnly: order.reduceOnly,
    closeOrder: order.closeOrder,
    status: order.status,
    remark: order.remark,
    accepted: { atMs: instants.accepted.atMs, seq: instants.accepted.seq },
    triggered: instantWire(instants.triggered),
    cancelled: instantWire(instants.cancelled),
    done: instantWire(instants.done),
    fills: instants.fills.map((fill) => ({
      atMs: fill.atMs,
      seq: fill.seq,
      size: Number(fill.lots),
      price: text(fill.price),
      tradeId: fill.tradeId,
    })),
  };
}

function accountsOf(venue: Venue, userId: string | undefined): AccountRecord[] {
  if (userId === undefined) return [...venue.accounts.values()];
  const account = venue.accounts.get(userId);
  return account === undefined ? [] : [account];
}

/**
 * Every remembered order (open, parked, and done ones inside the retention of ADR 0130) of the
 * filtered accounts, oldest accepted first.
 */
export function orderTimeline(venue: Venue, filter: OrderTimelineFilter = {}): OrderTimelineEntryWire[] {
  const orders: OrderRecord[] = [];
  for (const account of accountsOf(venue, filter.userId)) {
    for (const order of account.orders.values()) {
      if (filter.symbol === undefined || order.symbol === filter.symbol) orders.push(order);
    }
  }
  orders.sort((a, b) => a.instants.accepted.seq - b.instants.accepted.seq);
  return orders.map(entryOf);
}
