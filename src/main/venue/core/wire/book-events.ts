/**
 * Level-2 change events (docs/reference/kucoin-futures.md#ws-public-topics): every change of a public price level is one message
 * `"price,side,size"` with the symbol's sequence +1, so a client can apply them on top of a REST
 * snapshot; a best-price change also pushes tickerV2.
 */
import { levelMap, priceOfTicks } from '../engine/book.ts';
import type { Level } from '../engine/book.ts';
import type { Venue } from '../model/context.ts';
import { text } from '../model/decimal.ts';
import type { MarketRecord } from '../model/state.ts';
import type { Side } from './wire-types.ts';
import { nanos } from './wire.ts';

interface BookPicture {
  readonly bids: Map<bigint, bigint>;
  readonly asks: Map<bigint, bigint>;
  readonly bestBid: Level | undefined;
  readonly bestAsk: Level | undefined;
}

function best(levels: Map<bigint, bigint>, side: Side): Level | undefined {
  let found: Level | undefined;
  for (const [ticks, lots] of levels) {
    if (found === undefined || (side === 'buy' ? ticks > found.ticks : ticks < found.ticks))
      found = { ticks, lots };
  }
  return found;
}

function picture(venue: Venue, market: MarketRecord): BookPicture {
  const resting = venue.resting.get(market.spec.symbol) ?? [];
  const bids = levelMap(market, venue.shape, resting, 'buy');
  const asks = levelMap(market, venue.shape, resting, 'sell');
  return { bids, asks, bestBid: best(bids, 'buy'), bestAsk: best(asks, 'sell') };
}

function sameLevel(a: Level | undefined, b: Level | undefined): boolean {
  return a?.ticks === b?.ticks && a?.lots === b?.lots;
}

function emitSide(
  venue: Venue,
  market: MarketRecord,
  side: Side,
  before: Map<bigint, bigint>,
  after: Map<bigint, bigint>,
): void {
  const changed: bigint[] = [];
  for (const [ticks, lots] of before) if (after.get(ticks) !== lots) changed.push(ticks);
  for (const ticks of after.keys()) if (!before.has(ticks)) changed.push(ticks);
  changed.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const ticks of changed) {
    market.sequence += 1;
    venue.emit({
      topic: `/contractMarket/level2:${market.spec.symbol}`,
      subject: 'level2',
      data: {
        sequence: market.sequence,
        change: `${text(priceOfTicks(ticks, market.spec.tickSize))},${side},${after.get(ticks) ?? 0n}`,
        timestamp: venue.nowMs,
      },
    });
  }
}

function emitChanges(venue: Venue, market: MarketRecord, before: BookPicture, after: BookPicture): void {
  emitSide(venue, market, 'buy', before.bids, after.bids);
  emitSide(venue, market, 'sell', before.asks, after.asks);
}

function emitTickerV2(venue: Venue, market: MarketRecord, book: BookPicture): void {
  const tick = market.spec.tickSize;
  venue.emit({
    topic: `/contractMarket/tickerV2:${market.spec.symbol}`,
    subject: 'tickerV2',
    data: {
      symbol: market.spec.symbol,
      sequence: market.sequence,
      bestBidSize: book.bestBid === undefined ? 0 : Number(book.bestBid.lots),
      bestBidPrice: book.bestBid === undefined ? '0' : text(priceOfTicks(book.bestBid.ticks, tick)),
      bestAskPrice: book.bestAsk === undefined ? '0' : text(priceOfTicks(book.bestAsk.ticks, tick)),
      bestAskSize: book.bestAsk === undefined ? 0 : Number(book.bestAsk.lots),
      ts: nanos(venue.nowMs),
    },
  });
}

/** Runs `change` and emits the level-2 changes and (if the top moved) tickerV2 it caused. */
export function withBookDiff<T>(venue: Venue, market: MarketRecord, change: () => T): T {
  const before = picture(venue, market);
  const result = change();
  const after = picture(venue, market);
  const sequenceBefore = market.sequence;
  emitChanges(venue, market, before, after);
  if (!sameLevel(before.bestBid, after.bestBid) || !sameLevel(before.bestAsk, after.bestAsk))
    emitTickerV2(venue, market, after);
  if (market.sequence !== sequenceBefore) market.depthDirty = true;
  flushDepth(venue, market);
  return result;
}

function topLevels(
  levels: Map<bigint, bigint>,
  side: Side,
  count: number,
  tickSize: MarketRecord['spec']['tickSize'],
): [string, number][] {
  const sorted = [...levels.entries()].sort(([a], [b]) =>
    side === 'buy' ? (a > b ? -1 : 1) : a < b ? -1 : 1,
  );
  return sorted.slice(0, count).map(([ticks, lots]) => [text(priceOfTicks(ticks, tickSize)), Number(lots)]);
}

/**
 * Pushes `/contractMarket/level2Depth5` and `level2Depth50` (docs/reference/kucoin-futures.md#ws-public-topics) when the book changed and at
 * least 100 ms of venue time passed since the last push; a change inside the window is pushed by
 * the next price step.
 */
export function flushDepth(venue: Venue, market: MarketRecord): void {
  if (!market.depthDirty || venue.nowMs - market.lastDepthMs < 100 || !venue.listening()) return;
  market.depthDirty = false;
  market.lastDepthMs = venue.nowMs;
  const book = picture(venue, market);
  for (const depth of [5, 50] as const) {
    venue.emit({
      topic: `/contractMarket/level2Depth${depth}:${market.spec.symbol}`,
      subject: 'level2',
      data: {
        bids: topLevels(book.bids, 'buy', depth, market.spec.tickSize),
        asks: topLevels(book.asks, 'sell', depth, market.spec.tickSize),
        sequence: market.sequence,
        timestamp: venue.nowMs,
        ts: venue.nowMs,
      },
    });
  }
}
