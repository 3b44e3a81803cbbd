/**
 * A listing the kill switch must get (ADR 0337): one that fails is sent again after a short back-off
 * (doubling from a fortieth of `killSwitchListWaitMs`), one that does not answer within a quarter of
 * it is left running and a fresh one is sent, until the deadline. The transport's own read retries
 * run inside each attempt; this bounds the whole, so a slow or sick exchange can delay the kill
 * switch by `killSwitchListWaitMs` at most, and only one hung attempt per quarter is ever in flight.
 */
import type { TradingRuntime } from './runtime.ts';

type Settled<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: unknown; readonly timedOut: boolean };

/** The error's message (what the report and the alert show). */
export const why = (error: unknown): string => (error instanceof Error ? error.message : String(error));

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** `task`'s outcome, or a timeout once `ms` pass without one (the task itself runs on). */
function within<T>(task: Promise<T>, ms: number): Promise<Settled<T>> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      resolve({ ok: false, error: new Error(`no answer within ${ms} ms`), timedOut: true });
    }, ms);
    task.then(
      (value) => {
        clearTimeout(timer);
        resolve({ ok: true, value });
      },
      (error: unknown) => {
        clearTimeout(timer);
        resolve({ ok: false, error, timedOut: false });
      },
    );
  });
}

/** Runs `list` until it answers, trying again while it fails or hangs, up to `deadline`; throws the last error. */
export async function listWithin<T>(
  rt: TradingRuntime,
  list: () => Promise<T>,
  deadline: number,
): Promise<T> {
  const budgetMs = rt.deps.config.protection.killSwitchListWaitMs;
  for (let backoffMs = Math.ceil(budgetMs / 40); ; backoffMs *= 2) {
    const leftMs = Math.max(1, deadline - rt.deps.now());
    const outcome = await within(list(), Math.min(leftMs, Math.ceil(budgetMs / 4)));
    if (outcome.ok) return outcome.value;
    const pauseMs = outcome.timedOut ? 0 : backoffMs;
    if (rt.deps.now() + pauseMs >= deadline) throw outcome.error;
    rt.deps.logger.warn('kill-switch-listing-retry', { error: why(outcome.error), pauseMs });
    await sleep(pauseMs);
  }
}
