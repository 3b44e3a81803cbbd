/**
 * The analysis service (ADR 0700, 0704): follows the selected contract, every contract with a
 * position and every contract a trailing stop asked an ATR of; per contract and timeframe it
 * loads history from the market service, keeps the indicators current from the candle stream
 * (O(1) per tick), and publishes snapshots (throttled) and verdict changes.
 */
import type { AnalysisSnapshot, Verdict, VerdictChanged } from '../../shared/ipc/channels/analysis.ts';
import { ValidationError } from '../../shared/errors.ts';
import type { AnalysisConfig } from '../config/sections/analysis.ts';
import type { Timeframe } from '../market/timeframes.ts';
import type { Logger } from '../observability/logger.ts';
import type { Clock } from '../time/clock.ts';
import type { AtrSource } from './atr-source.ts';
import type { AnalysisMarket, CandleUpdate } from './history-source.ts';
import { FollowedSymbols } from './followed-symbols.ts';
import { SymbolAnalysis } from './symbol-analysis.ts';
import { TimeframeLoader } from './timeframe-loader.ts';
import { KeyedThrottle } from './throttle.ts';
import { VerdictWatch } from './verdict-watch.ts';

/** What the service needs. */
export interface AnalysisServiceOptions {
  readonly config: AnalysisConfig;
  readonly market: AnalysisMarket;
  /**
   * Calls back when the public stream comes up or back (its topics are being resubscribed): pushes
   * before that never arrived, so every followed timeframe is reloaded.
   */
  readonly onStreamLive?: (listener: () => void) => () => void;
  readonly clock: Clock;
  readonly logger: Logger;
}

/** The verdict of a followed contract, for the optional risk rule. */
export interface VerdictSource {
  /** The latest verdict, or undefined when the contract is not followed or has none yet. */
  verdict(symbol: string): Verdict | undefined;
}

/** The running analysis. */
export interface AnalysisService extends AtrSource, VerdictSource {
  /** Follows `symbol` as the selected contract (the previous selection is dropped unless it has a position); returns its snapshot now. */
  select(symbol: string): AnalysisSnapshot;
  /** The latest snapshot. @throws ValidationError `analysis-not-followed` for a contract that is not followed. */
  snapshot(symbol: string): AnalysisSnapshot;
  /** Contracts followed now. */
  followed(): string[];
  onSnapshot(listener: (snapshot: AnalysisSnapshot) => void): () => void;
  onVerdictChanged(listener: (change: VerdictChanged) => void): () => void;
  /** Subscribes the stream and starts following positions. */
  start(): void;
  stop(): void;
}

/** Builds the service (not started). */
export function createAnalysisService(options: AnalysisServiceOptions): AnalysisService {
  return new LiveAnalysisService(options);
}

class LiveAnalysisService implements AnalysisService {
  readonly #options: AnalysisServiceOptions;
  readonly #symbols = new Map<string, SymbolAnalysis>();
  readonly #latest = new Map<string, AnalysisSnapshot>();
  readonly #snapshotListeners = new Set<(snapshot: AnalysisSnapshot) => void>();
  readonly #verdicts: VerdictWatch;
  readonly #publish: KeyedThrottle;
  readonly #loader: TimeframeLoader;
  readonly #follow: FollowedSymbols;
  readonly #unsubscribers: (() => void)[] = [];
  #stopped = false;

