// Multi-timeframe analysis in the real engine against the paper venue over loopback: the contract
// the renderer selects through the IPC router gets a signal on each of the four timeframes once the
// venue has the history, the indicator values equal a recompute over the venue's own klines, a
// driven trend flips the verdict (event + info alert + the ticket's warning), missed pushes while
// the stream is down are made good, the ATR source serves trading, and a venue with short history
// says how much is missing. Venue time is driven (admin.jumpPrice / advanceTime), never slept on.
import { ATR, EMA, MACD, RSI } from 'trading-signals';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisSnapshot, VerdictChanged } from '../../../src/shared/ipc/channels/analysis.ts';
import type { RunningVenue } from '../../../src/main/venue/index.ts';
import { startTestEngine, type TestEngine } from '../../harness/engine.ts';
import { until } from './harness.ts';

const symbol = 'XBTUSDTM';
const origin = 'app://bulwark';
const sender = { url: `${origin}/index.html`, isMainFrame: true };
const DAY_MS = 86_400_000;
const minutesOf = { '5m': 5, '15m': 15, '1h': 60, '4h': 240 } as const;

/** The indicator values trading-signals gives over the venue's own kline rows (≤ 300, the forming bar included). */
function venueIndicators(
  venue: RunningVenue,
  minutes: number,
): {
  emaFast: number;
  emaSlow: number;
  rsi: number;
  histogram: number;
  atr: number;
  openTimeMs: number;
  close: number;
} {
  const rows = venue.exchange.klines(symbol, minutes).slice(-300);
  const [emaFast, emaSlow, rsi, macd, atr] = [
    new EMA(9),
    new EMA(21),
    new RSI(14),
    new MACD(new EMA(12), new EMA(26), new EMA(9)),
    new ATR(14),
  ];
  for (const [, , high, low, close] of rows) {
    emaFast.add(close);
    emaSlow.add(close);
    rsi.add(close);
    macd.add(close);
    atr.add({ high, low, close });
  }
  const last = rows.at(-1);
  return {
    emaFast: emaFast.getResultOrThrow(),
    emaSlow: emaSlow.getResultOrThrow(),
    rsi: rsi.getResultOrThrow(),
    histogram: macd.getResultOrThrow().histogram,
    atr: atr.getResultOrThrow(),
    openTimeMs: last?.[0] ?? 0,
    close: last?.[4] ?? 0,
  };
}

function close(actual: number | undefined, expected: number): boolean {
  return actual !== undefined && Math.abs(actual - expected) <= 1e-6 * Math.max(1, Math.abs(expected));
}

/** The ready timeframe's values match the recompute (false while a venue step falls between the two reads). */
function matchesVenue(
  snapshot: AnalysisSnapshot,
  venue: RunningVenue,
  timeframe: keyof typeof minutesOf,
): boolean {
  const entry = snapshot.timeframes.find((t) => t.timeframe === timeframe);
  if (entry?.status !== 'ready') return false;
  const expected = venueIndicators(venue, minutesOf[timeframe]);
  const [trend, momentum, macd] = entry.components;
  return (
    entry.formingOpenTimeMs === expected.openTimeMs &&
    close(entry.atr, expected.atr) &&
    close(trend?.values['EMA 9'], expected.emaFast) &&
    close(trend?.values['EMA 21'], expected.emaSlow) &&
    close(momentum?.values['RSI 14'], expected.rsi) &&
    close(macd?.values.histogram, expected.histogram)
  );
}

/** Moves the market `pct` % every 10 venue minutes, `times` times (the candles follow). */
function drive(venue: RunningVenue, pct: number, times: number): void {
  for (let i = 0; i < times; i += 1) {
    venue.admin.jumpPrice(symbol, pct);
    venue.admin.advanceTime(600_000);
  }
}

