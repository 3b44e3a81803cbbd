import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Candle } from '../../shared/ipc/channels/market.ts';
import { analysisConfigSchema } from '../config/sections/analysis.ts';
import { fixedSeries, seriesOfVersions, versionBar, warmSeriesOfVersions } from './candles.test-support.ts';
import { IndicatorSet } from './indicator-set.ts';
import { TimeframeTracker } from './timeframe-tracker.ts';

const periods = analysisConfigSchema.parse({}).indicators;
const barMs = 300_000;

function scratch(bars: readonly Candle[], extraAtr: number[] = []): IndicatorSet {
  const set = new IndicatorSet(periods, extraAtr);
  for (const bar of bars) set.update(bar, false);
  return set;
}

describe('timeframe tracker', () => {
  it('takes the newest loaded bar as forming: a push of it replaces, the next bar appends', () => {
    const bars = fixedSeries(barMs).slice(0, 60);
    const tracker = new TimeframeTracker('5m', periods, 500);
    tracker.load(bars.slice(0, 50));
    expect(tracker.bars()).toBe(50);
    expect(tracker.formingOpenTimeMs()).toBe(49 * barMs);
    const forming = { ...bars[49]!, close: bars[49]!.close + 50, high: bars[49]!.high + 50 };
    expect(tracker.apply(forming)).toEqual({ kind: 'replaced' });
    expect(tracker.bars()).toBe(50);
    expect(tracker.readings()).toEqual(scratch([...bars.slice(0, 49), forming]).readings());
    expect(tracker.apply(bars[50]!)).toEqual({ kind: 'opened', closed: forming });
    expect(tracker.bars()).toBe(51);
    expect(tracker.readings()).toEqual(scratch([...bars.slice(0, 49), forming, bars[50]!]).readings());
  });

  it('reports a hole in the stream and a late push instead of guessing, and accepts a hole the exchange cannot fill', () => {
    const bars = fixedSeries(barMs).slice(0, 60);
    const tracker = new TimeframeTracker('5m', periods, 500);
    tracker.load(bars.slice(0, 40));
    const before = tracker.readings();
    expect(tracker.apply(bars[42]!)).toEqual({
      kind: 'gap',
      missingFromMs: 40 * barMs,
      missingToMs: 41 * barMs,
    });
    expect(tracker.apply(bars[20]!)).toEqual({ kind: 'late' });
    expect(tracker.readings()).toEqual(before);
    expect(tracker.apply(bars[42]!, true)).toEqual({ kind: 'opened', closed: bars[39] });
    expect(tracker.readings()).toEqual(scratch([...bars.slice(0, 40), bars[42]!]).readings());
  });

  it("corrects a closed bar with the exchange's final values (rebuilt from the kept bars) and keeps a new ATR period", () => {
    const bars = fixedSeries(barMs).slice(0, 60);
    const tracker = new TimeframeTracker('5m', periods, 500);
    tracker.load(bars.slice(0, 59));
    tracker.apply(bars[59]!);
    const final = { ...bars[58]!, high: bars[58]!.high + 300 };
    expect(tracker.correctClosed(bars[58]!)).toBe(false);
    expect(tracker.correctClosed(final)).toBe(true);
    const expected = [...bars.slice(0, 58), final, bars[59]!];
    expect(tracker.readings()).toEqual(scratch(expected).readings());
    expect(tracker.atr(7)).toBeUndefined();
    expect(tracker.keepAtr(7)).toBe(true);
    expect(tracker.keepAtr(7)).toBe(false);
    expect(tracker.atr(7)).toBe(scratch(expected, [7]).atr(7));
    tracker.apply({ ...bars[59]!, close: bars[59]!.close - 20, low: bars[59]!.low - 40 });
    expect(tracker.atr(7)).toBe(
      scratch(
        [...expected.slice(0, -1), { ...bars[59]!, close: bars[59]!.close - 20, low: bars[59]!.low - 40 }],
        [7],
      ).atr(7),
    );
  });

  it('keeps only the last maxClosedBars closed bars for rebuilds', () => {
    const bars = fixedSeries(barMs);
    const tracker = new TimeframeTracker('5m', periods, 100);
    tracker.load(bars.slice(0, 150));
    expect(tracker.bars()).toBe(101);
    expect(tracker.readings()).toEqual(scratch(bars.slice(49, 150)).readings());
  });

  it('pushed tick by tick, equals a recompute over the closed bars + the latest forming bar (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.oneof(seriesOfVersions, warmSeriesOfVersions),
        fc.integer({ min: 1, max: 30 }),
        (versions, loaded) => {
          const all: Candle[] = [];
          let open = 100;
          const pushes: Candle[][] = versions.map((moves, index) => {
            const bars = moves.map((move) => versionBar(index, open, move, barMs));
            const final = bars.at(-1);
            if (final !== undefined) {
              all.push(final);
              open = final.close;
            }
            return bars;
          });
          const history = all.slice(0, Math.min(loaded, all.length));
          const tracker = new TimeframeTracker('5m', periods, 1_000);
          tracker.load(history);
          // The first push opens the next bar, so the loaded forming bar closes as it was loaded.
          const closed = [...history];
          for (const bars of pushes.slice(history.length)) {
            for (const bar of bars) {
              const outcome = tracker.apply(bar);
              expect(outcome.kind).not.toBe('gap');
              expect(tracker.readings()).toEqual(scratch([...closed, bar]).readings());
              expect(tracker.atr(14)).toEqual(scratch([...closed, bar]).atr(14));
            }
            closed.push(bars.at(-1)!);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
