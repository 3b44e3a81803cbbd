/**
 * Where the analysis gets its bars: history and the live stream from the market service, and
 * the final values of a just-closed bar straight from KuCoin's kline endpoint (the market service
 * has no call that re-reads one bar: it only fetches after its last cached bar).
 */
import type { Candle } from '../../shared/ipc/channels/market.ts';
import type { KlineGranularityMin } from '../exchange/kucoin/endpoints/market.ts';
import type { KucoinRestApi } from '../exchange/kucoin/rest-api.ts';
import type { MarketService } from '../market/market-service.ts';
import { timeframes, type Timeframe } from '../market/timeframes.ts';

/** A candle pushed by the market service's stream. */
export interface CandleUpdate {
  readonly symbol: string;
  readonly timeframe: Timeframe;
  readonly candle: Candle;
}

/** What the analysis reads from the market: the market service's public API and one kline read. */
export interface AnalysisMarket {
  /** The newest `limit` bars, oldest first; the newest may still be forming. */
  getCandles(symbol: string, timeframe: Timeframe, limit: number): Promise<Candle[]>;
  /** Subscribes the candle stream of a symbol/timeframe. */
  watchCandles(symbol: string, timeframe: Timeframe): Promise<void>;
  onCandle(listener: (update: CandleUpdate) => void): () => void;
  /** Open positions (only `symbol`, `isOpen`, `currentQty` are read). */
  getPositions(): Promise<readonly { readonly symbol: string; readonly isOpen: boolean; readonly currentQty: number }[]>;
  /** The exchange's values of the bar that opened at `openTimeMs`, or undefined when it has none. */
  closedBar(symbol: string, timeframe: Timeframe, openTimeMs: number): Promise<Candle | undefined>;
}

/** REST kline row `[startMs, open, high, low, close, volume]` (KuCoin GET /api/v1/kline/query). */
function candleOf(row: readonly number[]): Candle | undefined {
  const [openTimeMs, open, high, low, close, volume = 0] = row;
  if (openTimeMs === undefined || open === undefined || high === undefined || low === undefined || close === undefined) return undefined;
  return { openTimeMs, open, high, low, close, volume };
}

/** The market service plus a one-bar kline read over the same REST client. */
export function analysisMarketFrom(market: MarketService, rest: Pick<KucoinRestApi, 'getKlines'>): AnalysisMarket {
  return {
    getCandles: (symbol, timeframe, limit) => market.getCandles(symbol, timeframe, limit),
    watchCandles: (symbol, timeframe) => market.watchCandles(symbol, timeframe),
    onCandle: (listener) => market.onCandle(listener),
    getPositions: () => market.getPositions(),
    async closedBar(symbol, timeframe, openTimeMs) {
      const granularityMin: KlineGranularityMin = timeframes[timeframe].minutes;
      const rows = await rest.getKlines({ symbol, granularityMin, fromMs: openTimeMs, toMs: openTimeMs });
      return rows.map(candleOf).find((bar) => bar?.openTimeMs === openTimeMs);
    },
  };
}
