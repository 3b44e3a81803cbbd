import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/main/observability/logger.ts';
import { createMirrorFeed } from '../../../src/main/venue/core/index.ts';
import type { FeedSymbol, MirrorFeed } from '../../../src/main/venue/core/index.ts';
import type { RunningVenue } from '../../../src/main/venue/index.ts';
import { KcClient } from './kucoin-test-client.ts';
import { startTestVenue } from './venue-fixture.ts';

describe('mirror price feed: venue B follows venue A over KuCoin public REST', () => {
  let upstream: RunningVenue;
  let mirror: RunningVenue;
  let feed: MirrorFeed;

  beforeAll(async () => {
    upstream = await startTestVenue();
    // B learns its symbols' grids from A's contracts, as it would from KuCoin's.
    const contracts = (
      await new KcClient(upstream.restUrl, upstream.credentials).publicGet('/api/v1/contracts/active')
    ).json.data as {
      symbol: string;
      tickSize: number;
      indexPriceTickSize: number;
      markPrice: number;
    }[];
    const symbols: FeedSymbol[] = contracts.map((c) => ({
      symbol: c.symbol,
      initialPrice: String(c.markPrice),
      tickSize: String(c.tickSize),
      indexPriceTickSize: String(c.indexPriceTickSize),
    }));
    feed = createMirrorFeed({
      baseUrl: upstream.restUrl,
      symbols,
      pollIntervalMs: 1_000,
      logger: silentLogger,
      autoStart: false,
    });
    mirror = await startTestVenue({ priceFeed: feed });
  });
  afterAll(async () => {
    await mirror.stop();
    await upstream.stop();
  });

  it('after A jumps, one poll and one price step later B marks at A’s price', async () => {
    upstream.admin.setPrice('XBTUSDTM', '71234.5');
    await feed.pollOnce();
    mirror.admin.advanceTime(5_000);
    const kc = new KcClient(mirror.restUrl, mirror.credentials);
    const mark = (await kc.publicGet('/api/v1/mark-price/XBTUSDTM/current')).json.data as { value: number };
    const upstreamMark = (
      await new KcClient(upstream.restUrl, upstream.credentials).publicGet(
        '/api/v1/mark-price/XBTUSDTM/current',
      )
    ).json.data as { value: number };
    expect(mark.value).toBeCloseTo(upstreamMark.value, 1);
    expect(mark.value).toBeGreaterThan(70_000);
    expect(upstream.admin.requestCount({ path: '/api/v1/mark-price/XBTUSDTM/current' })).toBeGreaterThan(0);
  });
});
