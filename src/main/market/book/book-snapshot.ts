import type { BookSnapshot } from '../../../shared/ipc/channels/market.ts';
import type { BookLevel } from '../../exchange/kucoin/ws/level2-book.ts';

/** What a snapshot is read from: the kept level-2 book (src/main/exchange/kucoin/ws/level2-book.ts). */
export interface BookSource {
  bids(depth: number): BookLevel[];
  asks(depth: number): BookLevel[];
  stats(): { readonly sequence: number };
}

/** Whether the book is stale, and since when (epoch ms). */
export interface Staleness {
  readonly stale: boolean;
  readonly staleSinceMs?: number;
}

/** The top `depth` levels of each side as the renderer receives them (ADR 0530). */
export function bookSnapshotOf(
  symbol: string,
  book: BookSource,
  depth: number,
  staleness: Staleness,
  atMs: number,
): BookSnapshot {
  const level = ([price, sizeLots]: BookLevel) => ({ price, sizeLots });
  return {
    symbol,
    asks: book.asks(depth).map(level),
    bids: book.bids(depth).map(level),
    sequence: book.stats().sequence,
    stale: staleness.stale,
    ...(staleness.staleSinceMs === undefined ? {} : { staleSinceMs: staleness.staleSinceMs }),
    atMs,
  };
}

/** An empty book: the symbol is being watched, its first snapshot has not arrived. */
export function emptyBook(symbol: string, staleness: Staleness, atMs: number): BookSnapshot {
  return bookSnapshotOf(
    symbol,
    { bids: () => [], asks: () => [], stats: () => ({ sequence: 0 }) },
    0,
    staleness,
    atMs,
  );
}
