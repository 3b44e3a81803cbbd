/**
 * One contract's bars of one timeframe and their indicators, kept current from the candle
 * stream (ADR 0700). A push of the forming bar replaces it in the indicators; a push that opens
 * the next bar closes the forming one and appends; a hole in the stream asks for a reload.
 * The recent closed bars are kept so that a corrected bar or a newly asked ATR period can be
 * rebuilt without asking the exchange again.
 */
import type { Candle } from '../../shared/ipc/channels/market.ts';
import { timeframeMs, type Timeframe } from '../market/timeframes.ts';
import {
  IndicatorSet,
  requiredBars,
  type IndicatorPeriods,
  type IndicatorReadings,
} from './indicator-set.ts';

/** What one pushed bar did. */
export type TrackerOutcome =
  /** The forming bar's values were replaced. */
  | { readonly kind: 'replaced' }
  /** A new bar opened; `closed` is the bar that just closed (its last known values). */
  | { readonly kind: 'opened'; readonly closed: Candle | undefined }
  /** Bars between the forming one and this one never arrived: reload the history. */
  | { readonly kind: 'gap'; readonly missingFromMs: number; readonly missingToMs: number }
  /** A push for a bar that has already closed (ignored; the closed-bar re-read corrects it). */
  | { readonly kind: 'late' };

/** A timeframe's bars and indicators. */
export class TimeframeTracker {
  readonly timeframe: Timeframe;
  readonly barMs: number;
  readonly #periods: IndicatorPeriods;
  readonly #maxClosedBars: number;
  readonly #closed: Candle[] = [];
  #forming: Candle | undefined;
  #indicators: IndicatorSet;

  /** @param maxClosedBars - closed bars kept for rebuilds (the history length). */
  constructor(timeframe: Timeframe, periods: IndicatorPeriods, maxClosedBars: number) {
    this.timeframe = timeframe;
    this.barMs = timeframeMs(timeframe);
    this.#periods = periods;
    this.#maxClosedBars = maxClosedBars;
    this.#indicators = new IndicatorSet(periods);
  }

  /** Replaces everything with `bars` (oldest first; the newest is taken as the forming bar). */
  load(bars: readonly Candle[]): void {
    const sorted = [...bars].sort((a, b) => a.openTimeMs - b.openTimeMs);
    this.#forming = sorted.pop();
    this.#closed.splice(0, this.#closed.length, ...sorted.slice(-this.#maxClosedBars));
    this.#rebuild();
  }

  /**
   * Applies one pushed bar; O(1). A gap changes nothing and is reported, unless `acceptGap`
   * (after a reload that could not fill it: a market without trades may have no bar there).
   */
  apply(bar: Candle, acceptGap = false): TrackerOutcome {
    const forming = this.#forming;
    if (forming === undefined) {
      this.#forming = bar;
      this.#indicators.update(bar, false);
      return { kind: 'opened', closed: undefined };
    }
    if (bar.openTimeMs === forming.openTimeMs) {
      this.#forming = bar;
      this.#indicators.update(bar, true);
      return { kind: 'replaced' };
    }
    if (bar.openTimeMs < forming.openTimeMs) return { kind: 'late' };
    if (!acceptGap && bar.openTimeMs > forming.openTimeMs + this.barMs) {
      return {
        kind: 'gap',
        missingFromMs: forming.openTimeMs + this.barMs,
        missingToMs: bar.openTimeMs - this.barMs,
      };
    }
    this.#pushClosed(forming);
    this.#forming = bar;
    this.#indicators.update(bar, false);
    return { kind: 'opened', closed: forming };
  }

  /**
   * Puts the exchange's final values of a closed bar in place of what the stream showed. Returns
   * whether anything changed (then the indicators were rebuilt from the kept bars).
   */
  correctClosed(bar: Candle): boolean {
    const index = this.#closed.findIndex((kept) => kept.openTimeMs === bar.openTimeMs);
    const kept = this.#closed[index];
    if (kept === undefined || sameValues(kept, bar)) return false;
    this.#closed[index] = bar;
    this.#rebuild();
    return true;
  }

  /** Keeps an ATR of `period` from now on (rebuilt from the kept bars). Returns whether it was new. */
  keepAtr(period: number): boolean {
    if (this.#indicators.keepsAtr(period)) return false;
    this.#rebuild([...this.#indicators.extraAtrPeriods(), period]);
    return true;
  }

  /** Bars the indicators have seen, the forming one included. */
  bars(): number {
    return this.#indicators.bars();
  }

  /** Bars needed before there is a signal. */
  neededBars(): number {
    return requiredBars(this.#periods);
  }

  /** Open time of the forming bar, or undefined before any bar. */
  formingOpenTimeMs(): number | undefined {
    return this.#forming?.openTimeMs;
  }

  /** The indicator readings, or undefined during warm-up. */
  readings(): IndicatorReadings | undefined {
    return this.#indicators.readings();
  }

  /** ATR over `period` bars (undefined when not kept or not warmed up). */
  atr(period: number): number | undefined {
    return this.#indicators.atr(period);
  }

  #pushClosed(bar: Candle): void {
    this.#closed.push(bar);
    if (this.#closed.length > this.#maxClosedBars) this.#closed.shift();
  }

  #rebuild(extraAtrPeriods: readonly number[] = this.#indicators.extraAtrPeriods()): void {
    const indicators = new IndicatorSet(this.#periods, extraAtrPeriods);
    for (const bar of this.#closed) indicators.update(bar, false);
    if (this.#forming !== undefined) indicators.update(this.#forming, false);
    this.#indicators = indicators;
  }
}

function sameValues(a: Candle, b: Candle): boolean {
  return a.open === b.open && a.high === b.high && a.low === b.low && a.close === b.close;
}
