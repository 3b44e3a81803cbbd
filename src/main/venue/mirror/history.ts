/**
 * One-minute history of a mirrored contract, read through our client's `GET /api/v1/kline/query`
 * (≤ 500 rows per call, https://www.kucoin.com/docs-new/rest/futures-trading/market-data/get-klines),
 * so the chart opens on the upstream's real bars.
 */
import type { KucoinRestApi } from '../../exchange/kucoin/rest-api.ts';
import type { ContractSpec } from '../core/model/contracts.ts';
import { text } from '../core/model/decimal.ts';
import type { UpstreamCandle } from '../core/model/upstream.ts';
import { roundToGrid } from '../feeds/grid.ts';

const MINUTE_MS = 60_000;
const ROWS_PER_CALL = 500;

/** Reads the last `minutes` closed one-minute bars before `nowMs`, oldest first, without duplicates. */
export async function loadMinuteHistory(
  rest: KucoinRestApi,
  spec: ContractSpec,
  minutes: number,
  nowMs: number,
): Promise<UpstreamCandle[]> {
  const endMs = Math.floor(nowMs / MINUTE_MS) * MINUTE_MS;
  const byStart = new Map<number, UpstreamCandle>();
  const tick = text(spec.tickSize);
  for (let toMs = endMs; toMs > endMs - minutes * MINUTE_MS; toMs -= ROWS_PER_CALL * MINUTE_MS) {
    const fromMs = Math.max(endMs - minutes * MINUTE_MS, toMs - ROWS_PER_CALL * MINUTE_MS);
    const rows = await rest.getKlines({ symbol: spec.symbol, granularityMin: 1, fromMs, toMs });
    for (const row of rows) {
      const [startMs, open, high, low, close, volume] = row;
      if (
        startMs === undefined ||
        open === undefined ||
        high === undefined ||
        low === undefined ||
        close === undefined ||
        volume === undefined
      )
        continue;
      if (startMs + MINUTE_MS > nowMs || startMs < fromMs) continue;
      byStart.set(startMs, {
        startMs,
        open: roundToGrid(open, tick),
        high: roundToGrid(high, tick),
        low: roundToGrid(low, tick),
        close: roundToGrid(close, tick),
        volumeLots: Math.max(0, Math.round(volume)),
      });
    }
    if (rows.length === 0) break;
  }
  return [...byStart.values()].sort((a, b) => a.startMs - b.startMs);
}
