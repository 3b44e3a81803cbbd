import type { Clock } from '../time/clock.ts';

/** A value cache whose entries expire `ttlMs` after they were stored (by the injected clock). */
export class TtlCache<V> {
  readonly #entries = new Map<string, { value: V; storedAt: number }>();
  readonly #ttlMs: number;
  readonly #clock: Clock;

  constructor(ttlMs: number, clock: Clock) {
    this.#ttlMs = ttlMs;
    this.#clock = clock;
  }

  /** The fresh value, or undefined when absent or expired. */
  get(key: string): V | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined || this.#clock.now() - entry.storedAt >= this.#ttlMs) return undefined;
    return entry.value;
  }

  set(key: string, value: V): void {
    this.#entries.set(key, { value, storedAt: this.#clock.now() });
  }

  /** Forgets one key, or every key. */
  invalidate(key?: string): void {
    if (key === undefined) this.#entries.clear();
    else this.#entries.delete(key);
  }
}
