import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ContractSummary } from '../../../shared/ipc/channels/market.ts';
import type { LoadStatus } from './trading.types.ts';

/** One candle as the chart draws it: time in epoch seconds (lightweight-charts' UTCTimestamp). */
export interface Bar {
  readonly time: number;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  /** Traded volume of the bar, as the exchange reports it. */
  readonly volume: number;
}

/** `XBTUSDTM:15m` — a symbol and a timeframe. */
export function seriesKey(symbol: string, timeframe: string): string {
  return `${symbol}:${timeframe}`;
}

/**
 * A series' history, replaced wholesale on load, timeframe switch or resync. An older page is put
 * in front of the same bars (the tail array entries stay the same objects) and keeps `loadedAt`,
 * so the chart can tell a page into the past from a reload (market.paging.ts).
 */
export interface BarHistory {
  readonly bars: readonly Bar[];
  readonly loadedAt: number;
}

/** Where reading into the past stands for a series (absent: nothing asked yet). */
export type OlderBarsStatus =
  | { readonly kind: 'loading' }
  /** The exchange had nothing older: the chart stops asking. */
  | { readonly kind: 'start-reached' }
  /** The last page failed at `at` (epoch ms); asked again after a pause (market.paging.ts). */
  | { readonly kind: 'failed'; readonly message: string; readonly at: number };

/**
 * Market data, the high-frequency store. It is read with `store.subscribe` inside effects that
 * write straight to the chart (transient updates); React components read only slow fields.
 */
export interface MarketState {
  readonly history: Readonly<Record<string, BarHistory>>;
  readonly historyLoad: Readonly<Record<string, LoadStatus>>;
  /** Paging into the past, per series key. */
  readonly olderBars: Readonly<Record<string, OlderBarsStatus>>;
  /** The forming (or latest closed) bar per series key, replaced on every tick. */
  readonly latest: Readonly<Record<string, Bar>>;
  /** Last traded/mark price per symbol, decimal string, for the ticket's market-order checks. */
  readonly lastPrice: Readonly<Record<string, string>>;
  /** Contracts by symbol (`market:list-contracts`): tick size, multiplier, fees, leverage cap. */
  readonly contracts: Readonly<Record<string, ContractSummary>>;
  readonly contractsLoad: LoadStatus;
  /** Why market data is not flowing, when it is not (e.g. channels missing in this build). */
  readonly unavailable: string | undefined;
}

/** The vanilla market store type. */
export type MarketStore = StoreApi<MarketState>;

/** Creates an empty market store. */
export function createMarketStore(): MarketStore {
  return createStore<MarketState>()(() => ({
    history: {},
    historyLoad: {},
    olderBars: {},
    latest: {},
    lastPrice: {},
    contracts: {},
    contractsLoad: { kind: 'loading' },
    unavailable: undefined,
  }));
}

/** The app's market store. */
export const marketStore: MarketStore = createMarketStore();
