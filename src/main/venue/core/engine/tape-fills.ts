/**
 * Resting user orders against the mirrored tape (ADR 0181). A real market does not know our paper
 * orders, so they fill only when the real tape shows that they would have: a print strictly through
 * the order's price fills it (up to the print's size); a print at its price first works off the
 * upstream lots that were queued at that price before the order (its queue position), and only
 * what is left of the print fills the order. Fills are at the order's own limit price, as maker.
 */
import { toTicks } from '../../../../shared/domain/decimal.ts';
import { orderTicks, priceOfTicks, remainingLots, sortedResting } from './book.ts';
import type { MirrorState, Venue } from '../model/context.ts';
import { restingOf } from '../model/context.ts';
import { d } from '../model/decimal.ts';
import { makerFill } from './matching.ts';
import type { AccountRecord, MarketRecord, OrderRecord } from '../model/state.ts';
import type { UpstreamTrade } from '../model/upstream.ts';

/** Upstream lots resting at `ticks` on `side` of the mirrored book now. */
function bookLotsAt(market: MarketRecord, side: OrderRecord['side'], ticks: bigint): bigint {
  const levels = side === 'buy' ? market.mirroredBook?.bids : market.mirroredBook?.asks;
  return levels?.find((level) => level.ticks === ticks)?.lots ?? 0n;
}

/** The queue positions of one symbol's resting orders. */
function queueOf(mirror: MirrorState, symbol: string): Map<string, bigint> {
  let queue = mirror.queueAhead.get(symbol);
  if (queue === undefined) {
    queue = new Map();
    mirror.queueAhead.set(symbol, queue);
  }
  return queue;
}

/**
 * Gives every resting order the venue has not seen yet its queue position: the upstream lots at its
 * price when it is first seen (an order better than the upstream's best has no one ahead), and
 * forgets the orders that no longer rest.
 */
function queueNewOrders(venue: Venue, queue: Map<string, bigint>, market: MarketRecord): void {
  const resting = restingOf(venue, market.spec.symbol);
  const live = new Set<string>();
  for (const order of resting) {
    live.add(order.id);
    if (!queue.has(order.id))
      queue.set(order.id, bookLotsAt(market, order.side, orderTicks(order, market.spec.tickSize)));
  }
  for (const id of queue.keys()) if (!live.has(id)) queue.delete(id);
}

/** Lots of one print that reach `order`: all of it when the print went through its price, else what is left after its queue. */
function reachingLots(
  queue: Map<string, bigint>,
  order: OrderRecord,
  limit: bigint,
  printTicks: bigint,
  printLots: bigint,
): bigint {
  const through = order.side === 'buy' ? printTicks < limit : printTicks > limit;
  if (through) return printLots;
  if (printTicks !== limit) return 0n;
  const ahead = queue.get(order.id) ?? 0n;
  const worked = ahead < printLots ? ahead : printLots;
  queue.set(order.id, ahead - worked);
  return printLots - worked;
}

/** Applies one upstream print to the resting orders it reaches; returns the accounts that filled. */
function applyPrint(
  venue: Venue,
  queue: Map<string, bigint>,
  market: MarketRecord,
  print: UpstreamTrade,
  touched: Set<AccountRecord>,
): void {
  // A taker buy lifts asks: it reaches our sells; a taker sell hits bids: our buys.
  const makerSide = print.side === 'buy' ? 'sell' : 'buy';
  const printTicks = toTicks(d(print.price), market.spec.tickSize);
  let left = BigInt(print.lots);
  for (const order of sortedResting(restingOf(venue, market.spec.symbol), makerSide, market.spec.tickSize)) {
    if (left <= 0n) break;
    const limit = orderTicks(order, market.spec.tickSize);
    const reach = reachingLots(queue, order, limit, printTicks, left);
    const remaining = remainingLots(order);
    const take = reach < remaining ? reach : remaining;
    if (take <= 0n) continue;
    const account = makerFill(
      venue,
      market,
      order,
      take,
      priceOfTicks(limit, market.spec.tickSize),
      venue.ids.trade(),
    );
    if (account !== null) touched.add(account);
    left -= take;
  }
}

/** Fills resting user orders the given upstream prints reach; returns the accounts that changed. */
export function fillFromTape(
  venue: Venue,
  mirror: MirrorState,
  market: MarketRecord,
  prints: readonly UpstreamTrade[],
): Set<AccountRecord> {
  const touched = new Set<AccountRecord>();
  const queue = queueOf(mirror, market.spec.symbol);
  queueNewOrders(venue, queue, market);
  for (const print of prints) applyPrint(venue, queue, market, print, touched);
  return touched;
}
