/**
 * Whether the mirrored data is fresh (ADR 0180): the upstream stream must be open, a market push
 * must have arrived within `staleAfterMs`, and every book must be in sync. Checked every half
 * second; each change is logged and handed to the listeners (the venue's data-source status).
 */
import type { ExchangeClient } from '../../exchange/index.ts';
import type { Level2Book } from '../../exchange/kucoin/ws/level2-book.ts';
import type { Logger } from '../../observability/logger.ts';
import type { Clock } from '../../time/clock.ts';

const CHECK_INTERVAL_MS = 500;

/** The stale verdict over time. */
export interface StaleWatch {
  /** Why the data is stale now; undefined while fresh. */
  reason(): string | undefined;
  onChange(listener: (reason: string | undefined) => void): () => void;
  stop(): void;
}

/** What the watch looks at. */
export interface StaleWatchOptions {
  readonly client: ExchangeClient;
  readonly books: readonly Level2Book[];
  readonly staleAfterMs: number;
  readonly clock: Clock;
  readonly logger: Logger;
}

function currentReason(options: StaleWatchOptions, startedAt: number): string | undefined {
  const stats = options.client.publicStream.stats();
  if (stats.state !== 'open') return `KuCoin market stream ${stats.state}`;
  // Before the first push the silence counts from when the mirror opened.
  const silentMs = options.clock.now() - (stats.lastMessageAt ?? startedAt);
  if (silentMs > options.staleAfterMs)
    return `no market data from KuCoin for ${Math.round(silentMs / 1000)} s`;
  const syncing = options.books.find((book) => book.stats().state !== 'live');
  return syncing === undefined ? undefined : `order book of ${syncing.symbol} resynchronising`;
}

/** Starts watching; the first verdict is taken at once. */
export function createStaleWatch(options: StaleWatchOptions): StaleWatch {
  const listeners = new Set<(reason: string | undefined) => void>();
  const startedAt = options.clock.now();
  let reason = currentReason(options, startedAt);
  const check = (): void => {
    const next = currentReason(options, startedAt);
    if (next === reason) return;
    // A changing count of seconds is the same stale spell, not news.
    if (next !== undefined && reason !== undefined) {
      reason = next;
      return;
    }
    reason = next;
    if (next === undefined) options.logger.info('venue-mirror-fresh', {});
    else options.logger.warn('venue-mirror-stale', { reason: next });
    for (const listener of listeners) listener(next);
  };
  const timer = setInterval(check, CHECK_INTERVAL_MS);
  timer.unref();
  return {
    reason: () => reason,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop() {
      clearInterval(timer);
    },
  };
}
