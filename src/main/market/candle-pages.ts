import type { Candle } from '../../shared/ipc/channels/market.ts';
import type { KlineGranularityMin, KlineQuery } from '../exchange/kucoin/endpoints/market.ts';

/** What {@link readBarsBefore} reads and how far. */
export interface BarsBeforeQuery {
  readonly symbol: string;
  readonly granularityMin: KlineGranularityMin;
  /** Only bars that open strictly before this time (epoch ms) are returned. */
  readonly endMs: number;
  /** At most this many bars, the newest ones before `endMs`. */
  readonly limit: number;
  /** KuCoin's cap on rows per kline call (`klineMaxRowsPerRequest`). */
  readonly rowsPerRequest: number;
}

/** A kline row `[startMs, open, high, low, close, volume]` as a candle. */
export function candleFromRow(row: readonly number[]): Candle {
  const [openTimeMs = 0, open = 0, high = 0, low = 0, close = 0, volume = 0] = row;
  return { openTimeMs, open, high, low, close, volume };
}

/**
 * The `limit` bars before `endMs`, oldest first, read backwards one window of `rowsPerRequest`
 * bars at a time. Each call names both `from` and `to` so the window holds at most one call's rows
 * whatever KuCoin does with an over-full range (docs/reference/kucoin-futures.md#market-data);
 * `to` is `endMs - 1` and rows outside the window are dropped, so no bar at or after `endMs` and no
 * duplicate slips in. A window with no rows is the start of the contract's history: reading stops
 * there, and an empty answer tells the chart there is nothing older.
 */
export async function readBarsBefore(
  getKlines: (query: KlineQuery) => Promise<number[][]>,
  query: BarsBeforeQuery,
): Promise<Candle[]> {
  const barMs = query.granularityMin * 60_000;
  const oldestMs = query.endMs - query.limit * barMs;
  const pages: Candle[][] = [];
  for (let toMs = query.endMs; toMs > oldestMs;) {
    const fromMs = Math.max(oldestMs, toMs - query.rowsPerRequest * barMs);
    const rows = await getKlines({
      symbol: query.symbol,
      granularityMin: query.granularityMin,
      fromMs,
      toMs: toMs - 1,
    });
    const page = rows
      .map(candleFromRow)
      .filter((candle) => candle.openTimeMs >= fromMs && candle.openTimeMs < toMs);
    if (page.length === 0) break;
    pages.unshift(page);
    toMs = fromMs;
  }
  const byOpen = new Map<number, Candle>();
  for (const candle of pages.flat()) byOpen.set(candle.openTimeMs, candle);
  return [...byOpen.values()].sort((a, b) => a.openTimeMs - b.openTimeMs).slice(-query.limit);
}
