/**
 * One followed contract: a tracker per timeframe (the verdict's, plus any a trailing stop asked
 * an ATR of), each timeframe's load state, and the snapshot the strip and the ticket read.
 */
import type { AnalysisSnapshot, TimeframeAnalysis } from '../../shared/ipc/channels/analysis.ts';
import type { Candle } from '../../shared/ipc/channels/market.ts';
import type { AnalysisConfig } from '../config/sections/analysis.ts';
import { timeframeMs, type Timeframe } from '../market/timeframes.ts';
import { entryWarning } from './entry-check.ts';
import { timeframeSignal } from './signal.ts';
import { TimeframeTracker } from './timeframe-tracker.ts';
import { weightedVerdict, type TimeframeVote } from './verdict.ts';

/** Whether a timeframe's history is in. */
export type LoadState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'loaded' }
  | { readonly kind: 'unavailable'; readonly message: string };

/** A timeframe of a followed contract. */
export interface FollowedTimeframe {
  readonly tracker: TimeframeTracker;
  load: LoadState;
  /** Loads started so far (0 = never asked). */
  loadsStarted: number;
  /** A reload was asked while one was in flight: run it once that one is done. */
  reloadAgain: boolean;
  /** Pushes that arrived while the history was loading, applied after it. */
  pending: Candle[];
}

/** The not-enough-history sentence. */
export function shortHistoryMessage(timeframe: Timeframe, needs: number, has: number): string {
  return `not enough history (needs ${needs} bars of ${timeframe}, has ${has})`;
}

/** Verdict timeframes from the config, shortest first. */
export function verdictTimeframes(config: AnalysisConfig): Timeframe[] {
  return [...config.timeframes].sort((a, b) => timeframeMs(a) - timeframeMs(b));
}

/** One followed contract. */
export class SymbolAnalysis {
  readonly symbol: string;
  readonly #config: AnalysisConfig;
  readonly #verdictTimeframes: readonly Timeframe[];
  readonly timeframes = new Map<Timeframe, FollowedTimeframe>();

  constructor(symbol: string, config: AnalysisConfig) {
    this.symbol = symbol;
    this.#config = config;
    this.#verdictTimeframes = verdictTimeframes(config);
    for (const timeframe of this.#verdictTimeframes) this.add(timeframe);
  }

  /** Adds a timeframe (loading) unless it is there; returns it. */
  add(timeframe: Timeframe): FollowedTimeframe {
    const existing = this.timeframes.get(timeframe);
    if (existing !== undefined) return existing;
    const tracker = new TimeframeTracker(
      timeframe,
      this.#config.indicators,
      this.#config.tracking.historyBars,
    );
    const followed: FollowedTimeframe = {
      tracker,
      load: { kind: 'loading' },
      loadsStarted: 0,
      reloadAgain: false,
      pending: [],
    };
    this.timeframes.set(timeframe, followed);
    return followed;
  }

  /** Whether a timeframe counts in the verdict (others only serve ATRs). */
  isVerdictTimeframe(timeframe: Timeframe): boolean {
    return this.#verdictTimeframes.includes(timeframe);
  }

  /** The snapshot now: each verdict timeframe's signal (or why none), the verdict and the entry warnings. */
  evaluate(at: number): AnalysisSnapshot {
    const entries = this.#verdictTimeframes.map((timeframe) => this.#entry(timeframe));
    const votes: TimeframeVote[] = entries.map((entry) => ({
      timeframe: entry.timeframe,
      weight: entry.weight,
      signal: entry.status === 'ready' ? entry.signal : undefined,
    }));
    const verdict = weightedVerdict(votes, this.#config.signal.flatBandSignal) ?? null;
    const buy = entryWarning('buy', verdict, this.#config.entry);
    const sell = entryWarning('sell', verdict, this.#config.entry);
    return {
      symbol: this.symbol,
      at,
      timeframes: entries,
      verdict,
      entryWarnings: { ...(buy === undefined ? {} : { buy }), ...(sell === undefined ? {} : { sell }) },
    };
  }

  #entry(timeframe: Timeframe): TimeframeAnalysis {
    const weight = this.#config.timeframeWeights[timeframe];
    const followed = this.timeframes.get(timeframe);
    if (followed === undefined || followed.load.kind === 'loading')
      return { timeframe, weight, status: 'loading' };
    if (followed.load.kind === 'unavailable')
      return { timeframe, weight, status: 'unavailable', message: followed.load.message };
    const { tracker } = followed;
    const readings = tracker.readings();
    const formingOpenTimeMs = tracker.formingOpenTimeMs();
    if (readings === undefined || formingOpenTimeMs === undefined) {
      const needsBars = tracker.neededBars();
      const hasBars = tracker.bars();
      return {
        timeframe,
        weight,
        status: 'short-history',
        needsBars,
        hasBars,
        message: shortHistoryMessage(timeframe, needsBars, hasBars),
      };
    }
    const signal = timeframeSignal(readings, this.#config.indicators, this.#config.signal);
    return {
      timeframe,
      weight,
      status: 'ready',
      signal: signal.signal,
      direction: signal.direction,
      components: signal.components,
      atr: readings.atr,
      atrPeriodBars: this.#config.indicators.atrPeriodBars,
      bars: tracker.bars(),
      formingOpenTimeMs,
    };
  }
}