  constructor(options: AnalysisServiceOptions) {
    this.#options = options;
    this.#verdicts = new VerdictWatch(options.config.verdict);
    this.#publish = new KeyedThrottle(options.config.tracking.publishIntervalMs, () => Date.now());
    this.#loader = new TimeframeLoader({
      config: options.config,
      market: options.market,
      logger: options.logger,
      changed: (symbol) => {
        this.#changed(symbol);
      },
    });
    this.#follow = new FollowedSymbols({
      config: options.config.tracking,
      positions: () => options.market.getPositions(),
      clock: options.clock,
      logger: options.logger,
      apply: (wanted) => {
        this.#applyFollowed(wanted);
      },
    });
  }

  select(symbol: string): AnalysisSnapshot {
    this.#follow.select(symbol);
    return this.#snapshotNow(symbol);
  }

  snapshot(symbol: string): AnalysisSnapshot {
    if (!this.#symbols.has(symbol)) {
      throw new ValidationError(
        'analysis-not-followed',
        `${symbol} is not followed by the analysis: select it first (analysis:select-symbol).`,
        { details: { symbol } },
      );
    }
    return this.#snapshotNow(symbol);
  }

  followed(): string[] {
    return [...this.#symbols.keys()];
  }

  verdict(symbol: string): Verdict | undefined {
    return this.#latest.get(symbol)?.verdict ?? undefined;
  }

  atr(symbol: string, timeframe: Timeframe, period: number): number | undefined {
    if (this.#stopped || !Number.isInteger(period) || period < 2) return undefined;
    this.#follow.askedAtr(symbol);
    const analysis = this.#symbols.get(symbol);
    if (analysis === undefined) return undefined; // followed from the next refresh on; loading until then
    const followed = analysis.timeframes.get(timeframe) ?? this.#loader.addTimeframe(analysis, timeframe);
    followed.tracker.keepAtr(period);
    return followed.load.kind === 'loaded' ? followed.tracker.atr(period) : undefined;
  }

  onSnapshot(listener: (snapshot: AnalysisSnapshot) => void): () => void {
    this.#snapshotListeners.add(listener);
    return () => this.#snapshotListeners.delete(listener);
  }

  onVerdictChanged(listener: (change: VerdictChanged) => void): () => void {
    return this.#verdicts.onChange(listener);
  }

  start(): void {
    this.#unsubscribers.push(
      this.#options.market.onCandle((update) => {
        this.#onCandle(update);
      }),
    );
    const onLive = this.#options.onStreamLive;
    if (onLive !== undefined)
      this.#unsubscribers.push(
        onLive(() => {
          this.#reloadAll('stream-live');
        }),
      );
    this.#follow.start();
  }

  stop(): void {
    this.#stopped = true;
    this.#follow.stop();
    this.#loader.stop();
    this.#publish.stop();
    for (const unsubscribe of this.#unsubscribers.splice(0)) unsubscribe();
  }

  #snapshotNow(symbol: string): AnalysisSnapshot {
    const analysis = this.#symbols.get(symbol);
    if (analysis === undefined)
      throw new ValidationError('analysis-not-followed', `${symbol} is not followed by the analysis.`, {
        details: { symbol },
      });
    const snapshot = analysis.evaluate(this.#options.clock.now());
    this.#latest.set(symbol, snapshot);
    return snapshot;
  }

  #applyFollowed(wanted: ReadonlySet<string>): void {
    if (this.#stopped) return;
    for (const symbol of [...this.#symbols.keys()]) {
      if (wanted.has(symbol)) continue;
      this.#symbols.delete(symbol);
      this.#latest.delete(symbol);
      this.#verdicts.forget(symbol);
      this.#publish.forget(symbol);
    }
    for (const symbol of wanted) {
      const analysis = this.#symbols.get(symbol) ?? new SymbolAnalysis(symbol, this.#options.config);
      this.#symbols.set(symbol, analysis);
      this.#loader.retryWaiting(analysis);
    }
  }

  #onCandle(update: CandleUpdate): void {
    const analysis = this.#symbols.get(update.symbol);
    const followed = analysis?.timeframes.get(update.timeframe);
    if (analysis === undefined || followed === undefined) return;
    if (
      this.#loader.apply(analysis, followed, update.candle) &&
      analysis.isVerdictTimeframe(update.timeframe)
    )
      this.#changed(update.symbol);
  }

  #reloadAll(reason: string): void {
    this.#options.logger.info('analysis-reload', { reason, symbols: this.#symbols.size });
    for (const analysis of this.#symbols.values()) {
      for (const timeframe of analysis.timeframes.keys()) this.#loader.reload(analysis, timeframe);
    }
  }

  /** A verdict timeframe moved: re-evaluate (cheap), watch the verdict, publish at most every interval. */
  #changed(symbol: string): void {
    if (this.#stopped || !this.#symbols.has(symbol)) return;
    const snapshot = this.#snapshotNow(symbol);
    this.#verdicts.observe(snapshot);
    this.#publish.request(symbol, () => {
      const latest = this.#latest.get(symbol);
      if (latest === undefined) return;
      for (const listener of this.#snapshotListeners) listener(latest);
    });
  }
}
