/** A scripted market for the service's unit tests (the integration tests use the paper venue). */
import type { Candle } from '../../shared/ipc/channels/market.ts';
import type { Timeframe } from '../market/timeframes.ts';
import type { AnalysisMarket, CandleUpdate } from './history-source.ts';

/** The market and the test's handles on it. */
export interface FakeMarket extends AnalysisMarket {
  /** Bars the exchange has, per `symbol|timeframe`, oldest first. */
  readonly bars: Map<string, Candle[]>;
  positions: { symbol: string; isOpen: boolean; currentQty: number }[];
  /** Makes the next getCandles of a key fail with this error. */
  failNext: Map<string, Error>;
  readonly calls: { getCandles: string[]; closedBar: string[]; watched: string[] };
  /** Stores the bar (replace or append) and pushes it like the stream does. */
  push(symbol: string, timeframe: Timeframe, candle: Candle): void;
}

/** Builds an empty fake market. */
export function createFakeMarket(): FakeMarket {
  const listeners = new Set<(update: CandleUpdate) => void>();
  const bars = new Map<string, Candle[]>();
  const calls = { getCandles: [] as string[], closedBar: [] as string[], watched: [] as string[] };
  const store = (key: string, candle: Candle): void => {
    const series = bars.get(key) ?? [];
    bars.set(key, series);
    const last = series.at(-1);
    if (last?.openTimeMs === candle.openTimeMs) series[series.length - 1] = candle;
    else series.push(candle);
  };
  const market: FakeMarket = {
    bars,
    positions: [],
    failNext: new Map(),
    calls,
    getCandles(symbol, timeframe, limit) {
      const key = `${symbol}|${timeframe}`;
      calls.getCandles.push(key);
      const failure = market.failNext.get(key);
      market.failNext.delete(key);
      if (failure !== undefined) return Promise.reject(failure);
      return Promise.resolve((bars.get(key) ?? []).slice(-limit));
    },
    watchCandles(symbol, timeframe) {
      calls.watched.push(`${symbol}|${timeframe}`);
      return Promise.resolve();
    },
    onCandle(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getPositions: () => Promise.resolve(market.positions),
    closedBar(symbol, timeframe, openTimeMs) {
      calls.closedBar.push(`${symbol}|${timeframe}|${openTimeMs}`);
      return Promise.resolve(
        bars.get(`${symbol}|${timeframe}`)?.find((bar) => bar.openTimeMs === openTimeMs),
      );
    },
    push(symbol, timeframe, candle) {
      store(`${symbol}|${timeframe}`, candle);
      for (const listener of listeners) listener({ symbol, timeframe, candle });
    },
  };
  return market;
}
