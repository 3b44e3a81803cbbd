/** ATR per symbol from REST candles via trading-signals (ADR 0304), refreshed at most once a minute. */
import { ATR } from 'trading-signals';
import type { KlineGranularityMin } from '../../exchange/kucoin/endpoints/market.ts';
import type { TradingDeps } from '../deps.ts';

const REFRESH_MS = 60_000;
const allowed = new Set([1, 5, 15, 30, 60, 120, 240, 480, 720, 1440, 10080]);

/** The cache. */
export interface AtrCache {
  /** The latest ATR in price units, or `undefined` while unknown (never a guess). */
  atr(symbol: string, period: number, timeframeMin: number): Promise<number | undefined>;
  /** The last computed value without fetching. */
  cached(symbol: string): number | undefined;
}

/** Builds the cache. */
export function createAtrCache(deps: TradingDeps): AtrCache {
  const values = new Map<string, { value: number | undefined; at: number }>();
  return {
    cached: (symbol) => values.get(symbol)?.value,
    async atr(symbol, period, timeframeMin) {
      const hit = values.get(symbol);
      if (hit !== undefined && deps.now() - hit.at < REFRESH_MS) return hit.value;
      const granularityMin = (allowed.has(timeframeMin) ? timeframeMin : 1) as KlineGranularityMin;
      try {
        const rows = await deps.rest.getKlines({ symbol, granularityMin, fromMs: deps.now() - (period * 3 + 5) * granularityMin * 60_000 });
        const indicator = new ATR(period);
        for (const row of rows) {
          const [, , high, low, close] = row;
          if (high !== undefined && low !== undefined && close !== undefined) indicator.update({ high, low, close }, false);
        }
        const value = indicator.getResult() ?? undefined;
        values.set(symbol, { value, at: deps.now() });
        return value;
      } catch (error) {
        deps.logger.warn('atr-fetch-failed', { symbol, error: String(error) });
        return hit?.value;
      }
    },
  };
}
