import { z } from 'zod';
import { toTradingError } from '../../../../shared/errors.ts';
import type { Logger } from '../../../observability/logger.ts';
import { abortableSleep } from '../../../resilience/abortable-sleep.ts';
import type { KucoinLevel2Snapshot } from '../schemas/market.ts';
import type { StreamEvent, StreamMessage } from './stream-types.ts';

/** What the book needs from a stream (the KucoinStream, or a test double in unit tests). */
export interface Level2StreamSource {
  subscribe(topic: string): Promise<void>;
  unsubscribe(topic: string): Promise<void>;
  onMessage(listener: (message: StreamMessage) => void): () => void;
  onEvent(listener: (event: StreamEvent) => void): () => void;
}

/** `/contractMarket/level2` data: `{sequence, change:"price,side,size", timestamp}` (docs/reference/kucoin-futures.md#ws-public-topics). */
const level2ChangeSchema = z.object({
  sequence: z.number().int(),
  change: z.string().regex(/^[^,]+,(buy|sell),\d+$/),
});

/** A price level: decimal price string and integer lots. */
export type BookLevel = readonly [price: string, size: number];

/** Counters for tests and the health panel. */
export interface Level2BookStats {
  readonly state: 'syncing' | 'live' | 'stopped';
  readonly sequence: number;
  readonly snapshots: number;
  readonly gaps: number;
}

/**
 * A level-2 book kept from the incremental stream (docs/reference/kucoin-futures.md#ws-public-topics calibration): buffer updates, take a
 * REST snapshot, drop updates at or below its sequence, apply the rest; a sequence gap or a
 * reconnect means a fresh snapshot.
 */
export class Level2Book {
  readonly symbol: string;
  readonly #topic: string;
  readonly #source: Level2StreamSource;
  readonly #fetchSnapshot: (symbol: string) => Promise<KucoinLevel2Snapshot>;
  readonly #logger: Logger;
  readonly #retryDelayMs: { readonly initial: number; readonly max: number };
  readonly #bids = new Map<string, number>();
  readonly #asks = new Map<string, number>();
  readonly #abort = new AbortController();
  readonly #unsubscribers: (() => void)[] = [];
  readonly #listeners = new Set<() => void>();
  #buffer: { sequence: number; change: string }[] = [];
  #state: Level2BookStats['state'] = 'syncing';
  #sequence = 0;
  #snapshots = 0;
  #gaps = 0;
  #resyncing: Promise<void> | undefined = undefined;

  constructor(
    symbol: string,
    source: Level2StreamSource,
    fetchSnapshot: (symbol: string) => Promise<KucoinLevel2Snapshot>,
    logger: Logger,
    retryDelayMs: { readonly initial: number; readonly max: number } = { initial: 100, max: 5_000 },
  ) {
    this.symbol = symbol;
    this.#retryDelayMs = retryDelayMs;
    this.#topic = `/contractMarket/level2:${symbol}`;
    this.#source = source;
    this.#fetchSnapshot = fetchSnapshot;
    this.#logger = logger;
  }

