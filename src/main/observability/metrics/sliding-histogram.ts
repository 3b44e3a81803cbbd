/**
 * A latency histogram over a sliding time window: a fixed ring of (value, time) samples. Recording
 * is two array stores and an index bump — no allocation, no sorting, nothing that could show on the
 * order path; the sorting happens when someone asks for p50 / p95 / p99.
 */

/** What a histogram says about its window. */
export interface WindowSummary {
  /** Samples in the window (at most the ring's capacity). */
  readonly count: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
  /** Every sample ever recorded, in or out of the window. */
  readonly total: number;
}

const empty: WindowSummary = { count: 0, p50: 0, p95: 0, p99: 0, max: 0, total: 0 };

function nearestRank(sorted: Float64Array, q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
}

/** The ring. */
export class SlidingHistogram {
  readonly #values: Float64Array;
  readonly #times: Float64Array;
  readonly #mask: number;
  #next = 0;
  #total = 0;

  /** `capacity` is rounded up to a power of two. */
  constructor(capacity: number) {
    let size = 1;
    while (size < capacity) size *= 2;
    this.#values = new Float64Array(size);
    this.#times = new Float64Array(size);
    this.#mask = size - 1;
  }

  /** Records one sample taken at `atMs` (epoch or monotonic ms — the same clock the summary is asked with). */
  observe(value: number, atMs: number): void {
    const slot = this.#next;
    this.#values[slot] = value;
    this.#times[slot] = atMs;
    this.#next = (slot + 1) & this.#mask;
    this.#total += 1;
  }

  /** p50 / p95 / p99 / max of the samples no older than `windowMs` at `nowMs` (nearest rank). */
  summary(nowMs: number, windowMs: number): WindowSummary {
    const held = Math.min(this.#total, this.#values.length);
    if (held === 0) return empty;
    const inWindow = new Float64Array(held);
    let count = 0;
    for (let i = 0; i < held; i += 1) {
      if (nowMs - (this.#times[i] ?? 0) <= windowMs) inWindow[count++] = this.#values[i] ?? 0;
    }
    if (count === 0) return { ...empty, total: this.#total };
    const sorted = inWindow.subarray(0, count).sort();
    return {
      count,
      p50: nearestRank(sorted, 0.5),
      p95: nearestRank(sorted, 0.95),
      p99: nearestRank(sorted, 0.99),
      max: sorted[count - 1] ?? 0,
      total: this.#total,
    };
  }
}
