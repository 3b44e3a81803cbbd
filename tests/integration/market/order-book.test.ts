// The order book and trades panels read what main pushes (ADR 0530): the book main keeps from the
// level-2 stream must be the venue's book, a trade at the venue must reach the tape, and a public
// stream that goes down must turn the book stale until it is back and re-snapshotted. Everything
// runs the real engine against the paper venue; the outage is a venue fault, not a stub.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BookSnapshot, BookWatch, RecentTrades } from '../../../src/shared/ipc/channels/market.ts';
import { startTestEngine, type TestEngine } from '../../harness/engine.ts';

const symbol = 'XBTUSDTM';
const sender = { url: 'app://bulwark/index.html', isMainFrame: true };

let testEngine: TestEngine;
const books: BookSnapshot[] = [];
const tapes: RecentTrades[] = [];
let watched: BookWatch;

async function until<T>(read: () => T | undefined | Promise<T | undefined>, what: string): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function venue() {
  const running = testEngine.engine.services.venue;
  if (running === undefined) throw new Error('paper mode runs a venue');
  return running;
}

beforeAll(async () => {
  testEngine = await startTestEngine({
    label: 'order-book',
    // A still market: the venue's book only changes when this test trades.
    settings: { venue: { randomWalkAnnualVolatility: 0, randomWalkJumpProbability: 0 } },
  });
  testEngine.engine.events.subscribe((event, payload) => {
    if (event === 'market:book-updated' && (payload as BookSnapshot).symbol === symbol)
      books.push(payload as BookSnapshot);
    if (event === 'market:trades-updated' && (payload as RecentTrades).symbol === symbol)
      tapes.push(payload as RecentTrades);
  });
  const router = testEngine.engine.createRouter(['app://bulwark']);
  const answer = await router.handle('market:watch-book', { symbol }, sender);
  if (!answer.ok) throw new Error(`market:watch-book failed: ${answer.error.message}`);
  watched = answer.value as BookWatch;
  const client = testEngine.engine.services.client;
  // Orders need a synced clock; the outage test needs the public stream up first.
  await until(
    () =>
      client.health().clock.state === 'healthy' && client.publicStream.stats().state === 'open'
        ? true
        : undefined,
    'a synced clock and an open public stream',
  );
});

afterAll(async () => {
  await testEngine.stop();
});

describe('the order book the renderer receives is the venue’s', () => {
  it('market:watch-book answers levels on both sides, best bid below best ask, as the venue’s book', async () => {
    expect(watched.book.symbol).toBe(symbol);
    expect(watched.book.stale).toBe(false);
    expect(watched.book.bids.length).toBeGreaterThan(0);
    expect(watched.book.asks.length).toBeGreaterThan(0);
    expect(watched.book.bids.length).toBeLessThanOrEqual(50);
    const bestBid = Number(watched.book.bids[0]?.price);
    const bestAsk = Number(watched.book.asks[0]?.price);
    expect(bestBid).toBeLessThan(bestAsk);
    // Bids high → low, asks low → high.
    const bidPrices = watched.book.bids.map((level) => Number(level.price));
    expect(bidPrices).toEqual([...bidPrices].sort((a, b) => b - a));
    const client = testEngine.engine.services.client;
    // The venue's own book and the newest one main pushed (or answered) agree on the top.
    await until(async () => {
      const theirs = await client.rest.getLevel2Snapshot(symbol);
      const ours = books.at(-1) ?? watched.book;
      const same =
        ours.bids[0]?.price !== undefined &&
        Number(ours.bids[0].price) === Number(theirs.bids[0]?.[0]) &&
        Number(ours.asks[0]?.price) === Number(theirs.asks[0]?.[0]) &&
        ours.bids[0].sizeLots === theirs.bids[0]?.[1];
      return same ? true : undefined;
    }, 'the pushed book top to equal the venue’s');
  });

  it('a trade placed at the venue appears on the pushed tape with its price, size and side', async () => {
    const client = testEngine.engine.services.client;
    const placed = await client.rest.placeOrder({
      clientOid: 'book-tape-trade-1',
      symbol,
      side: 'buy',
      type: 'market',
      leverage: 5,
      size: 3,
    });
    const timeline = await until(
      () =>
        venue()
          .admin.orderTimeline({ symbol })
          .find((entry) => entry.orderId === placed.orderId && entry.fills.length > 0),
      'the venue to fill the market order',
    );
    const fill = timeline.fills[0];
    if (fill === undefined) throw new Error('a filled order has a fill');
    const onTape = await until(
      () => tapes.flatMap((tape) => tape.trades).find((trade) => trade.tradeId === fill.tradeId),
      `trade ${fill.tradeId} on market:trades-updated`,
    );
    expect(onTape).toMatchObject({ side: 'buy', sizeLots: fill.size });
    expect(Number(onTape.price)).toBe(Number(fill.price));
    const newest = tapes.at(-1)?.trades ?? [];
    expect(newest.length).toBeLessThanOrEqual(50);
    expect(newest.map((trade) => trade.timeMs)).toEqual(
      [...newest.map((t) => t.timeMs)].sort((a, b) => b - a),
    );
  });

  it('a public stream killed at the venue marks the book stale since then; reconnecting clears it', async () => {
    const admin = venue().admin;
    // Hold the stream down: the reconnect's token request fails until the fault is removed.
    const fault = admin.addFault({ kind: 'server-error', path: '/api/v1/bullet-public', method: 'POST' });
    const before = Date.now();
    const mark = books.length;
    expect(admin.disconnectWebSockets()).toBeGreaterThan(0);
    const stale = await until(() => books.slice(mark).find((book) => book.stale), 'a stale book push');
    expect(stale.staleSinceMs).toBeGreaterThanOrEqual(before - 1);
    expect(stale.bids.length).toBeGreaterThan(0); // the last known levels stay, greyed
    const router = testEngine.engine.createRouter(['app://bulwark']);
    const asked = await router.handle('market:watch-book', { symbol }, sender);
    expect(asked.ok && (asked.value as BookWatch).book.stale).toBe(true);
    admin.removeFault(fault);
    const fresh = await until(
      () => books.slice(books.indexOf(stale)).find((book) => !book.stale),
      'the book fresh again after the reconnect',
    );
    expect(fresh.staleSinceMs).toBeUndefined();
    expect(Number(fresh.bids[0]?.price)).toBeLessThan(Number(fresh.asks[0]?.price));
  });
});
