import type { RatePool } from './pools.ts';

/** What KuCoin's `gw-ratelimit-*` headers said about one pool (docs/reference/kucoin-futures.md#rate-limits); reset is ms until the window ends. */
export interface PoolHeaders {
  readonly limit: number;
  readonly remaining: number;
  readonly resetMs: number;
}

/** Usage of one pool, for metrics and the health panel. */
export interface PoolUsage {
  readonly pool: RatePool;
  readonly limit: number;
  readonly used: number;
  readonly remaining: number;
  readonly queued: number;
  readonly inFlightWeight: number;
  /** Ms until the current window ends; 0 when no window is running. */
  readonly resetInMs: number;
  /** Ms left of an overload back-off (a 429000 without quota headers). */
  readonly pausedForMs: number;
}

/** Two header windows whose reset instants differ by more than this are different windows. */
const sameWindowToleranceMs = 1_000;

/**
 * The weight budget of one pool in KuCoin's fixed window, which starts at the first request (docs/reference/kucoin-futures.md#rate-limits).
 * Weight is deducted when a request is sent; every response's headers correct the estimate.
 */
export class PoolBudget {
  readonly pool: RatePool;
  limit: number;
  remaining: number;
  /** End of the current window (epoch ms), undefined until the first request of a window. */
  resetAt: number | undefined = undefined;
  inFlightWeight = 0;
  pausedUntil = 0;
  overloadStreak = 0;
  readonly #windowMs: number;
  readonly #resetGuardMs: number;
  /** The lowest `remaining` any answer of the current window reported. */
  #lowestSeen = Infinity;

  constructor(pool: RatePool, limit: number, windowMs: number, resetGuardMs: number) {
    this.pool = pool;
    this.limit = limit;
    this.remaining = limit;
    this.#windowMs = windowMs;
    this.#resetGuardMs = resetGuardMs;
  }

  /** Starts a fresh window once the old one has ended (plus a guard for the clock gap). */
  refresh(now: number): void {
    if (this.resetAt !== undefined && now >= this.resetAt + this.#resetGuardMs) {
      this.remaining = this.limit;
      this.resetAt = undefined;
      this.#lowestSeen = Infinity;
    }
  }

  /** When the budget can next grow: the end of an overload pause, else of the window (plus guard). */
  nextChangeAt(now: number): number {
    if (now < this.pausedUntil) return this.pausedUntil;
    return this.resetAt === undefined ? now : this.resetAt + this.#resetGuardMs;
  }

  /** Deducts a request's weight as it is sent. */
  spend(weight: number, now: number): void {
    this.resetAt ??= now + this.#windowMs;
    this.remaining -= weight;
    this.inFlightWeight += weight;
  }

  /** Folds one response's headers in. `ownWeight` is the answered request, no longer in flight. */
  observe(headers: PoolHeaders, ownWeight: number, now: number): void {
    this.inFlightWeight = Math.max(0, this.inFlightWeight - ownWeight);
    this.limit = headers.limit;
    // Requests still in flight may not be counted by the server yet: count them ourselves.
    const serverRemaining = headers.remaining - this.inFlightWeight;
    const serverResetAt = now + headers.resetMs;
    const sameWindow =
      this.resetAt !== undefined && Math.abs(serverResetAt - this.resetAt) <= sameWindowToleranceMs;
    this.#lowestSeen = sameWindow ? Math.min(this.#lowestSeen, headers.remaining) : headers.remaining;
    if (sameWindow && this.inFlightWeight === 0) {
      // Nothing in flight: every request is counted, and the lowest answer of the window is the
      // server's latest state (answers can arrive out of order; the pool only ever goes down).
      this.remaining = this.#lowestSeen;
      this.resetAt = Math.max(this.resetAt ?? serverResetAt, serverResetAt);
    } else if (sameWindow) {
      // Responses can arrive out of order: within one window the estimate only ever goes down.
      this.remaining = Math.min(this.remaining, serverRemaining);
      this.resetAt = Math.max(this.resetAt ?? serverResetAt, serverResetAt);
    } else {
      this.remaining = serverRemaining;
      this.resetAt = serverResetAt;
    }
  }

  /** A response without headers: only the in-flight count changes. */
  settle(ownWeight: number): void {
    this.inFlightWeight = Math.max(0, this.inFlightWeight - ownWeight);
  }

  /** KuCoin said the quota is gone (429000 with headers): nothing more until the reset. */
  exhaust(resetMs: number, now: number): void {
    this.remaining = 0;
    this.resetAt = now + resetMs;
  }

  /** Overload (429000 without headers, docs/reference/kucoin-futures.md#legacy-rate-limits / #overload-is-not-quota): pause without touching the quota. */
  pauseForOverload(initialMs: number, maxMs: number, now: number): number {
    const pauseMs = Math.min(maxMs, initialMs * 2 ** this.overloadStreak);
    this.overloadStreak += 1;
    this.pausedUntil = now + pauseMs;
    return pauseMs;
  }

  /** Usage snapshot. */
  usage(now: number, queued: number): PoolUsage {
    return {
      pool: this.pool,
      limit: this.limit,
      used: this.limit - Math.max(0, this.remaining),
      remaining: Math.max(0, this.remaining),
      queued,
      inFlightWeight: this.inFlightWeight,
      resetInMs: this.resetAt === undefined ? 0 : Math.max(0, this.resetAt - now),
      pausedForMs: Math.max(0, this.pausedUntil - now),
    };
  }
}
