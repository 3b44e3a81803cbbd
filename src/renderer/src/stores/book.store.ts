import { createStore, type StoreApi } from 'zustand/vanilla';
import type { BookSnapshot, PublicTrade } from '../../../shared/ipc/channels/market.ts';
import type { LoadStatus } from './trading.types.ts';

/**
 * The watched symbol's order book and recent trades (ADR 0530). Main pushes each at most 10 times
 * a second, so React components may read it directly.
 */
export interface BookState {
  /** The symbol asked for with `market:watch-book`; pushes of any other symbol are ignored. */
  readonly symbol: string | undefined;
  readonly book: BookSnapshot | undefined;
  /** Newest first. */
  readonly trades: readonly PublicTrade[];
  /** The `market:watch-book` answer: loading, ready, or why it failed. */
  readonly load: LoadStatus;
}

/** The vanilla book store type. */
export type BookStore = StoreApi<BookState>;

/** Creates an empty book store, loading until the first watch answers. */
export function createBookStore(): BookStore {
  return createStore<BookState>()(() => ({
    symbol: undefined,
    book: undefined,
    trades: [],
    load: { kind: 'loading' },
  }));
}

/** The app's book store. */
export const bookStore: BookStore = createBookStore();
