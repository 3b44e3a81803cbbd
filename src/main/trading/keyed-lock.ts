/**
 * Serialises async work per key (one symbol's stop changes must not interleave: the watchdog,
 * the trailing manager and a manual move all touch the same stop).
 */
export interface KeyedLock {
  /** Runs `fn` after every earlier task for `key` has settled. */
  run<T>(key: string, fn: () => Promise<T>): Promise<T>;
  /** Whether work for `key` is running or queued. */
  isBusy(key: string): boolean;
}

/** Builds a lock. */
export function createKeyedLock(): KeyedLock {
  const tails = new Map<string, Promise<unknown>>();
  return {
    isBusy: (key) => tails.has(key),
    run<T>(key: string, fn: () => Promise<T>): Promise<T> {
      const previous = tails.get(key) ?? Promise.resolve();
      const next = previous.then(fn, fn);
      const tail = next.catch(() => undefined);
      tails.set(key, tail);
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return next;
    },
  };
}
