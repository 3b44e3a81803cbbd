/**
 * A sliding-window cap for one endpoint ("30 requests per 3 s", KuCoin rate limit 1.0, docs/reference/kucoin-futures.md#legacy-rate-limits),
 * applied on top of the pool budget.
 */
export class EndpointWindow {
  readonly #maxRequests: number;
  readonly #perMs: number;
  readonly #sentAt: number[] = [];

  constructor(maxRequests: number, perMs: number) {
    this.#maxRequests = maxRequests;
    this.#perMs = perMs;
  }

  #prune(now: number): void {
    while (this.#sentAt.length > 0 && (this.#sentAt[0] ?? 0) <= now - this.#perMs) this.#sentAt.shift();
  }

  /** Whether one more request may go now. */
  allows(now: number): boolean {
    this.#prune(now);
    return this.#sentAt.length < this.#maxRequests;
  }

  /** When the oldest request leaves the window (epoch ms). */
  nextFreeAt(now: number): number {
    this.#prune(now);
    const oldest = this.#sentAt[0];
    return oldest === undefined ? now : oldest + this.#perMs;
  }

  /** Records a sent request. */
  record(now: number): void {
    this.#sentAt.push(now);
  }
}
