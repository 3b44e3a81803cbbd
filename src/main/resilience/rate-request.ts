// What a request asks the rate limiter for and what it gets back. Its own file so the limiter's
// queue and refusal helpers can name these types without importing the limiter (no import cycle).
import type { PoolHeaders } from './pool-budget.ts';
import type { Lane, RatePool } from './pools.ts';

/** One request asking for budget. */
export interface RateRequest {
  readonly pool: RatePool;
  readonly weight: number;
  readonly lane: Lane;
  /** `METHOD /path/{template}`, for per-endpoint caps. */
  readonly route: string;
  /**
   * A new order that is not protective (not reduce-only / close): while it waits it has a deadline
   * (`orderQueueDeadlineMs`) and `RateLimiter.dropQueuedEntries` (rate-limiter.ts) rejects it (ADR 0234).
   */
  readonly entry?: boolean;
}

/** How a request ended, as far as the limiter cares. */
export type RateOutcome =
  | { readonly kind: 'answered'; readonly headers: PoolHeaders | undefined }
  | { readonly kind: 'quota-exceeded'; readonly headers: PoolHeaders }
  | { readonly kind: 'overloaded' }
  | { readonly kind: 'not-sent' };

/** Budget granted to one request; release it exactly once with what happened. */
export interface RatePermit {
  release(outcome: RateOutcome): void;
}
