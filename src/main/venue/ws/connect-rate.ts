/** docs/reference/kucoin-futures.md#ws-limits (OLDDOC): KuCoin counts new push connections per user over a minute. */
const MINUTE_MS = 60_000;

/**
 * KuCoin's limit on new WebSocket connections per user (docs/reference/kucoin-futures.md#ws-limits: 30 per minute), as a sliding
 * minute of gateway time. Only admitted connections count, so a client that backs off gets in
 * again once its oldest connection of the minute ages out. Holds at most `limit` times per user.
 */
export class ConnectRate {
  readonly #limit: number;
  readonly #byUser = new Map<string, number[]>();

  constructor(limit: number) {
    this.#limit = limit;
  }

  /** The most new connections one user may open per minute. */
  get limit(): number {
    return this.#limit;
  }

  /** Records a new connection of `userId` at `nowMs` and says yes, or says no without recording. */
  admit(userId: string, nowMs: number): boolean {
    const recent = (this.#byUser.get(userId) ?? []).filter((at) => nowMs - at < MINUTE_MS);
    if (recent.length >= this.#limit) {
      this.#byUser.set(userId, recent);
      return false;
    }
    recent.push(nowMs);
    this.#byUser.set(userId, recent);
    return true;
  }

  /** Forgets users with no connection in the last minute (called by the gateway's sweep). */
  prune(nowMs: number): void {
    for (const [userId, times] of this.#byUser)
      if (times.every((at) => nowMs - at >= MINUTE_MS)) this.#byUser.delete(userId);
  }
}
