import type {
  BookSnapshot,
  BookWatch,
  PublicTrade,
  RecentTrades,
} from '../../../shared/ipc/channels/market.ts';
import { ValidationError } from '../../../shared/errors.ts';
import type { ExchangeConfig } from '../../config/sections/exchange.ts';
import type { StreamEvent, StreamMessage, StreamState } from '../../exchange/kucoin/ws/stream-types.ts';
import type { Logger } from '../../observability/logger.ts';
import type { Clock } from '../../time/clock.ts';
import { bookSnapshotOf, emptyBook, type BookSource, type Staleness } from './book-snapshot.ts';
import { Coalescer, type CoalescerTimers } from './coalescer.ts';
import { TradeTape, tradeFromMatch, tradesTopic } from './trade-tape.ts';

/** A kept level-2 book as the service uses it (the client's `openBook` answers one). */
export interface WatchedBook extends BookSource {
  stats(): { readonly sequence: number; readonly state: 'syncing' | 'live' | 'stopped' };
  onUpdate(listener: () => void): () => void;
  stop(): void;
}

/** What the service needs from the public stream (the client's `publicStream`). */
export interface BookStreamSource {
  subscribe(topic: string): Promise<void>;
  unsubscribe(topic: string): Promise<void>;
  onMessage(listener: (message: StreamMessage) => void): () => void;
  onEvent(listener: (event: StreamEvent) => void): () => void;
  stats(): { readonly state: StreamState; readonly topics: readonly string[] };
}

/** Dependencies of {@link createBookService}. */
export interface BookServiceOptions {
  /** Whether the exchange lists the symbol: an unlisted one would re-snapshot forever. */
  readonly isListed: (symbol: string) => Promise<boolean>;
  /** Opens and starts a level-2 book; resolves after its first snapshot. */
  readonly openBook: (symbol: string) => Promise<WatchedBook>;
  readonly stream: BookStreamSource;
  readonly config: Pick<
    ExchangeConfig['market'],
    'bookPushIntervalMs' | 'bookDepthLevels' | 'recentTradesKept'
  >;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly timers?: CoalescerTimers;
}

/**
 * The order book and recent trades of the one symbol the renderer watches (ADR 0530), pushed
 * coalesced: at most one book and one trades push per `bookPushIntervalMs`.
 */
export interface BookService {
  /**
   * Watches `symbol` (unwatching the previous one) and answers its book and trades once the book
   * has its first snapshot. Throws ValidationError `unknown-symbol` for a symbol the exchange does not list.
   */
  watch(symbol: string): Promise<BookWatch>;
  /** Called with the watched book, coalesced, and whenever it turns stale or fresh. */
  onBook(listener: (book: BookSnapshot) => void): () => void;
  /** Called with the watched symbol's tape, coalesced, after new trades. */
  onTrades(listener: (trades: RecentTrades) => void): () => void;
  /** Unwatches and stops listening; nothing is pushed after it. */
  stop(): void;
}

/** Creates the book service over the client's books and public stream. */
export function createBookService(options: BookServiceOptions): BookService {
  return new OneSymbolBookService(options);
}

/** One watched symbol: its book once open, its tape, its staleness and its two push coalescers. */
interface Watch {
  readonly symbol: string;
  readonly tape: TradeTape;
  readonly bookPush: Coalescer;
  readonly tradesPush: Coalescer;
  /** Whether this watch subscribed the trades topic (the live ticker may hold it too: ADR 0530). */
  ownsTradesTopic: boolean;
  book: WatchedBook | undefined;
  offBook: (() => void) | undefined;
  staleness: Staleness;
  ready: Promise<void>;
}

class OneSymbolBookService implements BookService {
  readonly #options: BookServiceOptions;
  readonly #bookListeners = new Set<(book: BookSnapshot) => void>();
  readonly #tradesListeners = new Set<(trades: RecentTrades) => void>();
  readonly #unsubscribers: (() => void)[] = [];
  #current: Watch | undefined = undefined;
  #stopped = false;

