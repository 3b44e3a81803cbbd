/** The state of one resource pool after a request, as the gw-ratelimit-* headers report it (docs/reference/kucoin-futures.md#rate-limits). */
export interface PoolReading {
  readonly allowed: boolean;
  readonly limit: number;
  readonly remaining: number;
  /** Milliseconds until the pool refills. */
  readonly resetMs: number;
}

interface Window {
  startedAt: number;
  used: number;
}

/**
 * KuCoin's "Rate limit 2.0" resource pools (docs/reference/kucoin-futures.md#rate-limits): each pool holds `limit` weight per window;
 * the window starts with the first request after the previous one ended; a request that would
 * overdraw the pool is refused and charges nothing.
 */
export class ResourcePools {
  readonly #windows = new Map<string, Window>();
  readonly #windowMs: number;

  constructor(windowMs: number) {
    this.#windowMs = windowMs;
  }

  #current(poolKey: string, nowMs: number): Window {
    const existing = this.#windows.get(poolKey);
    if (existing !== undefined && nowMs - existing.startedAt < this.#windowMs) return existing;
    const fresh = { startedAt: nowMs, used: 0 };
    this.#windows.set(poolKey, fresh);
    return fresh;
  }

  /** Deducts `weight` from the pool `poolKey` (e.g. `Futures:user-1`, `Public:127.0.0.1`). */
  charge(poolKey: string, weight: number, limit: number, nowMs: number): PoolReading {
    const window = this.#current(poolKey, nowMs);
    const allowed = window.used + weight <= limit;
    if (allowed) window.used += weight;
    const resetMs = Math.max(0, window.startedAt + this.#windowMs - nowMs);
    return { allowed, limit, remaining: Math.max(0, limit - window.used), resetMs };
  }

  /** Reads the pool without charging (responses that are refused before any pool applies). */
  peek(poolKey: string, limit: number, nowMs: number): PoolReading {
    return this.charge(poolKey, 0, limit, nowMs);
  }

  /** Forgets every window (admin reset between tests). */
  reset(): void {
    this.#windows.clear();
  }
}

/** docs/reference/kucoin-futures.md#rate-limits response headers, on every REST response. */
export function rateLimitHeaders(reading: PoolReading): Record<string, string> {
  return {
    'gw-ratelimit-limit': String(reading.limit),
    'gw-ratelimit-remaining': String(reading.remaining),
    'gw-ratelimit-reset': String(reading.resetMs),
  };
}
