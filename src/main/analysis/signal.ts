/**
 * One timeframe's signal from −1 (down) to +1 (up) (ADR 0701): a weighted mean of three scores,
 * each clamped to ±1 — EMA fast − slow in ATRs (trend), RSI distance from 50 (momentum), MACD
 * histogram in ATRs. Dividing by ATR makes the trend and MACD scores mean the same on a 5-minute
 * and a 4-hour chart, and on a 2-dollar and a 90 000-dollar contract.
 */
import type { SignalComponent, SignalDirection } from '../../shared/ipc/channels/analysis.ts';
import type { AnalysisConfig } from '../config/sections/analysis.ts';
import type { IndicatorPeriods, IndicatorReadings } from './indicator-set.ts';

/** A timeframe's signal and what it is made of. */
export interface TimeframeSignal {
  readonly signal: number;
  readonly direction: SignalDirection;
  readonly components: readonly SignalComponent[];
}

/** Clamps to −1…+1; a value that is not a number (0/0 on a flat market) counts as 0. */
export function clampScore(value: number): number {
  if (Number.isNaN(value)) return 0;
  return Math.max(-1, Math.min(1, value));
}

/** `up` at or above +band, `down` at or below −band, `flat` between. */
export function directionOf(value: number, flatBand: number): SignalDirection {
  if (value >= flatBand && value > 0) return 'up';
  if (value <= -flatBand && value < 0) return 'down';
  return 'flat';
}

/** A move measured in ATRs; 0 when the ATR is 0 (a market that has not moved has no trend). */
function inAtrs(move: number, atr: number, fullScaleAtr: number): number {
  return atr > 0 ? clampScore(move / (atr * fullScaleAtr)) : 0;
}

/** The three components of a timeframe's signal. */
export function signalComponents(readings: IndicatorReadings, periods: IndicatorPeriods, config: AnalysisConfig['signal']): SignalComponent[] {
  const fast = `EMA ${periods.emaFastPeriodBars}`;
  const slow = `EMA ${periods.emaSlowPeriodBars}`;
  const atr = `ATR ${periods.atrPeriodBars}`;
  return [
    {
      id: 'trend',
      label: `EMA ${periods.emaFastPeriodBars}/${periods.emaSlowPeriodBars} trend`,
      score: inAtrs(readings.emaFast - readings.emaSlow, readings.atr, config.trendFullScaleAtr),
      weight: config.trendWeight,
      values: { [fast]: readings.emaFast, [slow]: readings.emaSlow, [atr]: readings.atr },
    },
    {
      id: 'momentum',
      label: `RSI ${periods.rsiPeriodBars}`,
      score: clampScore((readings.rsi - 50) / config.rsiFullScalePoints),
      weight: config.momentumWeight,
      values: { [`RSI ${periods.rsiPeriodBars}`]: readings.rsi },
    },
    {
      id: 'macd',
      label: `MACD ${periods.macdFastPeriodBars}/${periods.macdSlowPeriodBars}/${periods.macdSignalPeriodBars} histogram`,
      score: inAtrs(readings.macdHistogram, readings.atr, config.macdFullScaleAtr),
      weight: config.macdWeight,
      values: { MACD: readings.macd, signal: readings.macdSignal, histogram: readings.macdHistogram, [atr]: readings.atr },
    },
  ];
}

/** The weighted signal of one timeframe. */
export function timeframeSignal(readings: IndicatorReadings, periods: IndicatorPeriods, config: AnalysisConfig['signal']): TimeframeSignal {
  const components = signalComponents(readings, periods, config);
  let weighted = 0;
  let weights = 0;
  for (const component of components) {
    weighted += component.score * component.weight;
    weights += component.weight;
  }
  const signal = weights > 0 ? clampScore(weighted / weights) : 0;
  return { signal, direction: directionOf(signal, config.flatBandSignal), components };
}
