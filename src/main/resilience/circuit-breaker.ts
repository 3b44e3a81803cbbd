import { CircuitOpenError, NetworkError } from '../../shared/errors.ts';
import type { ExchangeConfig } from '../config/sections/exchange.ts';
import type { Logger } from '../observability/logger.ts';
import type { Clock } from '../time/clock.ts';

/** Breaker states as the UI and alerts name them. */
export const breakerStates = ['closed', 'open', 'half-open'] as const;
/** A breaker state. */
export type BreakerState = (typeof breakerStates)[number];

/** One state change, emitted to every listener. */
export interface BreakerStateChange {
  readonly from: BreakerState;
  readonly to: BreakerState;
  /** When it changed, epoch ms on the injected clock. */
  readonly at: number;
  /** The error that opened the breaker, when it opened. */
  readonly reason?: string;
}

/** How one call goes through the breaker. */
export interface BreakerCallOptions {
  /**
   * A request that protects a position (cancel, reduce-only / close order, protective read): never
   * failed fast. While the breaker is open it is sent as a probe and its outcome feeds the breaker:
   * an answer closes it, an "unreachable" failure keeps it open and restarts the cool-down (ADR 0232).
   */
  readonly protective?: boolean;
}

/** Guards calls to the exchange: after N consecutive "exchange unreachable" failures, fail fast. */
export interface CircuitBreaker {
  /**
   * Runs `task` through the breaker. Throws CircuitOpenError without calling `task` while open (or
   * while the single half-open probe is in flight), unless the call is protective; rethrows the
   * task's own errors.
   */
  execute<T>(task: () => Promise<T>, options?: BreakerCallOptions): Promise<T>;
  state(): BreakerState;
  /** Subscribes to state changes; returns the unsubscribe function. */
  onStateChange(listener: (change: BreakerStateChange) => void): () => void;
}

/**
 * Whether an error means the exchange is unreachable: network failures, timeouts and 5xx
 * (all NetworkError). Business rejections, auth and rate limits never open the breaker.
 */
export function isExchangeUnreachable(error: unknown): boolean {
  return error instanceof NetworkError;
}

/** Dependencies of {@link createCircuitBreaker}. */
export interface CircuitBreakerOptions {
  readonly config: ExchangeConfig['breaker'];
  /** Drives the cool-down: the breaker half-opens once this clock says `breakerCooldownMs` passed. */
  readonly clock: Clock;
  readonly logger: Logger;
  /** Which host this breaker guards, for logs and alerts (e.g. `futures`, `general`). */
  readonly name?: string;
}

/**
 * The breaker: `breakerFailureThreshold` consecutive unreachable failures open it; after
 * `breakerCooldownMs` on the injected clock the next call is the one half-open probe; protective calls
 * are probes at any time. Errors that are not "unreachable" reach the caller and count as proof the
 * exchange answered. A small state machine of our own (ADR 0232, replacing cockatiel's of ADR 0201).
 */
export function createCircuitBreaker(options: CircuitBreakerOptions): CircuitBreaker {
  return new ConsecutiveFailureBreaker(options);
}

/** What a call was admitted as: it decides which state its outcome may move. */
type Admission = 'ordinary' | 'probe';

class ConsecutiveFailureBreaker implements CircuitBreaker {
  readonly #options: CircuitBreakerOptions;
  readonly #listeners = new Set<(change: BreakerStateChange) => void>();
  #state: BreakerState = 'closed';
  #consecutiveFailures = 0;
  /** When the breaker last opened or a probe last failed: the cool-down counts from here. */
  #openedAt = 0;

  constructor(options: CircuitBreakerOptions) {
    this.#options = options;
  }

  execute<T>(task: () => Promise<T>, options: BreakerCallOptions = {}): Promise<T> {
    const admission = this.#admit(options.protective === true);
    if (admission === undefined) return Promise.reject(openError());
    return this.#run(task, admission);
  }

  state(): BreakerState {
    return this.#state;
  }

  onStateChange(listener: (change: BreakerStateChange) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Whether a call may go out, and as what; undefined = fail fast. */
  #admit(protective: boolean): Admission | undefined {
    if (this.#state === 'closed') return 'ordinary';
    if (protective) return 'probe';
    // One probe at a time: while it is in flight, others fail fast instead of queueing behind it.
    if (this.#state === 'half-open') return undefined;
    if (this.#options.clock.now() - this.#openedAt < this.#options.config.breakerCooldownMs) return undefined;
    this.#moveTo('half-open');
    return 'probe';
  }

  async #run<T>(task: () => Promise<T>, admission: Admission): Promise<T> {
    let value: T;
    try {
      value = await task();
    } catch (error) {
      if (isExchangeUnreachable(error)) this.#failed(admission, error);
      else this.#answered(admission);
      throw error;
    }
    this.#answered(admission);
    return value;
  }

  /** The exchange answered (a value or a business error). */
  #answered(admission: Admission): void {
    if (this.#state === 'closed') {
      this.#consecutiveFailures = 0;
      return;
    }
    // A request admitted while closed that ends after the breaker opened says nothing new.
    if (admission === 'probe') this.#moveTo('closed');
  }

  #failed(admission: Admission, error: unknown): void {
    const reason = error instanceof Error ? error.message : String(error);
    if (this.#state === 'closed') {
      this.#consecutiveFailures += 1;
      if (this.#consecutiveFailures >= this.#options.config.breakerFailureThreshold) this.#open(reason);
      return;
    }
    if (admission !== 'probe') return;
    if (this.#state === 'half-open') {
      this.#open(reason);
      return;
    }
    this.#openedAt = this.#options.clock.now();
    this.#options.logger.warn('circuit-breaker-probe-failed', {
      reason,
      cooldownRestartedAt: this.#openedAt,
      ...this.#host(),
    });
  }

  #open(reason: string): void {
    this.#openedAt = this.#options.clock.now();
    this.#moveTo('open', reason);
  }

  #moveTo(to: BreakerState, reason?: string): void {
    if (to === 'closed') this.#consecutiveFailures = 0;
    const change: BreakerStateChange = {
      from: this.#state,
      to,
      at: this.#options.clock.now(),
      ...(reason === undefined ? {} : { reason }),
    };
    this.#state = to;
    this.#options.logger.warn('circuit-breaker-state-changed', { ...change, ...this.#host() });
    for (const listener of this.#listeners) listener(change);
  }

  #host(): { host?: string } {
    return this.#options.name === undefined ? {} : { host: this.#options.name };
  }
}

function openError(): CircuitOpenError {
  return new CircuitOpenError(
    'circuit-open',
    'The exchange looks unreachable; requests are paused until a probe succeeds.',
  );
}
