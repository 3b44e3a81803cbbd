/**
 * At most one call per key per interval, leading edge first, the latest request last: the first
 * change goes out at once, a burst within the interval goes out once at its end.
 */
export class KeyedThrottle {
  readonly #intervalMs: number;
  readonly #now: () => number;
  readonly #lastRunAt = new Map<string, number>();
  readonly #timers = new Map<string, NodeJS.Timeout>();

  constructor(intervalMs: number, now: () => number) {
    this.#intervalMs = intervalMs;
    this.#now = now;
  }

  /** Runs `task` now, or once when the key's interval has passed (a pending run is not doubled). */
  request(key: string, task: () => void): void {
    if (this.#timers.has(key)) return;
    const waitMs = (this.#lastRunAt.get(key) ?? -Infinity) + this.#intervalMs - this.#now();
    if (waitMs <= 0) {
      this.#run(key, task);
      return;
    }
    this.#timers.set(
      key,
      setTimeout(() => {
        this.#run(key, task);
      }, waitMs),
    );
  }

  /** Forgets a key and cancels its pending run. */
  forget(key: string): void {
    clearTimeout(this.#timers.get(key));
    this.#timers.delete(key);
    this.#lastRunAt.delete(key);
  }

  /** Cancels everything. */
  stop(): void {
    for (const key of [...this.#timers.keys()]) this.forget(key);
  }

  #run(key: string, task: () => void): void {
    this.#timers.delete(key);
    this.#lastRunAt.set(key, this.#now());
    task();
  }
}
