/**
 * Loads and keeps each followed timeframe (ADR 0704): subscribes its candle stream first, then
 * reads `historyBars` of history from the market service, applies the pushes that arrived in
 * between, and from then on one push at a time. A hole in the stream or a reconnect reloads; a
 * bar that just closed is re-read from the exchange a little later and corrected if the stream
 * missed its last trades. A failed load says why and is retried on the next positions refresh.
 */
import type { Candle } from '../../shared/ipc/channels/market.ts';
import { toTradingError } from '../../shared/errors.ts';
import type { AnalysisConfig } from '../config/sections/analysis.ts';
import type { Timeframe } from '../market/timeframes.ts';
import type { Logger } from '../observability/logger.ts';
import type { AnalysisMarket } from './history-source.ts';
import type { FollowedTimeframe, SymbolAnalysis } from './symbol-analysis.ts';

/** Pushes kept while a load is in flight; a longer load reloads anyway (the gap check sees it). */
const MAX_PENDING_PUSHES = 1_000;

/** What the loader needs. */
export interface TimeframeLoaderOptions {
  readonly config: AnalysisConfig;
  readonly market: AnalysisMarket;
  readonly logger: Logger;
  /** A timeframe's data changed outside a push (load, reload, correction). */
  readonly changed: (symbol: string) => void;
}

/** Loads timeframes and applies their pushes. */
export class TimeframeLoader {
  readonly #options: TimeframeLoaderOptions;
  readonly #inFlight = new Set<FollowedTimeframe>();
  readonly #timers = new Set<NodeJS.Timeout>();
  readonly #watched = new Set<string>();
  #stopped = false;

  constructor(options: TimeframeLoaderOptions) {
    this.#options = options;
  }

  /** Adds a timeframe to a followed contract and starts loading it. */
  addTimeframe(analysis: SymbolAnalysis, timeframe: Timeframe): FollowedTimeframe {
    const followed = analysis.add(timeframe);
    if (followed.loadsStarted === 0) this.reload(analysis, timeframe);
    return followed;
  }

  /** Starts every timeframe never loaded, and retries the ones whose load failed. */
  retryWaiting(analysis: SymbolAnalysis): void {
    for (const [timeframe, followed] of analysis.timeframes) {
      if (this.#inFlight.has(followed)) continue;
      if (followed.loadsStarted === 0 || followed.load.kind === 'unavailable')
        this.reload(analysis, timeframe);
    }
  }

  /**
   * (Re)loads one timeframe's history. While a load is in flight, another request runs once it is
   * done (a reconnect during a load may have started after the load's read).
   */
  reload(analysis: SymbolAnalysis, timeframe: Timeframe): void {
    const followed = analysis.timeframes.get(timeframe);
    if (followed === undefined || this.#stopped) return;
    if (this.#inFlight.has(followed)) {
      followed.reloadAgain = true;
      return;
    }
    followed.loadsStarted += 1;
    this.#inFlight.add(followed);
    void this.#load(analysis, timeframe, followed);
  }

  /**
   * Applies one pushed bar. Returns whether the timeframe's indicators changed. O(1), except a
   * gap, which starts a reload and returns false. During a load, pushes wait for the history.
   */
  apply(analysis: SymbolAnalysis, followed: FollowedTimeframe, bar: Candle): boolean {
    if (this.#inFlight.has(followed)) {
      followed.pending.push(bar);
      if (followed.pending.length > MAX_PENDING_PUSHES) followed.pending.shift();
      return false;
    }
    if (followed.load.kind !== 'loaded') return false;
    const outcome = followed.tracker.apply(bar);
    if (outcome.kind === 'gap') {
      this.#options.logger.info('analysis-candle-gap', {
        symbol: analysis.symbol,
        timeframe: followed.tracker.timeframe,
        fromMs: outcome.missingFromMs,
        toMs: outcome.missingToMs,
      });
      this.reload(analysis, followed.tracker.timeframe);
      return false;
    }
    if (outcome.kind === 'opened' && outcome.closed !== undefined)
      this.#recheckLater(analysis, followed, outcome.closed);
    return outcome.kind !== 'late';
  }

  stop(): void {
    this.#stopped = true;
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
  }

  async #load(analysis: SymbolAnalysis, timeframe: Timeframe, followed: FollowedTimeframe): Promise<void> {
    const { market, config, logger } = this.#options;
    await this.#watch(analysis.symbol, timeframe);
    try {
      const bars = await market.getCandles(analysis.symbol, timeframe, config.tracking.historyBars);
      if (this.#stopped) return;
      this.#install(followed, bars);
    } catch (error) {
      const message = `candles unavailable (${toTradingError(error).message}); retrying every ${Math.round(config.tracking.positionsRefreshMs / 1000)} s`;
      followed.load = { kind: 'unavailable', message };
      logger.warn('analysis-history-failed', { symbol: analysis.symbol, timeframe, error: message });
    } finally {
      this.#inFlight.delete(followed);
    }
    this.#options.changed(analysis.symbol);
    if (followed.reloadAgain) {
      followed.reloadAgain = false;
      this.reload(analysis, timeframe);
    }
  }

  /** Subscribes the candle stream once per contract and timeframe (the stream resubscribes it after reconnects). */
  async #watch(symbol: string, timeframe: Timeframe): Promise<void> {
    const key = `${symbol}|${timeframe}`;
    if (this.#watched.has(key)) return;
    try {
      await this.#options.market.watchCandles(symbol, timeframe);
      this.#watched.add(key);
    } catch (error) {
      this.#options.logger.warn('analysis-candle-stream-subscribe-failed', {
        symbol,
        timeframe,
        error: toTradingError(error).message,
      });
    }
  }

  /** History in, then the pushes that arrived meanwhile (newer than its forming bar). */
  #install(followed: FollowedTimeframe, bars: readonly Candle[]): void {
    followed.tracker.load(bars);
    const pending = followed.pending.splice(0);
    for (const bar of pending) {
      const forming = followed.tracker.formingOpenTimeMs();
      if (forming === undefined || bar.openTimeMs >= forming) followed.tracker.apply(bar, true);
    }
    followed.load = { kind: 'loaded' };
  }

  #recheckLater(analysis: SymbolAnalysis, followed: FollowedTimeframe, closed: Candle): void {
    const timeframe = followed.tracker.timeframe;
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      this.#options.market.closedBar(analysis.symbol, timeframe, closed.openTimeMs).then(
        (final) => {
          if (this.#stopped || final === undefined || analysis.timeframes.get(timeframe) !== followed) return;
          if (followed.tracker.correctClosed(final)) this.#options.changed(analysis.symbol);
        },
        (error: unknown) => {
          this.#options.logger.debug('analysis-closed-bar-recheck-failed', {
            symbol: analysis.symbol,
            timeframe,
            error: toTradingError(error).message,
          });
        },
      );
    }, this.#options.config.tracking.closedBarRecheckDelayMs);
    this.#timers.add(timer);
  }
}
