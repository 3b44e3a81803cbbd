import { RateLimitError } from '../../shared/errors.ts';
import type { RateRequest } from './rate-request.ts';

// Every refusal of the limiter says the request was not sent, so an order refused here is known
// not to exist at the exchange (no reconcile needed), and what the trader can do next.

/** The queue is full for this lane and nothing lower is waiting (ADR 0234). */
export function queueFull(request: RateRequest, queued: number, capacity: number): RateLimitError {
  return new RateLimitError(
    'queue-full',
    'Too many requests are waiting for the exchange rate limit; the request was not sent. Try again shortly.',
    {
      details: { ...request, sent: false, queued, capacity },
    },
  );
}

/** `request` was the newest of the lowest lane and made room for `newcomer` (ADR 0234). */
export function queueShed(request: RateRequest, newcomer: RateRequest, capacity: number): RateLimitError {
  return new RateLimitError(
    'queue-shed',
    `The request was not sent: it was dropped from the full rate-limit queue to make room for a more urgent request (${newcomer.lane} lane). Try again shortly.`,
    {
      details: { ...request, sent: false, madeRoomFor: newcomer.route, capacity },
    },
  );
}

/** An entry waited longer than `orderQueueDeadlineMs`: a late order is worse than none (ADR 0234). */
export function queueDeadline(request: RateRequest, waitedMs: number, deadlineMs: number): RateLimitError {
  return new RateLimitError(
    'queue-deadline',
    `The order was not sent: it waited ${Math.round(waitedMs)} ms for the exchange rate limit, longer than the ${deadlineMs} ms an order may wait, so it was dropped rather than sent late. Check the market and place it again.`,
    {
      details: { ...request, sent: false, waitedMs: Math.round(waitedMs), deadlineMs },
      retryable: false,
    },
  );
}

/** The trading engine dropped every waiting entry (kill switch), with its reason (ADR 0234). */
export function droppedByKillSwitch(request: RateRequest, reason: string): RateLimitError {
  return new RateLimitError(
    'dropped-by-kill-switch',
    `The order was not sent: it was still waiting for the exchange rate limit when it was dropped (${reason}).`,
    {
      details: { ...request, sent: false, reason },
      retryable: false,
    },
  );
}

/** The limiter stopped with the request still waiting. */
export function limiterStopped(): RateLimitError {
  return new RateLimitError('limiter-stopped', 'The exchange client is stopping; the request was not sent.', {
    details: { sent: false },
    retryable: false,
  });
}
