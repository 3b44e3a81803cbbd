/**
 * The indicators of one timeframe, updated one bar at a time with trading-signals (ADR 0013,
 * ADR 0700). A tick of the forming bar is `update(bar, replace = true)`: the library rolls its
 * state back to the last closed bar and applies the new values, so the forming bar is replaced,
 * never appended. The property test in indicator-set.test.ts holds it to a recompute from scratch.
 */
import { ATR, EMA, MACD, RSI } from 'trading-signals';
import type { Candle } from '../../shared/ipc/channels/market.ts';
import type { AnalysisConfig } from '../config/sections/analysis.ts';

/** Indicator periods in bars (the config's `analysis.indicators`). */
export type IndicatorPeriods = AnalysisConfig['indicators'];

/** What the indicators read once every one of them has warmed up. Prices in price units, RSI in points. */
export interface IndicatorReadings {
  readonly emaFast: number;
  readonly emaSlow: number;
  readonly rsi: number;
  readonly macd: number;
  readonly macdSignal: number;
  readonly macdHistogram: number;
  /** ATR over `atrPeriodBars`. */
  readonly atr: number;
}

/**
 * Bars needed before every indicator is stable, the forming bar included: the slow EMA needs its
 * period; RSI its period of changes (one bar more); the MACD signal line its period of MACD values,
 * the first of which needs the slow period; ATR (Wilder: the first true range is high − low) its period.
 */
export function requiredBars(periods: IndicatorPeriods): number {
  return Math.max(
    periods.emaSlowPeriodBars,
    periods.rsiPeriodBars + 1,
    periods.macdSlowPeriodBars + periods.macdSignalPeriodBars - 1,
    periods.atrPeriodBars,
  );
}

/** One timeframe's indicators. */
export class IndicatorSet {
  readonly #periods: IndicatorPeriods;
  readonly #emaFast: EMA;
  readonly #emaSlow: EMA;
  readonly #rsi: RSI;
  readonly #macd: MACD;
  readonly #atrs = new Map<number, ATR>();
  #bars = 0;

  /** @param extraAtrPeriods - ATR periods kept besides `atrPeriodBars` (trailing stops ask for their own). */
  constructor(periods: IndicatorPeriods, extraAtrPeriods: Iterable<number> = []) {
    this.#periods = periods;
    this.#emaFast = new EMA(periods.emaFastPeriodBars);
    this.#emaSlow = new EMA(periods.emaSlowPeriodBars);
    this.#rsi = new RSI(periods.rsiPeriodBars);
    this.#macd = new MACD(
      new EMA(periods.macdFastPeriodBars),
      new EMA(periods.macdSlowPeriodBars),
      new EMA(periods.macdSignalPeriodBars),
    );
    for (const period of [periods.atrPeriodBars, ...extraAtrPeriods]) this.#atrs.set(period, new ATR(period));
  }

  /**
   * Feeds one bar. `replace` = the bar is the forming one seen before: its previous values are
   * taken back first. O(1) per call (each indicator keeps a window of at most its period).
   */
  update(bar: Candle, replace: boolean): void {
    if (!replace || this.#bars === 0) this.#bars += 1;
    const close = bar.close;
    this.#emaFast.update(close, replace);
    this.#emaSlow.update(close, replace);
    this.#rsi.update(close, replace);
    this.#macd.update(close, replace);
    for (const atr of this.#atrs.values()) atr.update(bar, replace);
  }

  /** Bars fed so far, the forming one included. */
  bars(): number {
    return this.#bars;
  }

  /** The readings, or undefined until every indicator (the MACD signal line too) is stable. */
  readings(): IndicatorReadings | undefined {
    if (!this.#emaSlow.isStable || !this.#rsi.isStable || !this.#macd.signal.isStable) return undefined;
    const macd = this.#macd.getResult();
    const rsi = this.#rsi.getResult();
    const atr = this.atr(this.#periods.atrPeriodBars);
    if (macd === null || rsi === null || atr === undefined) return undefined;
    return {
      emaFast: this.#emaFast.getResultOrThrow(),
      emaSlow: this.#emaSlow.getResultOrThrow(),
      rsi,
      macd: macd.macd,
      macdSignal: macd.signal,
      macdHistogram: macd.histogram,
      atr,
    };
  }

  /** ATR over `period` bars, or undefined when that period is not kept or not warmed up. */
  atr(period: number): number | undefined {
    return this.#atrs.get(period)?.getResult() ?? undefined;
  }

  /** Whether an ATR of this period is kept. */
  keepsAtr(period: number): boolean {
    return this.#atrs.has(period);
  }

  /** Every ATR period kept besides the configured one. */
  extraAtrPeriods(): number[] {
    return [...this.#atrs.keys()].filter((period) => period !== this.#periods.atrPeriodBars);
  }
}
