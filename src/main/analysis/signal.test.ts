import { describe, expect, it } from 'vitest';
import { analysisConfigSchema } from '../config/sections/analysis.ts';
import type { IndicatorReadings } from './indicator-set.ts';
import { clampScore, directionOf, timeframeSignal } from './signal.ts';

const config = analysisConfigSchema.parse({});
const readings: IndicatorReadings = {
  emaFast: 101,
  emaSlow: 100,
  rsi: 60,
  macd: 0.4,
  macdSignal: 0.3,
  macdHistogram: 0.1,
  atr: 2,
};

describe('timeframe signal', () => {
  it('scores trend in ATRs, momentum in RSI points from 50 and the MACD histogram in ATRs, weighted as configured', () => {
    const signal = timeframeSignal(readings, config.indicators, config.signal);
    const [trend, momentum, macd] = signal.components;
    expect(trend).toMatchObject({
      id: 'trend',
      label: 'EMA 9/21 trend',
      score: 0.5,
      weight: 0.5,
      values: { 'EMA 9': 101, 'EMA 21': 100, 'ATR 14': 2 },
    });
    expect(momentum).toMatchObject({
      id: 'momentum',
      label: 'RSI 14',
      score: 0.5,
      weight: 0.25,
      values: { 'RSI 14': 60 },
    });
    expect(macd).toMatchObject({
      id: 'macd',
      label: 'MACD 12/26/9 histogram',
      score: 0.2,
      weight: 0.25,
      values: { histogram: 0.1 },
    });
    expect(signal.signal).toBeCloseTo(0.5 * 0.5 + 0.5 * 0.25 + 0.2 * 0.25, 12);
    expect(signal.direction).toBe('up');
    const trendOnly = timeframeSignal(readings, config.indicators, {
      ...config.signal,
      momentumWeight: 0,
      macdWeight: 0,
    });
    expect(trendOnly.signal).toBe(0.5);
  });

  it('is symmetric: the mirrored market gives the opposite signal', () => {
    const mirrored: IndicatorReadings = {
      ...readings,
      emaFast: 99,
      rsi: 40,
      macd: -0.4,
      macdSignal: -0.3,
      macdHistogram: -0.1,
    };
    const up = timeframeSignal(readings, config.indicators, config.signal);
    const down = timeframeSignal(mirrored, config.indicators, config.signal);
    expect(down.signal).toBeCloseTo(-up.signal, 12);
    expect(down.direction).toBe('down');
  });

  it('stays within ±1 on extremes and says 0 (flat), not NaN, for a market that has not moved', () => {
    const wild = timeframeSignal(
      { ...readings, emaFast: 200, rsi: 100, macdHistogram: 50 },
      config.indicators,
      config.signal,
    );
    expect(wild.signal).toBe(1);
    const still = timeframeSignal(
      { ...readings, emaFast: 100, atr: 0, rsi: 50, macdHistogram: 0 },
      config.indicators,
      config.signal,
    );
    expect(still).toMatchObject({ signal: 0, direction: 'flat' });
    expect(clampScore(Number.NaN)).toBe(0);
    expect(directionOf(0.05, 0.1)).toBe('flat');
    expect(directionOf(-0.1, 0.1)).toBe('down');
    expect(directionOf(0, 0)).toBe('flat');
  });
});
