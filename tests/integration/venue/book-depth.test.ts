/**
 * The book is deep enough for KuCoin's depth answers (ADR 0143): GET /api/v1/level2/depth100 answers
 * 100 levels a side (depth20: 20), level2Depth50 pushes 50, and the full snapshot has every level —
 * also on a venue whose prices mirror another venue — and a shallower configured book answers what it has.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/main/observability/logger.ts';
import { createManualVenueClock, createMirrorFeed } from '../../../src/main/venue/core/index.ts';
import type { FeedSymbol } from '../../../src/main/venue/core/index.ts';
import type { RunningVenue } from '../../../src/main/venue/index.ts';
import { KcClient, openKcSocket } from './kucoin-test-client.ts';
import { startTestVenue } from './venue-fixture.ts';

interface Book {
  bids: [number, number][];
  asks: [number, number][];
}

async function book(venue: RunningVenue, path: string): Promise<Book> {
  const res = await new KcClient(venue.restUrl, venue.credentials).publicGet(path, 'symbol=XBTUSDTM');
  expect(res.json.code, res.text).toBe('200000');
  return res.json.data as Book;
}

function strictlyOrdered(book: Book): boolean {
  const bids = book.bids.every((level, i) => i === 0 || level[0] < (book.bids[i - 1]?.[0] ?? Infinity));
  const asks = book.asks.every((level, i) => i === 0 || level[0] > (book.asks[i - 1]?.[0] ?? -Infinity));
  return bids && asks && (book.bids[0]?.[0] ?? 0) < (book.asks[0]?.[0] ?? 0);
}

describe('book depth: depth100 answers 100 levels', () => {
  let upstream: RunningVenue;
  let mirror: RunningVenue;
  let shallow: RunningVenue;

  beforeAll(async () => {
    upstream = await startTestVenue({ venueClock: createManualVenueClock(Date.UTC(2026, 0, 5)) });
    const contracts = (
      await new KcClient(upstream.restUrl, upstream.credentials).publicGet('/api/v1/contracts/active')
    ).json.data as { symbol: string; tickSize: number; indexPriceTickSize: number; markPrice: number }[];
    const symbols: FeedSymbol[] = contracts.map((c) => ({
      symbol: c.symbol,
      initialPrice: String(c.markPrice),
      tickSize: String(c.tickSize),
      indexPriceTickSize: String(c.indexPriceTickSize),
    }));
    const feed = createMirrorFeed({
      baseUrl: upstream.restUrl,
      symbols,
      pollIntervalMs: 1_000,
      logger: silentLogger,
      autoStart: false,
    });
    mirror = await startTestVenue({
      priceFeed: feed,
      venueClock: createManualVenueClock(Date.UTC(2026, 0, 5)),
    });
    upstream.admin.setPrice('XBTUSDTM', '70000');
    await feed.pollOnce();
    mirror.admin.advanceTime(1_000);
    shallow = await startTestVenue({
      venue: { bookDepthLevels: 30 },
      venueClock: createManualVenueClock(Date.UTC(2026, 0, 5)),
    });
  });
  afterAll(async () => {
    await Promise.all([upstream.stop(), mirror.stop(), shallow.stop()]);
  });

  it('depth100 / depth20 / snapshot on the default book, and on a mirroring venue', async () => {
    for (const venue of [upstream, mirror]) {
      const hundred = await book(venue, '/api/v1/level2/depth100');
      expect(hundred.bids).toHaveLength(100);
      expect(hundred.asks).toHaveLength(100);
      expect(strictlyOrdered(hundred)).toBe(true);
      const twenty = await book(venue, '/api/v1/level2/depth20');
      expect(twenty.bids).toEqual(hundred.bids.slice(0, 20));
      expect(twenty.asks).toEqual(hundred.asks.slice(0, 20));
      const full = await book(venue, '/api/v1/level2/snapshot');
      expect(full.bids.length).toBeGreaterThanOrEqual(100);
      expect(full.bids.slice(0, 100)).toEqual(hundred.bids);
    }
    // The mirror's book sits around the upstream's price.
    const mirrored = await book(mirror, '/api/v1/level2/depth100');
    expect(mirrored.bids[0]?.[0]).toBeGreaterThan(69_000);
    expect(mirrored.asks[0]?.[0]).toBeLessThan(71_000);
  });

  it('level2Depth50 pushes 50 levels a side, equal to the top of depth100', async () => {
    const kc = new KcClient(upstream.restUrl, upstream.credentials);
    const { socket } = await openKcSocket(kc, 'public');
    await socket.subscribe('/contractMarket/level2Depth50:XBTUSDTM');
    const from = socket.frames.length;
    upstream.admin.advanceTime(1_000);
    const frame = await socket.next(
      (f) => f.topic === '/contractMarket/level2Depth50:XBTUSDTM' && socket.frames.indexOf(f) >= from,
    );
    const pushed = frame.data as { bids: [string, number][]; asks: [string, number][] };
    expect(pushed.bids).toHaveLength(50);
    expect(pushed.asks).toHaveLength(50);
    const hundred = await book(upstream, '/api/v1/level2/depth100');
    expect(pushed.bids.map(([p, s]) => [Number(p), s])).toEqual(hundred.bids.slice(0, 50));
    socket.close();
  });

  it('a book configured shallower answers the levels it has (depth100 → 30)', async () => {
    const hundred = await book(shallow, '/api/v1/level2/depth100');
    expect(hundred.bids).toHaveLength(30);
    expect(hundred.asks).toHaveLength(30);
  });
});