  constructor(options: BookServiceOptions) {
    this.#options = options;
    this.#unsubscribers.push(
      options.stream.onMessage((message) => {
        this.#onMessage(message);
      }),
      options.stream.onEvent((event) => {
        if (event.type === 'disconnected') this.#markStale(event.at);
      }),
    );
  }

  async watch(symbol: string): Promise<BookWatch> {
    const current = this.#current;
    if (current?.symbol === symbol) {
      await current.ready;
      return this.#answer(current);
    }
    if (current !== undefined) this.#unwatch(current);
    const watch = this.#newWatch(symbol);
    this.#current = watch;
    try {
      await watch.ready;
    } catch (error) {
      if (this.#current === watch) {
        this.#unwatch(watch);
        this.#current = undefined;
      }
      throw error;
    }
    return this.#answer(watch);
  }

  #newWatch(symbol: string): Watch {
    const { config, timers } = this.#options;
    const watch: Watch = {
      symbol,
      tape: new TradeTape(config.recentTradesKept),
      bookPush: new Coalescer(
        config.bookPushIntervalMs,
        () => {
          this.#pushBook(watch);
        },
        timers,
      ),
      tradesPush: new Coalescer(
        config.bookPushIntervalMs,
        () => {
          this.#pushTrades(watch);
        },
        timers,
      ),
      ownsTradesTopic: false,
      book: undefined,
      offBook: undefined,
      staleness: this.#streamDown()
        ? { stale: true, staleSinceMs: this.#options.clock.now() }
        : { stale: false },
      ready: Promise.resolve(),
    };
    watch.ready = this.#open(watch);
    this.#options.logger.info('book-watch', { symbol });
    return watch;
  }

  /** Subscribes the trades and opens the book; a watch replaced meanwhile closes what it opened. */
  async #open(watch: Watch): Promise<void> {
    if (!(await this.#options.isListed(watch.symbol))) {
      throw new ValidationError(
        'unknown-symbol',
        `${watch.symbol} is not a contract the exchange lists: pick a listed symbol to see its order book.`,
        { details: { symbol: watch.symbol } },
      );
    }
    const topic = tradesTopic(watch.symbol);
    const { stream } = this.#options;
    watch.ownsTradesTopic = !stream.stats().topics.includes(topic);
    await stream.subscribe(topic);
    const book = await this.#options.openBook(watch.symbol);
    if (this.#current !== watch || this.#stopped) {
      book.stop();
      return;
    }
    watch.book = book;
    watch.offBook = book.onUpdate(() => {
      this.#onBookUpdate(watch);
    });
  }

  #unwatch(watch: Watch): void {
    watch.bookPush.stop();
    watch.tradesPush.stop();
    watch.offBook?.();
    watch.book?.stop();
    if (watch.ownsTradesTopic) {
      void this.#options.stream.unsubscribe(tradesTopic(watch.symbol)).catch((error: unknown) => {
        this.#options.logger.warn('book-trades-unsubscribe-failed', { symbol: watch.symbol, error });
      });
    }
  }

  #streamDown(): boolean {
    const state = this.#options.stream.stats().state;
    return state === 'reconnecting' || state === 'stopped';
  }

  #markStale(atMs: number): void {
    const watch = this.#current;
    if (watch === undefined || watch.staleness.stale) return;
    watch.staleness = { stale: true, staleSinceMs: atMs };
    this.#options.logger.warn('book-stale', { symbol: watch.symbol });
    watch.bookPush.request();
  }

  /** A book that re-snapshotted on an open stream is fresh again (Level2Book resyncs on reconnect). */
  #onBookUpdate(watch: Watch): void {
    if (watch.staleness.stale && !this.#streamDown() && watch.book?.stats().state === 'live') {
      watch.staleness = { stale: false };
      this.#options.logger.info('book-fresh', { symbol: watch.symbol });
    }
    watch.bookPush.request();
  }

  #onMessage(message: StreamMessage): void {
    const watch = this.#current;
    if (watch === undefined) return;
    if (message.topic !== tradesTopic(watch.symbol)) return;
    const trade = tradeFromMatch(message.data);
    if (trade?.symbol !== watch.symbol) return;
    const { symbol: _symbol, ...tapeTrade } = trade;
    if (watch.tape.add(tapeTrade satisfies PublicTrade)) watch.tradesPush.request();
  }

  #snapshot(watch: Watch): BookSnapshot {
    const now = this.#options.clock.now();
    if (watch.book === undefined) return emptyBook(watch.symbol, watch.staleness, now);
    return bookSnapshotOf(
      watch.symbol,
      watch.book,
      this.#options.config.bookDepthLevels,
      watch.staleness,
      now,
    );
  }

  #answer(watch: Watch): BookWatch {
    return { book: this.#snapshot(watch), trades: watch.tape.trades() };
  }

  #pushBook(watch: Watch): void {
    if (this.#current !== watch || watch.book === undefined) return;
    const snapshot = this.#snapshot(watch);
    for (const listener of this.#bookListeners) listener(snapshot);
  }

  #pushTrades(watch: Watch): void {
    if (this.#current !== watch) return;
    const tape: RecentTrades = { symbol: watch.symbol, trades: watch.tape.trades() };
    for (const listener of this.#tradesListeners) listener(tape);
  }

  onBook(listener: (book: BookSnapshot) => void): () => void {
    this.#bookListeners.add(listener);
    return () => this.#bookListeners.delete(listener);
  }

  onTrades(listener: (trades: RecentTrades) => void): () => void {
    this.#tradesListeners.add(listener);
    return () => this.#tradesListeners.delete(listener);
  }

  stop(): void {
    this.#stopped = true;
    if (this.#current !== undefined) this.#unwatch(this.#current);
    this.#current = undefined;
    for (const unsubscribe of this.#unsubscribers.splice(0)) unsubscribe();
  }
}
