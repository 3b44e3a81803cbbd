/**
 * Coalesces identical concurrent work: while a call for `key` is in flight, later callers get
 * the same promise instead of a second request.
 */
export class SingleFlight {
  readonly #inFlight = new Map<string, Promise<unknown>>();

  /** Runs `task` unless one for `key` is already running; then shares its result. */
  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const existing = this.#inFlight.get(key) as Promise<T> | undefined;
    if (existing !== undefined) return existing;
    const started = task().finally(() => {
      this.#inFlight.delete(key);
    });
    this.#inFlight.set(key, started);
    return started;
  }

  /** How many distinct calls are in flight. */
  size(): number {
    return this.#inFlight.size;
  }
}
