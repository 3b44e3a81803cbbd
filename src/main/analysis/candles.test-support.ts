/** Candle series for the analysis tests: a fixed seeded series, and fast-check arbitraries. */
import fc from 'fast-check';
import type { Candle } from '../../shared/ipc/channels/market.ts';

/**
 * A fixed 240-bar series (seeded, so every run sees the same numbers): 20 higher closes in a row
 * (RSI without a single loss), a noisy rise, a fall, and ten bars that do not move at all.
 */
export function fixedSeries(barMs = 300_000): Candle[] {
  let state = 20_240_601;
  const random = (): number => {
    state = (state * 48_271) % 2_147_483_647;
    return state / 2_147_483_647;
  };
  const bars: Candle[] = [];
  let close = 90_000;
  for (let i = 0; i < 240; i += 1) {
    const open = close;
    if (i >= 200 && i < 210) {
      bars.push({ openTimeMs: i * barMs, open, high: open, low: open, close: open, volume: 0 });
      continue;
    }
    const step = i < 20 ? 60 + random() * 10 : (i < 100 ? 25 : -30) + (random() - 0.5) * 240;
    close = Math.round((open + step) * 10) / 10;
    const high = Math.round((Math.max(open, close) + random() * 60) * 10) / 10;
    const low = Math.round((Math.min(open, close) - random() * 60) * 10) / 10;
    bars.push({ openTimeMs: i * barMs, open, high, low, close, volume: Math.round(random() * 1000) });
  }
  return bars;
}

/** A bar's life as the stream shows it: 1–5 versions of the same bar (the last one is final). */
export const barVersions = fc.array(fc.double({ min: -0.03, max: 0.03, noNaN: true }), {
  minLength: 1,
  maxLength: 5,
});

/** Random closed-bar series plus forming-bar updates: per bar, the moves of its successive versions. */
export const seriesOfVersions = fc.array(barVersions, { minLength: 1, maxLength: 90 });

/** Like {@link seriesOfVersions}, always past the default warm-up (34 bars). */
export const warmSeriesOfVersions = fc.array(barVersions, { minLength: 36, maxLength: 90 });

/** The bar of version `move` of bar `index`, opening at the previous final close. */
export function versionBar(index: number, open: number, move: number, barMs: number): Candle {
  const close = open * (1 + move);
  const wick = Math.abs(move) / 2 + 0.001;
  return {
    openTimeMs: index * barMs,
    open,
    high: Math.max(open, close) * (1 + wick),
    low: Math.min(open, close) * (1 - wick),
    close,
    volume: 1,
  };
}
