import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ContractStats, Ticker } from '../../../shared/ipc/channels/market.ts';

/** The header's prices of one contract: each from the stream that carries it (ADR 0341). */
export interface Quote {
  readonly last: string | undefined;
  readonly mark: string | undefined;
  readonly index: string | undefined;
  readonly atMs: number;
}

/** What the market strip shows: live quotes per symbol and the contract figures of the watched one. */
export interface QuoteState {
  readonly quotes: Readonly<Record<string, Quote>>;
  readonly stats: Readonly<Record<string, ContractStats>>;
  /** Why the contract figures could not be read, per symbol (shown instead of numbers). */
  readonly statsError: Readonly<Record<string, string>>;
}

/** Vanilla store for the strip; the feed writes it a few times a second at most. */
export type QuoteStore = StoreApi<QuoteState>;

/** Creates an empty quote store. */
export function createQuoteStore(): QuoteStore {
  return createStore<QuoteState>()(() => ({ quotes: {}, stats: {}, statsError: {} }));
}

/** The app's quote store. */
export const quoteStore: QuoteStore = createQuoteStore();

/** A ticker folded into the quote: a field the push does not carry keeps its last known value. */
export function foldTicker(previous: Quote | undefined, ticker: Ticker): Quote {
  return {
    last: ticker.price ?? previous?.last,
    mark: ticker.markPrice ?? previous?.mark,
    index: ticker.indexPrice ?? previous?.index,
    atMs: ticker.atMs,
  };
}
