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
  readonly components: SignalComponent[];
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

/** Labels and value names of the components, built once per periods object (they are on every snapshot). */
interface ComponentNames {
  readonly trend: string;
  readonly momentum: string;
  readonly macd: string;
  readonly emaFast: string;
  readonly emaSlow: string;
  readonly rsi: string;
  readonly atr: string;
}

const namesByPeriods = new WeakMap<IndicatorPeriods, ComponentNames>();

function namesOf(periods: IndicatorPeriods): ComponentNames {
  let names = namesByPeriods.get(periods);
  if (names === undefined) {
    names = {
      trend: `EMA ${periods.emaFastPeriodBars}/${periods.emaSlowPeriodBars} trend`,
      momentum: `RSI ${periods.rsiPeriodBars}`,
      macd: `MACD ${periods.macdFastPeriodBars}/${periods.macdSlowPeriodBars}/${periods.macdSignalPeriodBars} histogram`,
      emaFast: `EMA ${periods.emaFastPeriodBars}`,
      emaSlow: `EMA ${periods.emaSlowPeriodBars}`,
      rsi: `RSI ${periods.rsiPeriodBars}`,
      atr: `ATR ${periods.atrPeriodBars}`,
    };
    namesByPeriods.set(periods, names);
  }
  return names;
}

/** The three components of a timeframe's signal. */
export function signalComponents(
  readings: IndicatorReadings,
  periods: IndicatorPeriods,
  config: AnalysisConfig['signal'],
): SignalComponent[] {
  const names = namesOf(periods);
  return [
    {
      id: 'trend',
      label: names.trend,
      score: inAtrs(readings.emaFast - readings.emaSlow, readings.atr, config.trendFullScaleAtr),
      weight: config.trendWeight,
      values: {
        [names.emaFast]: readings.emaFast,
        [names.emaSlow]: readings.emaSlow,
        [names.atr]: readings.atr,
      },
    },
    {
      id: 'momentum',
      label: names.momentum,
      score: clampScore((readings.rsi - 50) / config.rsiFullScalePoints),
      weight: config.momentumWeight,
      values: { [names.rsi]: readings.rsi },
    },
    {
      id: 'macd',
      label: names.macd,
      score: inAtrs(readings.macdHistogram, readings.atr, config.macdFullScaleAtr),
      weight: config.macdWeight,
      values: {
        MACD: readings.macd,
        signal: readings.macdSignal,
        histogram: readings.macdHistogram,
        [names.atr]: readings.atr,
      },
    },
  ];
}

/** The weighted signal of one timeframe. */
export function timeframeSignal(
  readings: IndicatorReadings,
  periods: IndicatorPeriods,
  config: AnalysisConfig['signal'],
): TimeframeSignal {
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
