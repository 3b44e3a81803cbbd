// Seconds each venue position spends without full loss-side cover, read from the venue itself.
import type { RunningVenue } from '../../src/main/venue/index.ts';

interface Episode {
  readonly since: number;
  until: number;
}

/**
 * Samples the venue: a position is covered when its reduce-only stops on the loss side (`down`
 * sells for a long, `up` buys for a short) add up to at least its size. Each uncovered stretch is
 * an episode; what lasts beyond the limit counts as naked over the limit.
 */
export class NakedClock {
  readonly #open = new Map<string, Episode>();
  readonly #closed: Episode[] = [];

  readonly venue: RunningVenue;
  readonly userId: string;
  readonly limitMs: number;

  constructor(venue: RunningVenue, userId: string, limitMs: number) {
    this.venue = venue;
    this.userId = userId;
    this.limitMs = limitMs;
  }

  /** One look at the venue at wall time `now`. */
  sample(now: number): void {
    const stops = this.venue.exchange.listStopOrders(this.userId, { pageSize: '500' }).items;
    const naked = new Set<string>();
    for (const position of this.venue.exchange.positions(this.userId)) {
      if (position.currentQty === 0) continue;
      const long = position.currentQty > 0;
      const cover = stops
        .filter(
          (stop) =>
            stop.symbol === position.symbol &&
            (stop.reduceOnly || stop.closeOrder) &&
            stop.side === (long ? 'sell' : 'buy') &&
            stop.stop === (long ? 'down' : 'up'),
        )
        .reduce((sum, stop) => sum + (stop.closeOrder ? Math.abs(position.currentQty) : stop.size), 0);
      if (cover < Math.abs(position.currentQty)) naked.add(`${position.symbol}:${long ? 'long' : 'short'}`);
    }
    for (const key of naked) {
      const episode = this.#open.get(key);
      if (episode === undefined) this.#open.set(key, { since: now, until: now });
      else episode.until = now;
    }
    for (const [key, episode] of this.#open) {
      if (naked.has(key)) continue;
      episode.until = now;
      this.#closed.push(episode);
      this.#open.delete(key);
    }
  }

  /** Seconds beyond the limit, summed over every episode (open ones up to their last sample). */
  overLimitSeconds(): number {
    return (
      [...this.#closed, ...this.#open.values()].reduce(
        (sum, e) => sum + Math.max(0, e.until - e.since - this.limitMs),
        0,
      ) / 1000
    );
  }

  /** How many uncovered stretches were seen at all (most end within a pass or two). */
  episodes(): number {
    return this.#closed.length + this.#open.size;
  }
}
