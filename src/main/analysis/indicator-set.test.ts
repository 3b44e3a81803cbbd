// The indicators against reference values computed here, from the textbook formulas, without
// trading-signals: EMA (seeded with the first close, the Tulip Indicators definition the library
// follows, and the SMA-seeded one it converges to), Wilder's RSI, MACD 12/26/9 and Wilder's ATR.
// Then: the incremental updates (forming bar replaced on every tick) equal a recompute from scratch.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analysisConfigSchema } from '../config/sections/analysis.ts';
import type { Candle } from '../../shared/ipc/channels/market.ts';
import { fixedSeries, seriesOfVersions, versionBar, warmSeriesOfVersions } from './candles.test-support.ts';
import {
  IndicatorSet,
  requiredBars,
  type IndicatorPeriods,
  type IndicatorReadings,
} from './indicator-set.ts';

const periods: IndicatorPeriods = analysisConfigSchema.parse({}).indicators;

/** EMA_1 = P_1, EMA_t = α·P_t + (1 − α)·EMA_(t−1), α = 2 / (n + 1). */
function emaSeededWithFirst(values: readonly number[], n: number): number[] {
  const alpha = 2 / (n + 1);
  const out: number[] = [];
  for (const [i, value] of values.entries())
    out.push(i === 0 ? value : alpha * value + (1 - alpha) * (out[i - 1] ?? value));
  return out;
}

/** The StockCharts/Appel EMA: the first value is the SMA of the first n closes. NaN before. */
function emaSeededWithSma(values: readonly number[], n: number): number[] {
  const alpha = 2 / (n + 1);
  const out: number[] = [];
  for (const [i, value] of values.entries()) {
    if (i < n - 1) out.push(Number.NaN);
    else if (i === n - 1) out.push(values.slice(0, n).reduce((a, b) => a + b, 0) / n);
    else out.push(alpha * value + (1 - alpha) * (out[i - 1] ?? Number.NaN));
  }
  return out;
}

/** Wilder's smoothing of `values` (first = mean of the first n, then (prev·(n − 1) + x) / n). NaN before. */
function wilder(values: readonly number[], n: number): number[] {
  const out: number[] = [];
  for (const [i, value] of values.entries()) {
    if (i < n - 1) out.push(Number.NaN);
    else if (i === n - 1) out.push(values.slice(0, n).reduce((a, b) => a + b, 0) / n);
    else out.push(((out[i - 1] ?? Number.NaN) * (n - 1) + value) / n);
  }
  return out;
}

/** Wilder's RSI: 100 − 100 / (1 + avgGain / avgLoss), 100 with no loss; defined from bar n + 1. */
function wilderRsi(closes: readonly number[], n: number): number[] {
  const changes = closes.slice(1).map((close, i) => close - (closes[i] ?? close));
  const gains = wilder(
    changes.map((c) => Math.max(c, 0)),
    n,
  );
  const losses = wilder(
    changes.map((c) => Math.max(-c, 0)),
    n,
  );
  return [
    Number.NaN,
    ...gains.map((gain, i) => {
      const loss = losses[i] ?? Number.NaN;
      return loss === 0 ? 100 : 100 - 100 / (1 + gain / loss);
    }),
  ];
}

/** Wilder's ATR: TR_1 = high − low, then max(high − low, |high − prev close|, |low − prev close|). */
function wilderAtr(bars: readonly Candle[], n: number): number[] {
  const ranges = bars.map((bar, i) => {
    const previous = bars[i - 1];
    if (previous === undefined) return bar.high - bar.low;
    return Math.max(
      bar.high - bar.low,
      Math.abs(bar.high - previous.close),
      Math.abs(bar.low - previous.close),
    );
  });
  return wilder(ranges, n);
}

/** MACD = EMA12 − EMA26 from the 26th close; signal = EMA9 of MACD (seeded with its first value); histogram = MACD − signal. */
function macd(closes: readonly number[]): { macd: number[]; signal: number[]; histogram: number[] } {
  const fast = emaSeededWithFirst(closes, 12);
  const slow = emaSeededWithFirst(closes, 26);
  const line = closes.map((_, i) => (fast[i] ?? Number.NaN) - (slow[i] ?? Number.NaN)).slice(25);
  const signal = emaSeededWithFirst(line, 9);
  const pad = (values: number[]): number[] => [...(Array(25).fill(Number.NaN) as number[]), ...values];
  return {
    macd: pad(line),
    signal: pad(signal),
    histogram: pad(line.map((value, i) => value - (signal[i] ?? Number.NaN))),
  };
}

function feed(bars: readonly Candle[]): IndicatorSet {
  const set = new IndicatorSet(periods);
  for (const bar of bars) set.update(bar, false);
  return set;
}

