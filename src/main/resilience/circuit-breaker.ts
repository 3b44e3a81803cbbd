import { BrokenCircuitError, CircuitState, ConsecutiveBreaker, circuitBreaker, handleWhen, type CircuitBreakerPolicy, type IBackoff, type IBackoffFactory } from 'cockatiel';
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
  readonly at: number;
  /** The error that opened the breaker, when it opened. */
  readonly reason?: string;
}

/** Guards calls to the exchange: after N consecutive "exchange unreachable" failures, fail fast. */
export interface CircuitBreaker {
  /**
   * Runs `task` through the breaker. Throws CircuitOpenError without calling `task` while open
   * (or while the single half-open probe is in flight); rethrows the task's own errors.
   */
  execute<T>(task: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T>;
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

const stateNames: Readonly<Record<CircuitState, BreakerState>> = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.Open]: 'open',
  [CircuitState.HalfOpen]: 'half-open',
  [CircuitState.Isolated]: 'open',
};

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
 * The cool-down on the injected clock. cockatiel 4 has no clock option: an open circuit half-opens when
 * its own `Date.now() - openedAt >= backoff.duration`, with `duration` read on every call. So the
 * backoff it gets answers +Infinity ("never") until our clock says the cool-down passed, then -Infinity
 * ("already"), whatever cockatiel's wall clock says (ADR 0222).
 */
function clockCooldown(clock: Clock, cooldownMs: number): IBackoffFactory<unknown> {
  return {
    next(): IBackoff<unknown> {
      const openedAt = clock.now();
      const backoff: IBackoff<unknown> = {
        get duration() {
          return clock.now() - openedAt >= cooldownMs ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
        },
        next: () => clockCooldown(clock, cooldownMs).next(undefined),
      };
      return backoff;
    },
  };
}

/**
 * The breaker on cockatiel (ADR 0201): ConsecutiveBreaker(threshold), one probe after the cool-down.
 * Errors that are not "unreachable" reach the caller and count as proof the exchange answered.
 */
export function createCircuitBreaker(options: CircuitBreakerOptions): CircuitBreaker {
  const policy: CircuitBreakerPolicy = circuitBreaker(handleWhen(isExchangeUnreachable), {
    halfOpenAfter: clockCooldown(options.clock, options.config.breakerCooldownMs),
    breaker: new ConsecutiveBreaker(options.config.breakerFailureThreshold),
  });
  const listeners = new Set<(change: BreakerStateChange) => void>();
  let current: BreakerState = 'closed';
  let lastFailure = '';
  policy.onFailure(({ reason }) => {
    if ('error' in reason) lastFailure = reason.error instanceof Error ? reason.error.message : String(reason.error);
  });
  policy.onStateChange((state) => {
    const change: BreakerStateChange = {
      from: current,
      to: stateNames[state],
      at: options.clock.now(),
      ...(stateNames[state] === 'open' ? { reason: lastFailure } : {}),
    };
    current = change.to;
    options.logger.warn('circuit-breaker-state-changed', { ...change, ...(options.name === undefined ? {} : { host: options.name }) });
    for (const listener of listeners) listener(change);
  });
  return {
    execute: (task, signal) => {
      // One probe at a time: while it is in flight, others fail fast instead of queueing behind it.
      if (current === 'half-open') return Promise.reject(openError());
      return runThrough(policy, task, signal);
    },
    state: () => current,
    onStateChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Wrapper so a business error counts as a success (the exchange answered) and is still thrown. */
interface Answered<T> {
  readonly value?: T;
  readonly error?: unknown;
  readonly failed: boolean;
}

async function runThrough<T>(policy: CircuitBreakerPolicy, task: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
  let answered: Answered<T>;
  try {
    answered = await policy.execute(async ({ signal: inner }) => {
      try {
        return { value: await task(inner), failed: false };
      } catch (error) {
        if (isExchangeUnreachable(error)) throw error;
        return { error, failed: true };
      }
    }, signal);
  } catch (error) {
    if (error instanceof BrokenCircuitError) throw openError(error);
    throw error;
  }
  if (answered.failed) throw answered.error;
  return answered.value as T;
}

function openError(cause?: unknown): CircuitOpenError {
  return new CircuitOpenError('circuit-open', 'The exchange looks unreachable; requests are paused until a probe succeeds.', cause === undefined ? {} : { cause });
}
