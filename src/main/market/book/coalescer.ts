/** The timer functions a coalescer needs; injected so unit tests drive time themselves. */
export interface CoalescerTimers {
  now(): number;
  setTimeout(run: () => void, delayMs: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The machine's timers. */
export const systemTimers: CoalescerTimers = {
  now: () => Date.now(),
  setTimeout: (run, delayMs) => setTimeout(run, delayMs),
  clearTimeout: (handle) => {
    clearTimeout(handle as NodeJS.Timeout);
  },
};

/**
 * How long to wait before the next push: none when the last one is at least `intervalMs` old,
 * else the rest of the interval. A push never follows the previous one closer than `intervalMs`.
 */
export function pushDelayMs(lastPushAtMs: number | undefined, nowMs: number, intervalMs: number): number {
  if (lastPushAtMs === undefined) return 0;
  return Math.max(0, lastPushAtMs + intervalMs - nowMs);
}

/**
 * Turns a burst of "something changed" into at most one push per `intervalMs` (ADR 0530): the
 * first change after a quiet spell is pushed at once, later ones wait for the interval to end and
 * are pushed together. The push reads the state when it runs, so it always carries the latest.
 */
export class Coalescer {
  readonly #intervalMs: number;
  readonly #push: () => void;
  readonly #timers: CoalescerTimers;
  #lastPushAtMs: number | undefined = undefined;
  #pending: unknown = undefined;
  #stopped = false;

  constructor(intervalMs: number, push: () => void, timers: CoalescerTimers = systemTimers) {
    this.#intervalMs = intervalMs;
    this.#push = push;
    this.#timers = timers;
  }

  /** Asks for a push; several asks within one interval make one push. */
  request(): void {
    if (this.#stopped || this.#pending !== undefined) return;
    const delayMs = pushDelayMs(this.#lastPushAtMs, this.#timers.now(), this.#intervalMs);
    if (delayMs === 0) {
      this.#run();
      return;
    }
    this.#pending = this.#timers.setTimeout(() => {
      this.#pending = undefined;
      this.#run();
    }, delayMs);
  }

  #run(): void {
    if (this.#stopped) return;
    this.#lastPushAtMs = this.#timers.now();
    this.#push();
  }

  /** Drops a waiting push; nothing is pushed after it. */
  stop(): void {
    this.#stopped = true;
    if (this.#pending !== undefined) this.#timers.clearTimeout(this.#pending);
    this.#pending = undefined;
  }
}