function expectClose(actual: number, expected: number, what: string): void {
  expect(Number.isFinite(expected), `${what}: reference is ${expected}`).toBe(true);
  expect(Math.abs(actual - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(
    1e-9 * Math.max(1, Math.abs(expected)),
  );
}

describe('indicator values against the textbook formulas (fixed series)', () => {
  const bars = fixedSeries();
  const closes = bars.map((bar) => bar.close);
  const emaFast = emaSeededWithFirst(closes, 9);
  const emaSlow = emaSeededWithFirst(closes, 21);
  const rsi = wilderRsi(closes, 14);
  const atr = wilderAtr(bars, 14);
  const reference = macd(closes);

  it('match on every bar from the warm-up on', () => {
    const set = new IndicatorSet(periods);
    let checked = 0;
    for (const [i, bar] of bars.entries()) {
      set.update(bar, false);
      const readings = set.readings();
      if (i + 1 < requiredBars(periods)) {
        expect(readings, `bar ${i + 1}`).toBeUndefined();
        continue;
      }
      if (readings === undefined) throw new Error(`no readings at bar ${i + 1}`);
      expectClose(readings.emaFast, emaFast[i] ?? Number.NaN, `EMA 9 at ${i}`);
      expectClose(readings.emaSlow, emaSlow[i] ?? Number.NaN, `EMA 21 at ${i}`);
      expectClose(readings.rsi, rsi[i] ?? Number.NaN, `RSI 14 at ${i}`);
      expectClose(readings.macd, reference.macd[i] ?? Number.NaN, `MACD at ${i}`);
      expectClose(readings.macdSignal, reference.signal[i] ?? Number.NaN, `MACD signal at ${i}`);
      expectClose(readings.macdHistogram, reference.histogram[i] ?? Number.NaN, `MACD histogram at ${i}`);
      expectClose(readings.atr, atr[i] ?? Number.NaN, `ATR 14 at ${i}`);
      checked += 1;
    }
    expect(checked).toBe(bars.length - requiredBars(periods) + 1);
  });

  it('covers the cases that break naive code: RSI 100 on a run without a loss, ATR of bars that do not move', () => {
    // Short MACD/EMA periods so that RSI is the last to warm up (15 bars) and the run is still unbroken.
    const quick = {
      ...periods,
      emaFastPeriodBars: 2,
      emaSlowPeriodBars: 3,
      macdFastPeriodBars: 2,
      macdSlowPeriodBars: 3,
      macdSignalPeriodBars: 2,
    };
    const upRun = new IndicatorSet(quick);
    for (const bar of bars.slice(0, 20)) upRun.update(bar, false);
    expect(rsi[19]).toBe(100);
    expect(upRun.readings()?.rsi).toBe(100);
    const flat = feed(bars.slice(0, 210)).readings();
    expectClose(flat?.atr ?? Number.NaN, atr[209] ?? Number.NaN, 'ATR after ten unmoving bars');
    expect(flat?.atr).toBeLessThan(atr[199] ?? 0);
  });

  it('the EMA converges to the SMA-seeded textbook EMA over the history the analysis loads', () => {
    const sma = emaSeededWithSma(closes, 21);
    const last = bars.length - 1;
    expectClose(
      feed(bars).readings()?.emaSlow ?? Number.NaN,
      sma[last] ?? Number.NaN,
      'EMA 21 after 240 bars',
    );
  });

  it('needs exactly requiredBars bars: the MACD signal line is the last to warm up', () => {
    expect(requiredBars(periods)).toBe(26 + 9 - 1);
    expect(feed(bars.slice(0, 33)).readings()).toBeUndefined();
    expect(feed(bars.slice(0, 34)).readings()).toBeDefined();
    expect(requiredBars({ ...periods, emaSlowPeriodBars: 50 })).toBe(50);
    expect(requiredBars({ ...periods, atrPeriodBars: 40 })).toBe(40);
    expect(requiredBars({ ...periods, rsiPeriodBars: 40 })).toBe(41);
  });
});

/** Replays closed bars + forming-bar versions incrementally; returns what a recompute would be fed. */
function replay(
  versions: readonly (readonly number[])[],
  set: IndicatorSet,
  check: (closed: readonly Candle[], forming: Candle) => void,
): void {
  const closed: Candle[] = [];
  let open = 100;
  for (const [index, moves] of versions.entries()) {
    let forming: Candle | undefined;
    for (const [version, move] of moves.entries()) {
      forming = versionBar(index, open, move, 60_000);
      set.update(forming, version > 0);
      check(closed, forming);
    }
    if (forming === undefined) continue;
    closed.push(forming);
    open = forming.close;
  }
}

function readAll(set: IndicatorSet): {
  readings: IndicatorReadings | undefined;
  atr: number | undefined;
  atr5: number | undefined;
  bars: number;
} {
  return {
    readings: set.readings(),
    atr: set.atr(periods.atrPeriodBars),
    atr5: set.atr(5),
    bars: set.bars(),
  };
}

describe('incremental updates equal a recompute from scratch', () => {
  it('after every tick of random series with random forming-bar updates (fast-check)', () => {
    fc.assert(
      fc.property(fc.oneof(seriesOfVersions, warmSeriesOfVersions), (versions) => {
        const incremental = new IndicatorSet(periods, [5]);
        replay(versions, incremental, (closed, forming) => {
          const scratch = new IndicatorSet(periods, [5]);
          for (const bar of [...closed, forming]) scratch.update(bar, false);
          expect(readAll(incremental)).toEqual(readAll(scratch));
        });
      }),
      { numRuns: 150 },
    );
  });
});
