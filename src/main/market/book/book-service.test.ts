import { describe, expect, it } from 'vitest';
import type { BookSnapshot, RecentTrades } from '../../../shared/ipc/channels/market.ts';
import type { BookLevel } from '../../exchange/kucoin/ws/level2-book.ts';
import type { StreamEvent, StreamMessage, StreamState } from '../../exchange/kucoin/ws/stream-types.ts';
import { silentLogger } from '../../observability/logger.ts';
import { createBookService, type BookStreamSource, type WatchedBook } from './book-service.ts';
import type { CoalescerTimers } from './coalescer.ts';

/** A stream double: the test pushes messages and lifecycle events and reads the subscriptions. */
function fakeStream() {
  const messageListeners = new Set<(message: StreamMessage) => void>();
  const eventListeners = new Set<(event: StreamEvent) => void>();
  const topics = new Set<string>();
  const state: { value: StreamState } = { value: 'open' };
  const stream: BookStreamSource = {
    subscribe: (topic) => {
      topics.add(topic);
      return Promise.resolve();
    },
    unsubscribe: (topic) => {
      topics.delete(topic);
      return Promise.resolve();
    },
    onMessage: (listener) => {
      messageListeners.add(listener);
      return () => messageListeners.delete(listener);
    },
    onEvent: (listener) => {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    stats: () => ({ state: state.value, topics: [...topics] }),
  };
  return {
    stream,
    topics,
    state,
    push: (message: StreamMessage) => {
      for (const listener of messageListeners) listener(message);
    },
    event: (event: StreamEvent) => {
      for (const listener of eventListeners) listener(event);
    },
  };
}

/** A book double with fixed levels; `update()` fires its listeners like an applied change. */
function fakeBook(bids: BookLevel[], asks: BookLevel[]) {
  const listeners = new Set<() => void>();
  const status = { state: 'live' as 'syncing' | 'live' | 'stopped', stopped: false };
  const book: WatchedBook = {
    bids: (depth) => bids.slice(0, depth),
    asks: (depth) => asks.slice(0, depth),
    stats: () => ({ sequence: 42, state: status.state }),
    onUpdate: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop: () => {
      status.stopped = true;
      status.state = 'stopped';
    },
  };
  return {
    book,
    status,
    update: () => {
      for (const listener of listeners) listener();
    },
  };
}

/** Timers that never fire by themselves: every push here is the first of its interval. */
const instantTimers: CoalescerTimers = {
  now: () => Date.now() + 1_000_000,
  setTimeout: () => undefined,
  clearTimeout: () => undefined,
};

function setup() {
  const fake = fakeStream();
  const books = new Map<string, ReturnType<typeof fakeBook>>([
    ['XBTUSDTM', fakeBook([['90000.1', 5]], [['90000.2', 7]])],
    ['ETHUSDTM', fakeBook([['3000.01', 1]], [['3000.02', 2]])],
  ]);
  let now = 10_000;
  const service = createBookService({
    isListed: (symbol) => Promise.resolve(symbol !== 'DELISTEDUSDTM'),
    openBook: (symbol) => {
      const found = books.get(symbol);
      return found === undefined ? Promise.reject(new Error('no such book')) : Promise.resolve(found.book);
    },
    stream: fake.stream,
    config: { bookPushIntervalMs: 100, bookDepthLevels: 50, recentTradesKept: 50 },
    clock: { now: () => now },
    logger: silentLogger,
    timers: { ...instantTimers, now: () => (now += 1_000) },
  });
  const booksPushed: BookSnapshot[] = [];
  const tradesPushed: RecentTrades[] = [];
  service.onBook((book) => booksPushed.push(book));
  service.onTrades((trades) => tradesPushed.push(trades));
  return { fake, books, service, booksPushed, tradesPushed, setNow: (ms: number) => (now = ms) };
}

const match = (symbol: string, tradeId: string) => ({
  topic: `/contractMarket/execution:${symbol}`,
  subject: 'match',
  data: { symbol, tradeId, price: '90000.2', size: 2, side: 'buy', ts: 1_700_000_000_000_000_000 },
});

describe('book service: one watched symbol, stale while the stream is down', () => {
  it('answers the book and trades of the watched symbol and pushes its trades', async () => {
    const { fake, service, tradesPushed } = setup();
    const answer = await service.watch('XBTUSDTM');
    expect(answer.book.bids).toEqual([{ price: '90000.1', sizeLots: 5 }]);
    expect(answer.book.asks).toEqual([{ price: '90000.2', sizeLots: 7 }]);
    expect(answer.book.stale).toBe(false);
    fake.push(match('XBTUSDTM', 't1'));
    fake.push(match('ETHUSDTM', 'other'));
    expect(tradesPushed.at(-1)?.trades.map((trade) => trade.tradeId)).toEqual(['t1']);
    expect((await service.watch('XBTUSDTM')).trades.map((trade) => trade.tradeId)).toEqual(['t1']);
  });

  it('switching symbol stops the old book and unsubscribes its trades, not a topic the ticker holds', async () => {
    const { fake, books, service, tradesPushed } = setup();
    fake.topics.add('/contractMarket/execution:ETHUSDTM'); // the live ticker watches ETH
    await service.watch('XBTUSDTM');
    await service.watch('ETHUSDTM');
    expect(books.get('XBTUSDTM')?.status.stopped).toBe(true);
    expect(fake.topics.has('/contractMarket/execution:XBTUSDTM')).toBe(false);
    fake.push(match('XBTUSDTM', 'old'));
    expect(tradesPushed).toEqual([]);
    await service.watch('XBTUSDTM');
    expect(fake.topics.has('/contractMarket/execution:ETHUSDTM')).toBe(true);
  });

  it('marks the book stale on a disconnect with its time, and fresh after the book re-snapshots on an open stream', async () => {
    const { fake, books, service, booksPushed } = setup();
    await service.watch('XBTUSDTM');
    fake.state.value = 'reconnecting';
    fake.event({ type: 'disconnected', reason: 'closed 1006', at: 55_000 });
    expect(booksPushed.at(-1)).toMatchObject({ stale: true, staleSinceMs: 55_000 });
    const book = books.get('XBTUSDTM');
    if (book === undefined) throw new Error('fixture');
    book.update();
    expect(booksPushed.at(-1)?.stale).toBe(true); // still down: the old levels stay grey
    fake.state.value = 'open';
    book.status.state = 'syncing';
    book.update();
    expect(booksPushed.at(-1)?.stale).toBe(true); // reconnected, not re-snapshotted yet
    book.status.state = 'live';
    book.update();
    expect(booksPushed.at(-1)?.stale).toBe(false);
    expect(booksPushed.at(-1)?.staleSinceMs).toBeUndefined();
  });

  it('refuses a symbol the exchange does not list instead of waiting for its book forever', async () => {
    const { fake, service } = setup();
    await expect(service.watch('DELISTEDUSDTM')).rejects.toMatchObject({
      name: 'ValidationError',
      code: 'unknown-symbol',
    });
    expect(fake.topics.size).toBe(0);
  });

  it('a watch that fails can be asked again', async () => {
    const { service } = setup();
    await expect(service.watch('NOPEUSDTM')).rejects.toThrow('no such book');
    await expect(service.watch('NOPEUSDTM')).rejects.toThrow('no such book');
    expect((await service.watch('XBTUSDTM')).book.bids).toHaveLength(1);
  });
});
