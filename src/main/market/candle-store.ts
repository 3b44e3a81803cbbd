import type { Candle } from '../../shared/ipc/channels/market.ts';

/**
 * The cached bars of one symbol and timeframe, sorted by open time. New bars (REST pages or WS
 * updates) replace a bar with the same open time or append; the oldest fall off past `maxBars`.
 */
export class CandleSeries {
  readonly #bars: Candle[] = [];
  readonly #maxBars: number;

  constructor(maxBars: number) {
    this.#maxBars = maxBars;
  }

  /** Open time of the newest cached bar, or undefined when empty. */
  lastOpenTimeMs(): number | undefined {
    return this.#bars.at(-1)?.openTimeMs;
  }

  /** Merges bars in; returns the bars that were new or changed. */
  merge(bars: readonly Candle[]): Candle[] {
    const changed: Candle[] = [];
    for (const bar of [...bars].sort((a, b) => a.openTimeMs - b.openTimeMs)) {
      if (this.#upsert(bar)) changed.push(bar);
    }
    if (this.#bars.length > this.#maxBars) this.#bars.splice(0, this.#bars.length - this.#maxBars);
    return changed;
  }

  #upsert(bar: Candle): boolean {
    const last = this.#bars.at(-1);
    if (last === undefined || bar.openTimeMs > last.openTimeMs) {
      this.#bars.push(bar);
      return true;
    }
    const index = this.#indexOf(bar.openTimeMs);
    const existing = this.#bars[index];
    if (existing?.openTimeMs === bar.openTimeMs) {
      if (sameBar(existing, bar)) return false;
      this.#bars[index] = bar;
      return true;
    }
    this.#bars.splice(index, 0, bar);
    return true;
  }

  /** First index whose open time is ≥ `openTimeMs` (binary search). */
  #indexOf(openTimeMs: number): number {
    let low = 0;
    let high = this.#bars.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.#bars[middle]?.openTimeMs ?? Infinity) < openTimeMs) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** The cached bar opening at `openTimeMs`, if any. */
  at(openTimeMs: number): Candle | undefined {
    const bar = this.#bars[this.#indexOf(openTimeMs)];
    return bar?.openTimeMs === openTimeMs ? bar : undefined;
  }

  /** The newest `limit` bars, oldest first. */
  latest(limit: number): Candle[] {
    return this.#bars.slice(Math.max(0, this.#bars.length - limit));
  }

  size(): number {
    return this.#bars.length;
  }
}

function sameBar(a: Candle, b: Candle): boolean {
  return (
    a.open === b.open && a.high === b.high && a.low === b.low && a.close === b.close && a.volume === b.volume
  );
}
