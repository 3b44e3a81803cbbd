import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningVenue } from '../../../src/main/venue/index.ts';
import { KcClient, rawRequest } from './kucoin-test-client.ts';
import { startTestVenue } from './venue-fixture.ts';

describe('public REST (docs/reference/kucoin-futures.md#server-time, #market-data) over loopback', () => {
  let venue: RunningVenue;
  let client: KcClient;

  beforeAll(async () => {
    venue = await startTestVenue();
    client = new KcClient(venue.restUrl, venue.credentials);
  });
  afterAll(async () => {
    await venue.stop();
  });

  async function data(path: string, query = ''): Promise<unknown> {
    const res = await client.publicGet(path, query);
    expect(res.status, res.text).toBe(200);
    expect(res.json.code).toBe('200000');
    expect(res.headers['content-type']).toContain('application/json');
    return res.json.data;
  }

  it('GET /api/v1/timestamp answers ms venue time; /status answers open', async () => {
    const before = Date.now();
    const ts = (await data('/api/v1/timestamp')) as number;
    expect(Number.isInteger(ts)).toBe(true);
    expect(Math.abs(ts - before)).toBeLessThan(5_000);
    expect(await data('/api/v1/status')).toMatchObject({ status: 'open' });
  });

  it('contracts/active and contracts/{symbol} carry KuCoin contract fields', async () => {
    const all = (await data('/api/v1/contracts/active')) as Record<string, unknown>[];
    const xbt = all.find((c) => c.symbol === 'XBTUSDTM');
    expect(xbt).toMatchObject({
      rootSymbol: 'USDT',
      type: 'FFWCSX',
      multiplier: 0.001,
      tickSize: 0.1,
      lotSize: 1,
      settleCurrency: 'USDT',
      isInverse: false,
    });
    expect(await data('/api/v1/contracts/XBTUSDTM')).toMatchObject({
      symbol: 'XBTUSDTM',
      maxLeverage: expect.any(Number) as number,
    });
  });

  it('ticker and allTickers', async () => {
    const t = (await data('/api/v1/ticker', 'symbol=XBTUSDTM')) as Record<string, unknown>;
    expect(t).toMatchObject({
      symbol: 'XBTUSDTM',
      price: expect.any(String) as string,
      bestBidPrice: expect.any(String) as string,
      bestAskSize: expect.any(Number) as number,
    });
    expect(Number(t.bestBidPrice)).toBeLessThan(Number(t.bestAskPrice));
    const all = (await data('/api/v1/allTickers')) as { symbol: string }[];
    expect(all.map((x) => x.symbol)).toContain('XBTUSDTM');
  });

  it('level2 snapshot, depth20, depth100: bids high→low, asks low→high', async () => {
    for (const path of ['/api/v1/level2/snapshot', '/api/v1/level2/depth20', '/api/v1/level2/depth100']) {
      const book = (await data(path, 'symbol=XBTUSDTM')) as {
        sequence: number;
        bids: [number, number][];
        asks: [number, number][];
      };
      expect(book.bids.length).toBeGreaterThan(0);
      expect(book.asks.length).toBeGreaterThan(0);
      expect(book.bids[0]![0]).toBeGreaterThan(book.bids[book.bids.length - 1]![0] - 1e-9);
      expect(book.asks[0]![0]).toBeLessThan(book.asks[0]![0] + 1e-9);
      expect(book.bids[0]![0]).toBeLessThan(book.asks[0]![0]);
      if (path.endsWith('depth20')) expect(book.bids.length).toBeLessThanOrEqual(20);
    }
    const res = await client.publicGet('/api/v1/level2/depth50', 'symbol=XBTUSDTM');
    expect(res.status).toBe(404);
    expect(res.json.code).toBe('404000');
  });

  it('trade/history, mark price, funding rate current and history', async () => {
    expect(Array.isArray(await data('/api/v1/trade/history', 'symbol=XBTUSDTM'))).toBe(true);
    expect(await data('/api/v1/mark-price/XBTUSDTM/current')).toMatchObject({
      symbol: 'XBTUSDTM',
      value: expect.any(Number) as number,
      indexPrice: expect.any(Number) as number,
    });
    expect(await data('/api/v1/funding-rate/XBTUSDTM/current')).toMatchObject({
      granularity: 28_800_000,
      fundingRateCap: expect.any(Number) as number,
    });
    const now = Date.now();
    expect(
      Array.isArray(
        await data(
          '/api/v1/contract/funding-rates',
          `symbol=XBTUSDTM&from=${now - 86_400_000 * 3}&to=${now}`,
        ),
      ),
    ).toBe(true);
    expect(Array.isArray(await data('/api/v1/contracts/risk-limit/XBTUSDTM'))).toBe(true);
  });

  it('kline/query answers rows [ms, o, h, l, c, v] for every granularity and refuses others', async () => {
    for (const g of [1, 5, 15, 30, 60, 120, 240, 480, 720, 1440, 10080]) {
      const rows = (await data('/api/v1/kline/query', `symbol=XBTUSDTM&granularity=${g}`)) as number[][];
      expect(Array.isArray(rows)).toBe(true);
      for (const row of rows.slice(0, 3)) expect(row).toHaveLength(6);
    }
    const bad = await client.publicGet('/api/v1/kline/query', 'symbol=XBTUSDTM&granularity=7');
    expect(bad.json.code).not.toBe('200000');
    expect(bad.status).toBeLessThan(500);
  });

  it('POST /api/v1/bullet-public answers a token and one instance server', async () => {
    const res = await rawRequest('POST', `${venue.restUrl}/api/v1/bullet-public`);
    expect(res.json.code).toBe('200000');
    expect(res.json.data).toMatchObject({
      token: expect.any(String) as string,
      instanceServers: [
        {
          endpoint: `${venue.wsUrl}/`,
          encrypt: false,
          protocol: 'websocket',
          pingInterval: 18_000,
          pingTimeout: 10_000,
        },
      ],
    });
  });

  it('malformed requests get KuCoin codes, never a 500', async () => {
    const cases: [string, string, string][] = [
      ['/api/v1/ticker', '', '100001'],
      ['/api/v1/ticker', 'symbol=NOPEUSDTM', '100003'],
      ['/api/v1/contracts/NOPE', '', '100003'],
      ['/api/v1/kline/query', 'symbol=XBTUSDTM&granularity=abc', '100001'],
      ['/api/v1/kline/query', 'symbol=XBTUSDTM&granularity=1&from=yesterday', '100001'],
      ['/api/v1/contract/funding-rates', 'symbol=XBTUSDTM', '100001'],
      ['/api/v1/nothing-here', '', '404000'],
      ['/api/v1/ticker', 'symbol=%E0%A4%A', '100003'],
    ];
    for (const [path, query, code] of cases) {
      const res = await client.publicGet(path, query);
      expect(res.json.code, `${path}?${query} → ${res.text}`).toBe(code);
      expect(res.status).toBeLessThan(500);
      expect(typeof res.json.msg).toBe('string');
    }
    const notJson = await rawRequest(
      'POST',
      `${venue.restUrl}/api/v1/bullet-public`,
      { 'content-type': 'application/json' },
      '{not json',
    );
    expect(notJson.status).toBe(400);
    expect(notJson.json.code).toBe('400100');
    const wrongType = await client.send('POST', '/api/v1/orders', { clientOid: 'ct-1' });
    expect(wrongType.json.code).not.toBe('415000');
    const textBody = await rawRequest(
      'POST',
      `${venue.restUrl}/api/v1/bullet-public`,
      { 'content-type': 'text/plain' },
      'hello',
    );
    expect(textBody.status).toBe(415);
    expect(textBody.json.code).toBe('415000');
  });

  it('the admin API is not reachable as a KuCoin path and answers JSON', async () => {
    const health = await rawRequest('GET', `${venue.restUrl}/__venue/health`);
    expect(health.json).toMatchObject({ ok: true, data: { status: 'up' } });
    const unknown = await rawRequest('GET', `${venue.restUrl}/__venue/nope`);
    expect(unknown.status).toBe(404);
  });
});
