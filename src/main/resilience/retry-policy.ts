import { ExponentialBackoff, type IBackoff } from 'cockatiel';
import { CircuitOpenError, TradingError } from '../../shared/errors.ts';
import type { ExchangeConfig } from '../config/sections/exchange.ts';
import { abortableSleep } from './abortable-sleep.ts';

/**
 * Whether a failed GET may be sent again: the error class says it is retryable (network, 5xx,
 * rate limit, time sync), except an open breaker, which must fail fast.
 */
export function isRetryableRead(error: unknown): boolean {
  return error instanceof TradingError && error.retryable && !(error instanceof CircuitOpenError);
}

/** Called before each retry with the attempt number (1 = first retry) and the delay. */
export type RetryListener = (attempt: number, delayMs: number, error: unknown) => void;

/**
 * Runs a read with exponential back-off and decorrelated jitter (cockatiel's ExponentialBackoff,
 * ADR 0201). The wait is abortable so `stop()` leaves no timer. Never used for order placement
 * (docs/reference/kucoin-futures.md#duplicate-orders: duplicate orders after a retry).
 */
export async function retryRead<T>(
  task: (attempt: number) => Promise<T>,
  config: ExchangeConfig['rest'],
  signal: AbortSignal,
  onRetry?: RetryListener,
): Promise<T> {
  let backoff: IBackoff<unknown> | undefined;
  const factory = new ExponentialBackoff({
    initialDelay: config.getRetryInitialDelayMs,
    maxDelay: config.getRetryMaxDelayMs,
  });
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await task(attempt);
    } catch (error) {
      if (attempt >= config.getRetryMaxAttempts || !isRetryableRead(error) || signal.aborted) throw error;
      backoff = backoff === undefined ? factory.next() : backoff.next(undefined);
      onRetry?.(attempt + 1, backoff.duration, error);
      await abortableSleep(backoff.duration, signal);
    }
  }
}
