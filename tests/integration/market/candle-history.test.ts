// Scrolling the chart into the past asks `market:get-candles` with `endMs`: the page must end
// exactly where the first page began (no gap, no overlap), hold nothing at or after endMs, and
// come back empty once the venue has nothing older. The venue warms up one day of one-minute bars.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Candle } from '../../../src/shared/ipc/channels/market.ts';
import { startTestEngine, type TestEngine } from '../../harness/engine.ts';

const symbol = 'XBTUSDTM';
const sender = { url: 'app://bulwark/index.html', isMainFrame: true };
const MINUTE = 60_000;

let testEngine: TestEngine;

async function candles(request: Record<string, unknown>): Promise<Candle[]> {
  const router = testEngine.engine.createRouter(['app://bulwark']);
  const answer = await router.handle('market:get-candles', { symbol, ...request }, sender);
  if (!answer.ok) throw new Error(`market:get-candles failed: ${JSON.stringify(answer.error)}`);
  return answer.value as Candle[];
}

function expectContiguous(bars: readonly Candle[], barMs: number): void {
  for (let i = 1; i < bars.length; i++)
    expect((bars[i]?.openTimeMs ?? 0) - (bars[i - 1]?.openTimeMs ?? 0)).toBe(barMs);
}

beforeAll(async () => {
  testEngine = await startTestEngine({
    label: 'candle-history',
    settings: { venue: { historyWarmupMs: 24 * 60 * MINUTE } },
  });
});

afterAll(async () => {
  await testEngine.stop();
});

describe('the live bar’s volume', () => {
  // KuCoin documents the candle push's volume as wrong, and the venue sends it in coins where the
  // kline endpoint answers lots: the bars the chart receives carry REST's lots, never the push's.
  it('is in the lots the kline endpoint reports, never the push’s number', async () => {
    const pushed: Candle[] = [];
    const unsubscribe = testEngine.engine.events.subscribe((event, payload) => {
      const update = payload as { symbol: string; timeframe: string; candle: Candle };
      if (event === 'market:candle-updated' && update.symbol === symbol && update.timeframe === '1m')
        pushed.push(update.candle);
    });
    await candles({ timeframe: '1m', limit: 5 });
    const deadline = Date.now() + 20_000;
    // Until a bar with traded volume came through (the venue trades on its random walk).
    while (!pushed.some((candle) => candle.volume > 0) && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    unsubscribe();
    expect(pushed.some((candle) => candle.volume > 0)).toBe(true);
    expect(pushed.every((candle) => Number.isInteger(candle.volume))).toBe(true);
    const last = pushed.at(-1);
    const rest = await testEngine.engine.services.client.rest.getKlines({
      symbol,
      granularityMin: 1,
      fromMs: last?.openTimeMs ?? 0,
      toMs: last?.openTimeMs ?? 0,
    });
    // The venue's bar only grows: what the chart got is at most what REST says now.
    expect(last?.volume).toBeLessThanOrEqual(rest[0]?.[5] ?? Number.NaN);
  });
});

describe('live candles in the window', () => {
  // The analysis keeps more timeframes live than the chart shows; only a series a chart asked for
  // is worth an IPC message.
  it('are pushed for the series the chart asked for, not for every series main follows', async () => {
    const pushed: string[] = [];
    const unsubscribe = testEngine.engine.events.subscribe((event, payload) => {
      const update = payload as { symbol: string; timeframe: string };
      if (event === 'market:candle-updated') pushed.push(`${update.symbol}:${update.timeframe}`);
    });
    await candles({ timeframe: '1m', limit: 5 });
    // The verdict strip follows the contract on four timeframes.
    const followed = await testEngine.engine
      .createRouter(['app://bulwark'])
      .handle('analysis:select-symbol', { symbol }, sender);
    const deadline = Date.now() + 20_000;
    while (pushed.filter((key) => key === `${symbol}:1m`).length < 5 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    unsubscribe();
    expect(followed).toMatchObject({ ok: true });
    expect(pushed.filter((key) => key === `${symbol}:1m`).length).toBeGreaterThanOrEqual(5);
    expect(new Set(pushed)).toEqual(new Set([`${symbol}:1m`]));
  });
});

describe('market:get-candles pages into the past', () => {
  it('returns older one-minute bars contiguous with the first page and none at or after endMs', async () => {
    const first = await candles({ timeframe: '1m', limit: 300 });
    expect(first).toHaveLength(300);
    const endMs = first[0]?.openTimeMs ?? 0;
    const older = await candles({ timeframe: '1m', limit: 500, endMs });
    expect(older).toHaveLength(500);
    expect(older.every((bar) => bar.openTimeMs < endMs)).toBe(true);
    expect(older.at(-1)?.openTimeMs).toBe(endMs - MINUTE);
    expectContiguous(older, MINUTE);
    expect(older.every((bar) => bar.low <= Math.min(bar.open, bar.close) && bar.volume >= 0)).toBe(true);
  });

  it('pages 15-minute bars the same way and comes back empty at the start of history', async () => {
    const barMs = 15 * MINUTE;
    const first = await candles({ timeframe: '15m', limit: 40 });
    const endMs = first[0]?.openTimeMs ?? 0;
    const older = await candles({ timeframe: '15m', limit: 500, endMs });
    // One day of warm-up is 96 bars of 15 minutes: the rest of it, then nothing.
    expect(older.length).toBeGreaterThan(40);
    expect(older.length).toBeLessThan(96);
    expect(older.at(-1)?.openTimeMs).toBe(endMs - barMs);
    expectContiguous(older, barMs);
    expect(await candles({ timeframe: '15m', limit: 500, endMs: older[0]?.openTimeMs ?? 0 })).toEqual([]);
  });
});
