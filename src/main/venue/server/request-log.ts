/** One request as it reached the venue (before faults, auth or rate limits). */
export interface LoggedRequest {
  readonly at: number;
  readonly method: string;
  readonly path: string;
  readonly query: string;
}

/**
 * Counts every KuCoin-path request that reached the venue, so a test can prove "the venue
 * received no order" (docs/ARCHITECTURE.md). Counters are exact; the detailed list keeps the last `capacity`.
 */
export class RequestLog {
  readonly #counts = new Map<string, number>();
  /** Ring buffer: `shift()` on a large array per request would cost a memmove each time. */
  readonly #recent: (LoggedRequest | undefined)[];
  readonly #capacity: number;
  #total = 0;

  constructor(capacity: number) {
    this.#capacity = capacity;
    this.#recent = new Array<LoggedRequest | undefined>(capacity);
  }

  /** Records one request. */
  record(entry: LoggedRequest): void {
    this.#total += 1;
    const key = `${entry.method} ${entry.path}`;
    this.#counts.set(key, (this.#counts.get(key) ?? 0) + 1);
    this.#recent[(this.#total - 1) % this.#capacity] = entry;
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
    const kept = Math.min(this.#total, this.#capacity);
    const out: LoggedRequest[] = [];
    for (let i = this.#total - kept; i < this.#total; i += 1) {
      const entry = this.#recent[i % this.#capacity];
      if (entry !== undefined) out.push(entry);
    }
    return out;
  }

  /** Forgets everything (between test cases). */
  reset(): void {
    this.#counts.clear();
    this.#recent.fill(undefined);
    this.#total = 0;
  }
}

function splitKey(key: string): [string, string] {
  const space = key.indexOf(' ');
  return [key.slice(0, space), key.slice(space + 1)];
}