  /** Subscribes and takes the first snapshot. */
  async start(): Promise<void> {
    this.#unsubscribers.push(
      this.#source.onMessage((message) => {
        this.#onMessage(message);
      }),
    );
    this.#unsubscribers.push(
      this.#source.onEvent((event) => {
        if (event.type === 'connected' && event.reconnect) void this.resync('reconnected');
      }),
    );
    await this.#source.subscribe(this.#topic);
    await this.resync('start');
  }

  /** Bids high → low, at most `depth` levels. */
  bids(depth = 20): BookLevel[] {
    return [...this.#bids.entries()].sort((a, b) => Number(b[0]) - Number(a[0])).slice(0, depth);
  }

  /** Asks low → high, at most `depth` levels. */
  asks(depth = 20): BookLevel[] {
    return [...this.#asks.entries()].sort((a, b) => Number(a[0]) - Number(b[0])).slice(0, depth);
  }

  /** Called after every applied change. */
  onUpdate(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  stats(): Level2BookStats {
    return { state: this.#state, sequence: this.#sequence, snapshots: this.#snapshots, gaps: this.#gaps };
  }

  /** Takes a fresh REST snapshot (single-flight) and replays buffered updates after it. */
  resync(reason: string): Promise<void> {
    this.#state = 'syncing';
    this.#resyncing ??= this.#snapshotLoop(reason).finally(() => {
      this.#resyncing = undefined;
    });
    return this.#resyncing;
  }

  async #snapshotLoop(reason: string): Promise<void> {
    this.#logger.info('level2-resync', { symbol: this.symbol, reason });
    for (let attempt = 0; !this.#abort.signal.aborted; attempt += 1) {
      try {
        const snapshot = await this.#fetchSnapshot(this.symbol);
        if (this.#applySnapshot(snapshot)) return;
      } catch (error) {
        this.#logger.warn('level2-snapshot-failed', {
          symbol: this.symbol,
          error: toTradingError(error).message,
        });
      }
      await abortableSleep(
        Math.min(this.#retryDelayMs.max, this.#retryDelayMs.initial * 2 ** attempt),
        this.#abort.signal,
      ).catch(() => undefined);
    }
  }

  /** Loads the snapshot and replays the buffer; false when the buffer itself has a gap. */
  #applySnapshot(snapshot: KucoinLevel2Snapshot): boolean {
    if (this.#abort.signal.aborted) return true;
    this.#snapshots += 1;
    this.#bids.clear();
    this.#asks.clear();
    for (const [price, size] of snapshot.bids) this.#bids.set(price, size);
    for (const [price, size] of snapshot.asks) this.#asks.set(price, size);
    this.#sequence = snapshot.sequence;
    const pending = this.#buffer
      .filter((update) => update.sequence > snapshot.sequence)
      .sort((a, b) => a.sequence - b.sequence);
    this.#buffer = [];
    for (const update of pending) {
      if (update.sequence !== this.#sequence + 1) {
        this.#gaps += 1;
        return false;
      }
      this.#apply(update.sequence, update.change);
    }
    this.#state = 'live';
    this.#notify();
    return true;
  }

  #onMessage(message: StreamMessage): void {
    if (message.topic !== this.#topic || this.#state === 'stopped') return;
    const parsed = level2ChangeSchema.safeParse(message.data);
    if (!parsed.success) {
      this.#logger.warn('level2-malformed-change', { symbol: this.symbol });
      return;
    }
    const { sequence, change } = parsed.data;
    if (this.#state === 'syncing') {
      this.#buffer.push({ sequence, change });
      return;
    }
    if (sequence <= this.#sequence) return;
    if (sequence !== this.#sequence + 1) {
      this.#gaps += 1;
      this.#logger.warn('level2-sequence-gap', {
        symbol: this.symbol,
        expected: this.#sequence + 1,
        got: sequence,
      });
      this.#buffer.push({ sequence, change });
      void this.resync('sequence gap');
      return;
    }
    this.#apply(sequence, change);
    this.#notify();
  }

  #apply(sequence: number, change: string): void {
    const [price = '', side, sizeText = '0'] = change.split(',');
    const book = side === 'buy' ? this.#bids : this.#asks;
    const size = Number(sizeText);
    if (size === 0) book.delete(price);
    else book.set(price, size);
    this.#sequence = sequence;
  }

  #notify(): void {
    for (const listener of this.#listeners) listener();
  }

  /** Unsubscribes and stops resyncing. */
  stop(): void {
    this.#state = 'stopped';
    this.#abort.abort();
    for (const unsubscribe of this.#unsubscribers.splice(0)) unsubscribe();
    void this.#source.unsubscribe(this.#topic).catch(() => undefined);
  }
}
