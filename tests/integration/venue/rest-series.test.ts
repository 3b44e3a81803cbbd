import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningVenue } from '../../../src/main/venue/index.ts';
import { createManualVenueClock } from '../../../src/main/venue/core/index.ts';
import type { RawResponse } from './kucoin-test-client.ts';
import { KcClient } from './kucoin-test-client.ts';
import { startTestVenue } from './venue-fixture.ts';

interface SeriesPage {
  dataList: { symbol: string; granularity: number; timePoint: number; value: number }[];
  hasMore: boolean;
}

/** Public pool weight a request was charged: the drop in gw-ratelimit-remaining (docs/reference/kucoin-futures.md#rate-limits). */
function remaining(res: RawResponse): number {
  return Number(res.headers['gw-ratelimit-remaining']);
}

describe('index / premium / interest series and auto-deposit-status (docs/reference/kucoin-futures.md#market-data, #positions) over loopback', () => {
  let venue: RunningVenue;
  let kc: KcClient;

  beforeAll(async () => {
    // Manual venue time: the warm-up history gives each series points, and nothing moves under the test.
    venue = await startTestVenue({ venueClock: createManualVenueClock(Date.UTC(2026, 0, 5)) });
    kc = new KcClient(venue.restUrl, venue.credentials);
    // Five venue minutes: index points every price step, premium points every minute.
    venue.admin.advanceTime(5 * 60_000);
  });
  afterAll(async () => {
    await venue.stop();
  });

  async function page(path: string, query: string): Promise<SeriesPage> {
    const res = await kc.publicGet(path, query);
    expect(res.status, res.text).toBe(200);
    expect(res.json.code, res.text).toBe('200000');
    return res.json.data as SeriesPage;
  }

  it('GET /api/v1/index/query pages newest first with offset and maxCount, decomposionList included', async () => {
    const first = await page('/api/v1/index/query', 'symbol=.KXBTUSDT&maxCount=3');
    expect(first.dataList).toHaveLength(3);
    expect(first.hasMore).toBe(true);
    expect(first.dataList[0]).toMatchObject({
      symbol: '.KXBTUSDT',
      granularity: 1000,
      decomposionList: [{ exchange: expect.any(String) as string, weight: 1 }],
    });
    const times = first.dataList.map((p) => p.timePoint);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const last = times.at(-1) ?? 0;
    const next = await page('/api/v1/index/query', `symbol=.KXBTUSDT&maxCount=3&offset=${last}`);
    expect(next.dataList[0]?.timePoint).toBeLessThan(last);
    const oldestFirst = await page('/api/v1/index/query', 'symbol=.KXBTUSDT&maxCount=2&reverse=false');
    expect(oldestFirst.dataList[0]!.timePoint).toBeLessThan(oldestFirst.dataList[1]!.timePoint);
  });

  it('maxCount defaults to 10 and is capped at 100; startAt/endAt bound the window', async () => {
    expect((await page('/api/v1/index/query', 'symbol=.KXBTUSDT')).dataList).toHaveLength(10);
    expect((await page('/api/v1/index/query', 'symbol=.KXBTUSDT&maxCount=500')).dataList).toHaveLength(100);
    const recent = (await page('/api/v1/index/query', 'symbol=.KXBTUSDT&maxCount=6')).dataList.map(
      (p) => p.timePoint,
    );
    const window = await page(
      '/api/v1/index/query',
      `symbol=.KXBTUSDT&startAt=${recent[4]}&endAt=${recent[1]}&maxCount=100`,
    );
    expect(window.dataList.map((p) => p.timePoint)).toEqual(recent.slice(1, 5));
    expect(window.hasMore).toBe(false);
  });

  it('GET /api/v1/premium/query and /api/v1/interest/query answer per-minute points', async () => {
    const premium = await page('/api/v1/premium/query', 'symbol=.XBTUSDTMPI&maxCount=2');
    expect(premium.dataList).toHaveLength(2);
    expect(premium.dataList[0]).toMatchObject({ symbol: '.XBTUSDTMPI', granularity: 60_000 });
    expect(premium.dataList[0]!.timePoint - premium.dataList[1]!.timePoint).toBe(60_000);
    const interest = await page('/api/v1/interest/query', 'symbol=.XBTINT8H&maxCount=2');
    expect(interest.dataList[0]).toMatchObject({ symbol: '.XBTINT8H', granularity: 60_000, value: 0.0001 });
  });

  it('charges the spec weights in the Public pool: index 2, premium 3, interest 5', async () => {
    const charged = async (path: string, symbol: string): Promise<number> => {
      const a = await kc.publicGet(path, `symbol=${symbol}`);
      const b = await kc.publicGet(path, `symbol=${symbol}`);
      return remaining(a) - remaining(b);
    };
    expect(await charged('/api/v1/index/query', '.KXBTUSDT')).toBe(2);
    expect(await charged('/api/v1/premium/query', '.XBTUSDTMPI')).toBe(3);
    expect(await charged('/api/v1/interest/query', '.XBTINT8H')).toBe(5);
  });

  it('refuses a missing symbol (100001), an unknown one and a malformed pager field', async () => {
    for (const path of ['/api/v1/index/query', '/api/v1/premium/query', '/api/v1/interest/query']) {
      const res = await kc.publicGet(path);
      expect(res.json.code, `${path} ${res.text}`).toBe('100001');
    }
    expect((await kc.publicGet('/api/v1/index/query', 'symbol=.NOPE')).json.code).not.toBe('200000');
    expect((await kc.publicGet('/api/v1/index/query', 'symbol=.KXBTUSDT&maxCount=ten')).json.code).toBe(
      '100001',
    );
  });

  it('POST /api/v1/position/margin/auto-deposit-status toggles the position’s autoDeposit (Futures/4)', async () => {
    await kc.data('POST', '/api/v2/position/changeMarginMode', {
      symbol: 'XBTUSDTM',
      marginMode: 'ISOLATED',
    });
    await kc.data('POST', '/api/v1/orders', {
      clientOid: `ad-${Date.now()}`,
      side: 'buy',
      symbol: 'XBTUSDTM',
      leverage: 5,
      type: 'market',
      size: 2,
      marginMode: 'ISOLATED',
    });
    const on = await kc.send('POST', '/api/v1/position/margin/auto-deposit-status', {
      symbol: 'XBTUSDTM',
      status: true,
    });
    expect(on.json, on.text).toEqual({ code: '200000', data: true });
    const again = await kc.send('POST', '/api/v1/position/margin/auto-deposit-status', {
      symbol: 'XBTUSDTM',
      status: true,
    });
    expect(remaining(on) - remaining(again)).toBe(4);
    expect(await kc.data('GET', '/api/v1/position', { symbol: 'XBTUSDTM' })).toMatchObject({
      autoDeposit: true,
    });
    await kc.data('POST', '/api/v1/position/margin/auto-deposit-status', {
      symbol: 'XBTUSDTM',
      status: false,
    });
    expect(await kc.data('GET', '/api/v1/position', { symbol: 'XBTUSDTM' })).toMatchObject({
      autoDeposit: false,
    });
    const bad = await kc.send('POST', '/api/v1/position/margin/auto-deposit-status', {
      symbol: 'XBTUSDTM',
      status: 'yes',
    });
    expect(bad.json.code).toBe('100001');
    const unsigned = await kc.publicGet('/api/v1/position/margin/auto-deposit-status');
    expect(unsigned.json.code).not.toBe('200000');
  });
});
