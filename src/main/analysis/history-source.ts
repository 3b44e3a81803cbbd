/**
 * Where the analysis gets its bars: history and the live stream from the market service, plus
 * reads straight from KuCoin's kline endpoint that the market service does not offer:
 * - the bars after its newest one, without an end time: it ends its reads at the local clock, so
 *   bars the exchange already has (a local clock behind, a paper venue whose time was advanced)
 *   would be missing;
 * - holes inside its cached series: it only fetches after its newest cached bar, so bars missed
 *   between a read and the next stream push (stream down, clock behind) are never fetched again;
 * - the final values of one just-closed bar, for the same reason.
 */
import type { Candle } from '../../shared/ipc/channels/market.ts';
import type { KlineGranularityMin } from '../exchange/kucoin/endpoints/market.ts';
import type { KucoinRestApi } from '../exchange/kucoin/rest-api.ts';
import type { MarketService } from '../market/market-service.ts';
import { timeframeMs, timeframes, type Timeframe } from '../market/timeframes.ts';

/** Holes read per history load at most; more means something else is wrong (the next load reads more). */
const MAX_HOLE_READS = 5;

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
  getPositions(): Promise<
    readonly { readonly symbol: string; readonly isOpen: boolean; readonly currentQty: number }[]
  >;
  /** The exchange's values of the bar that opened at `openTimeMs`, or undefined when it has none. */
  closedBar(symbol: string, timeframe: Timeframe, openTimeMs: number): Promise<Candle | undefined>;
}

/** REST kline row `[startMs, open, high, low, close, volume]` (KuCoin GET /api/v1/kline/query). */
function candleOf(row: readonly number[]): Candle | undefined {
  const [openTimeMs, open, high, low, close, volume = 0] = row;
  if (
    openTimeMs === undefined ||
    open === undefined ||
    high === undefined ||
    low === undefined ||
    close === undefined
  )
    return undefined;
  return { openTimeMs, open, high, low, close, volume };
}

/** `bars` with `newer` merged in (same open time: newer wins), oldest first, the last `limit`. */
function mergeBars(bars: readonly Candle[], newer: readonly Candle[], limit: number): Candle[] {
  const byOpen = new Map(bars.map((bar) => [bar.openTimeMs, bar]));
  for (const bar of newer) byOpen.set(bar.openTimeMs, bar);
  return [...byOpen.values()].sort((a, b) => a.openTimeMs - b.openTimeMs).slice(-limit);
}

/** Open-time ranges of the bars missing between neighbours of `bars` (at most `max`). */
export function holesIn(
  bars: readonly Candle[],
  barMs: number,
  max: number,
): { fromMs: number; toMs: number }[] {
  const holes: { fromMs: number; toMs: number }[] = [];
  for (let i = 1; i < bars.length && holes.length < max; i += 1) {
    const fromMs = (bars[i - 1]?.openTimeMs ?? 0) + barMs;
    const toMs = (bars[i]?.openTimeMs ?? 0) - barMs;
    if (fromMs <= toMs) holes.push({ fromMs, toMs });
  }
  return holes;
}

/** The market service's history with its holes and its missing newest bars read from the exchange. */
async function completeHistory(
  market: MarketService,
  rest: Pick<KucoinRestApi, 'getKlines'>,
  symbol: string,
  timeframe: Timeframe,
  limit: number,
): Promise<Candle[]> {
  const bars = await market.getCandles(symbol, timeframe, limit);
  const newest = bars.at(-1);
  if (newest === undefined) return bars;
  const granularityMin: KlineGranularityMin = timeframes[timeframe].minutes;
  const reads = holesIn(bars, timeframeMs(timeframe), MAX_HOLE_READS).map((hole) =>
    rest.getKlines({ symbol, granularityMin, ...hole }),
  );
  // `from` alone: KuCoin answers from there to its own now (≤ 500 rows).
  reads.push(rest.getKlines({ symbol, granularityMin, fromMs: newest.openTimeMs }));
  const rows = (await Promise.all(reads)).flat();
  return mergeBars(
    bars,
    rows.map(candleOf).filter((bar) => bar !== undefined),
    limit,
  );
}

/** The market service plus the kline reads it lacks, over the same REST client. */
export function analysisMarketFrom(
  market: MarketService,
  rest: Pick<KucoinRestApi, 'getKlines'>,
): AnalysisMarket {
  return {
    getCandles: (symbol, timeframe, limit) => completeHistory(market, rest, symbol, timeframe, limit),
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
