/**
 * Which contracts the analysis follows (ADR 0704): the one the trader selected, every one with an
 * open position (re-read every `positionsRefreshMs`), and every one a trailing stop asked an ATR of
 * within `atrDemandTtlMs`. Each change, and each refresh, hands the whole set to `apply`.
 */
import { toTradingError } from '../../shared/errors.ts';
import type { AnalysisConfig } from '../config/sections/analysis.ts';
import type { Logger } from '../observability/logger.ts';
import type { Clock } from '../time/clock.ts';
import type { AnalysisMarket } from './history-source.ts';

/** What {@link FollowedSymbols} needs. */
export interface FollowedSymbolsOptions {
  readonly config: AnalysisConfig['tracking'];
  readonly positions: AnalysisMarket['getPositions'];
  readonly clock: Clock;
  readonly logger: Logger;
  readonly apply: (wanted: ReadonlySet<string>) => void;
}

/** The followed set. */
export class FollowedSymbols {
  readonly #options: FollowedSymbolsOptions;
  readonly #withPosition = new Set<string>();
  readonly #atrAskedAt = new Map<string, number>();
  #selected: string | undefined;
  #timer: NodeJS.Timeout | undefined;
  #lastPositionsError: string | undefined;
  #stopped = false;

  constructor(options: FollowedSymbolsOptions) {
    this.#options = options;
  }

  /** The trader's contract; the previous one stays only if something else keeps it. */
  select(symbol: string): void {
    const changed = this.#selected !== symbol;
    this.#selected = symbol;
    if (changed) this.#emit();
  }

  /** A trailing stop (or the liquidation watch) asked an ATR of this contract. */
  askedAtr(symbol: string): void {
    const known = this.#atrAskedAt.has(symbol);
    this.#atrAskedAt.set(symbol, this.#options.clock.now());
    if (!known) this.#emit();
  }

  /** Reads positions now and then every `positionsRefreshMs`. */
  start(): void {
    void this.#refresh();
    this.#timer = setInterval(() => {
      void this.#refresh();
    }, this.#options.config.positionsRefreshMs);
  }

  stop(): void {
    this.#stopped = true;
    clearInterval(this.#timer);
  }

  /** The followed contracts now. */
  wanted(): Set<string> {
    const wanted = new Set(this.#withPosition);
    if (this.#selected !== undefined) wanted.add(this.#selected);
    for (const symbol of this.#atrAskedAt.keys()) wanted.add(symbol);
    return wanted;
  }

  async #refresh(): Promise<void> {
    try {
      const positions = await this.#options.positions();
      this.#withPosition.clear();
      for (const position of positions)
        if (position.isOpen && position.currentQty !== 0) this.#withPosition.add(position.symbol);
      this.#lastPositionsError = undefined;
    } catch (error) {
      // Keep the last known set. Say it once per distinct reason, not every refresh (live without a key fails every time).
      const message = toTradingError(error).message;
      if (message !== this.#lastPositionsError)
        this.#options.logger.warn('analysis-positions-unavailable', { error: message });
      this.#lastPositionsError = message;
    }
    const expiredBefore = this.#options.clock.now() - this.#options.config.atrDemandTtlMs;
    for (const [symbol, at] of this.#atrAskedAt) if (at < expiredBefore) this.#atrAskedAt.delete(symbol);
    this.#emit();
  }

  #emit(): void {
    if (!this.#stopped) this.#options.apply(this.wanted());
  }
}