describe('analysis against a venue with eight days of history', () => {
  let testEngine: TestEngine;
  let venue: RunningVenue;
  const changes: VerdictChanged[] = [];

  beforeAll(async () => {
    // One venue step a minute keeps the forming bar still between two reads and driving time cheap.
    testEngine = await startTestEngine({
      label: 'analysis-long',
      settings: { venue: { historyWarmupMs: 8 * DAY_MS, priceStepMs: 60_000 } },
    });
    const running = testEngine.engine.services.venue;
    if (running === undefined) throw new Error('paper mode runs a venue');
    venue = running;
    testEngine.engine.events.subscribe((event, payload) => {
      if (event === 'analysis:verdict-changed') changes.push(payload as VerdictChanged);
    });
  });
  afterAll(async () => {
    await testEngine.stop();
  });

  const service = () => testEngine.engine.services.analysis.service;

  it("the selected contract gets a signal on 5m, 15m, 1h and 4h equal to a recompute over the venue's klines", async () => {
    const router = testEngine.engine.createRouter([origin]);
    const answer = await router.handle('analysis:select-symbol', { symbol }, sender);
    expect(answer).toMatchObject({ ok: true, value: { symbol } });
    // Driving time before the stream's subscriptions are live would drive it past an empty room.
    let pushes = 0;
    const off = testEngine.engine.services.client.market.onCandle(() => {
      pushes += 1;
    });
    await until('candle pushes on the stream', () => {
      venue.admin.advanceTime(60_000);
      return pushes > 0;
    });
    off();
    const snapshot = await until('four ready timeframes', () => {
      const current = service().snapshot(symbol);
      return current.timeframes.every((t) => t.status === 'ready') ? current : undefined;
    });
    expect(snapshot.timeframes.map((t) => t.timeframe)).toEqual(['5m', '15m', '1h', '4h']);
    expect(snapshot.verdict).not.toBeNull();
    for (const timeframe of ['5m', '15m', '1h', '4h'] as const) {
      await until(`${timeframe} values equal to the recompute`, () =>
        matchesVenue(service().snapshot(symbol), venue, timeframe),
      );
    }
    const viaRouter = await router.handle('analysis:get-snapshot', { symbol }, sender);
    expect(viaRouter).toMatchObject({
      ok: true,
      value: {
        symbol,
        timeframes: [{ status: 'ready' }, { status: 'ready' }, { status: 'ready' }, { status: 'ready' }],
      },
    });
  });

  it('a trend up then down flips the verdict: one event, an info alert, and the warning for a long entry', async () => {
    drive(venue, 2, 12);
    await until('a strong up verdict', () =>
      (service().verdict(symbol)?.value ?? 0) > 0.5 ? true : undefined,
    );
    changes.length = 0;
    drive(venue, -3, 24);
    const snapshot = await until('a strong down verdict', () => {
      const current = service().snapshot(symbol);
      return (current.verdict?.value ?? 0) < -0.5 ? current : undefined;
    });
    expect(snapshot.entryWarnings.buy).toMatch(
      /^Entering long against the (5m|15m|1h|4h) downtrend, verdict \u22120\.\d\d$/,
    );
    expect(snapshot.entryWarnings.sell).toBeUndefined();
    const flip = await until('the verdict-changed event', () =>
      changes.find((change) => change.change === 'sign'),
    );
    expect(flip).toMatchObject({
      symbol,
      direction: 'down',
      strongestTimeframe: expect.stringMatching(/^(5m|15m|1h|4h)$/) as unknown,
    });
    expect(flip.verdict).toBeLessThanOrEqual(-0.1);
    expect(changes.filter((change) => change.change === 'sign')).toHaveLength(1);
    const alert = testEngine.engine.alerts
      .recent()
      .find((a) => a.code === 'analysis-verdict-changed' && a.details.change === 'sign');
    expect(alert).toMatchObject({ severity: 'info', symbol });
    for (const timeframe of ['5m', '15m', '1h', '4h'] as const) {
      await until(`${timeframe} still equal to the recompute after the drive`, () =>
        matchesVenue(service().snapshot(symbol), venue, timeframe),
      );
    }
  });

  it('bars missed while the stream was down are made good: the values equal the recompute again', async () => {
    venue.admin.disconnectWebSockets();
    drive(venue, 1, 4);
    for (const timeframe of ['5m', '15m', '1h', '4h'] as const) {
      await until(
        `${timeframe} equal to the recompute after the reconnect`,
        () => matchesVenue(service().snapshot(symbol), venue, timeframe),
        30_000,
      );
    }
  });

  it('serves trading an ATR of any timeframe and period, from the first ask on', async () => {
    expect(service().atr('ETHUSDTM', '1m', 10)).toBeUndefined();
    expect(service().followed()).toContain('ETHUSDTM');
    await until("the 1m ATR(10) of ETHUSDTM equal to a recompute over the venue's klines", () => {
      const atr = service().atr('ETHUSDTM', '1m', 10);
      return atr !== undefined && close(atr, venueAtr(venue, 'ETHUSDTM', 1, 10));
    });
  });
});

/** ATR(period) over the venue's latest rows (≤ 300) of `symbol`. */
function venueAtr(venue: RunningVenue, name: string, minutes: number, period: number): number {
  const atr = new ATR(period);
  for (const [, , high, low, closePrice] of venue.exchange.klines(name, minutes).slice(-300))
    atr.add({ high, low, close: closePrice });
  return atr.getResultOrThrow();
}

describe('analysis against a venue with six hours of history', () => {
  let testEngine: TestEngine;

  beforeAll(async () => {
    testEngine = await startTestEngine({
      label: 'analysis-short',
      settings: { venue: { historyWarmupMs: 6 * 3_600_000 } },
    });
  });
  afterAll(async () => {
    await testEngine.stop();
  });

  it('says how much history is missing instead of a signal, and the verdict rests on what there is', async () => {
    const venue = testEngine.engine.services.venue;
    if (venue === undefined) throw new Error('paper mode runs a venue');
    const service = testEngine.engine.services.analysis.service;
    service.select(symbol);
    const snapshot = await until('every timeframe loaded', () => {
      const current = service.snapshot(symbol);
      return current.timeframes.every((t) => t.status === 'ready' || t.status === 'short-history')
        ? current
        : undefined;
    });
    const has4h = venue.exchange.klines(symbol, 240).length;
    expect(has4h).toBeLessThan(34);
    expect(snapshot.timeframes.find((t) => t.timeframe === '4h')).toMatchObject({
      status: 'short-history',
      needsBars: 34,
      hasBars: has4h,
      message: `not enough history (needs 34 bars of 4h, has ${has4h})`,
    });
    expect(snapshot.timeframes.find((t) => t.timeframe === '15m')).toMatchObject({
      status: 'short-history',
      needsBars: 34,
    });
    expect(snapshot.timeframes.find((t) => t.timeframe === '5m')?.status).toBe('ready');
    expect(snapshot.verdict?.coverage).toBeCloseTo(0.1, 12);
    expect(snapshot.verdict?.strongestTimeframe).toBe('5m');
  });
});
