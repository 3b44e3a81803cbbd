/**
 * Level-2 change events (reference §6.4): every change of a public price level is one message
 * `"price,side,size"` with the symbol's sequence +1, so a client can apply them on top of a REST
 * snapshot; a best-price change also pushes tickerV2.
 */
import { levelView, priceOfTicks } from './book.ts';
import type { Level } from './book.ts';
import type { Venue } from './context.ts';
import { text } from './decimal.ts';
import type { MarketRecord } from './state.ts';
import { nanos } from './wire.ts';

interface BookPicture {
  readonly levels: Map<string, bigint>;
  readonly bestBid: Level | undefined;
  readonly bestAsk: Level | undefined;
}

function picture(venue: Venue, market: MarketRecord): BookPicture {
  const resting = venue.resting.get(market.spec.symbol) ?? [];
  const bids = levelView(market, venue.shape, resting, 'buy');
  const asks = levelView(market, venue.shape, resting, 'sell');
  const levels = new Map<string, bigint>();
  for (const level of bids) levels.set(`${level.ticks}|buy`, level.lots);
  for (const level of asks) levels.set(`${level.ticks}|sell`, level.lots);
  return { levels, bestBid: bids[0], bestAsk: asks[0] };
}

function sameLevel(a: Level | undefined, b: Level | undefined): boolean {
  return a?.ticks === b?.ticks && a?.lots === b?.lots;
}

function emitChanges(venue: Venue, market: MarketRecord, before: BookPicture, after: BookPicture): void {
  const keys = new Set([...before.levels.keys(), ...after.levels.keys()]);
  const sorted = [...keys].sort();
  for (const key of sorted) {
    const was = before.levels.get(key) ?? 0n;
    const now = after.levels.get(key) ?? 0n;
    if (was === now) continue;
    const [ticks = '0', side = 'buy'] = key.split('|');
    market.sequence += 1;
    venue.emit({
      topic: `/contractMarket/level2:${market.spec.symbol}`,
      subject: 'level2',
      data: { sequence: market.sequence, change: `${text(priceOfTicks(BigInt(ticks), market.spec.tickSize))},${side},${now}`, timestamp: venue.nowMs },
    });
  }
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
  emitChanges(venue, market, before, after);
  if (!sameLevel(before.bestBid, after.bestBid) || !sameLevel(before.bestAsk, after.bestAsk)) emitTickerV2(venue, market, after);
  return result;
}
