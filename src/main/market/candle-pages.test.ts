import { describe, expect, it } from 'vitest';
import type { KlineQuery } from '../exchange/kucoin/endpoints/market.ts';
import { readBarsBefore } from './candle-pages.ts';

const MINUTE = 60_000;

/** An exchange holding one-minute bars opening at `firstMs` … `lastMs`, answering like the venue (≤ `cap` rows). */
function exchange(firstMs: number, lastMs: number, cap = 500) {
  const calls: KlineQuery[] = [];
  const getKlines = (query: KlineQuery): Promise<number[][]> => {
    calls.push(query);
    const rows: number[][] = [];
    for (let t = firstMs; t <= lastMs; t += MINUTE) {
      if ((query.fromMs === undefined || t >= query.fromMs) && (query.toMs === undefined || t <= query.toMs))
        rows.push([t, 1, 2, 0.5, 1.5, 3]);
    }
    return Promise.resolve(rows.slice(-cap));
  };
  return { getKlines, calls };
}

const query = { symbol: 'XBTUSDTM', granularityMin: 1 as const, rowsPerRequest: 500 };

describe('reading bars before a time', () => {
  it('returns the newest `limit` bars before endMs, contiguous, none at or after it', async () => {
    const { getKlines, calls } = exchange(0, 10_000 * MINUTE);
    const endMs = 5_000 * MINUTE;
    const bars = await readBarsBefore(getKlines, { ...query, endMs, limit: 1_200 });
    expect(bars).toHaveLength(1_200);
    expect(bars.at(-1)?.openTimeMs).toBe(endMs - MINUTE);
    expect(bars[0]?.openTimeMs).toBe(endMs - 1_200 * MINUTE);
    expect(
      bars.every((bar, i) => i === 0 || bar.openTimeMs - (bars[i - 1]?.openTimeMs ?? 0) === MINUTE),
    ).toBe(true);
    // Three windows of at most 500 rows, each ending just before the previous one's start.
    expect(calls.map((call) => [call.fromMs, call.toMs])).toEqual([
      [endMs - 500 * MINUTE, endMs - 1],
      [endMs - 1_000 * MINUTE, endMs - 500 * MINUTE - 1],
      [endMs - 1_200 * MINUTE, endMs - 1_000 * MINUTE - 1],
    ]);
  });

  it('stops at the start of history: what exists, then nothing older', async () => {
    const firstMs = 1_000 * MINUTE;
    const { getKlines, calls } = exchange(firstMs, 2_000 * MINUTE);
    const bars = await readBarsBefore(getKlines, { ...query, endMs: firstMs + 300 * MINUTE, limit: 2_000 });
    expect(bars).toHaveLength(300);
    expect(bars[0]?.openTimeMs).toBe(firstMs);
    // The first window held the 300 bars, the second was empty: reading stopped there.
    expect(calls).toHaveLength(2);
    expect(await readBarsBefore(getKlines, { ...query, endMs: firstMs, limit: 500 })).toEqual([]);
  });

  it('drops rows outside the asked window (an exchange that answers more than asked)', async () => {
    const getKlines = (): Promise<number[][]> =>
      Promise.resolve([
        [9 * MINUTE, 1, 1, 1, 1, 1],
        [10 * MINUTE, 1, 1, 1, 1, 1],
      ]);
    const bars = await readBarsBefore(getKlines, { ...query, endMs: 10 * MINUTE, limit: 1 });
    expect(bars.map((bar) => bar.openTimeMs)).toEqual([9 * MINUTE]);
  });
});
