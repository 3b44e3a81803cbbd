/** One request as it reached the venue (before faults, auth or rate limits). */
export interface LoggedRequest {
  readonly at: number;
  readonly method: string;
  readonly path: string;
  readonly query: string;
}

/**
 * Counts every KuCoin-path request that reached the venue, so a test can prove "the venue
 * received no order" (GUIDE §6). Counters are exact; the detailed list keeps the last `capacity`.
 */
export class RequestLog {
  readonly #counts = new Map<string, number>();
  readonly #recent: LoggedRequest[] = [];
  readonly #capacity: number;
  #total = 0;

  constructor(capacity: number) {
    this.#capacity = capacity;
  }

  /** Records one request. */
  record(entry: LoggedRequest): void {
    this.#total += 1;
    const key = `${entry.method} ${entry.path}`;
    this.#counts.set(key, (this.#counts.get(key) ?? 0) + 1);
    this.#recent.push(entry);
    if (this.#recent.length > this.#capacity) this.#recent.shift();
  }

  /**
   * How many requests reached the venue: all of them, those of one path (any method), or of one
   * `METHOD /path` key.
   */
  count(filter?: { readonly path?: string; readonly method?: string }): number {
    if (filter?.path === undefined && filter?.method === undefined) return this.#total;
    let n = 0;
    for (const [key, value] of this.#counts) {
      const [method, path] = splitKey(key);
      if (filter.path !== undefined && path !== filter.path) continue;
      if (filter.method !== undefined && method !== filter.method.toUpperCase()) continue;
      n += value;
    }
    return n;
  }

  /** Counters by `METHOD /path`. */
  counts(): Record<string, number> {
    return Object.fromEntries(this.#counts);
  }

  /** The most recent requests, oldest first. */
  recent(): readonly LoggedRequest[] {
    return [...this.#recent];
  }

  /** Forgets everything (between test cases). */
  reset(): void {
    this.#counts.clear();
    this.#recent.length = 0;
    this.#total = 0;
  }
}

function splitKey(key: string): [string, string] {
  const space = key.indexOf(' ');
  return [key.slice(0, space), key.slice(space + 1)];
}
