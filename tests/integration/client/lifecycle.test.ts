import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/shared/errors.ts';
import { exchangeConfigSchema } from '../../../src/main/config/sections/exchange.ts';
import { createExchangeClient } from '../../../src/main/exchange/index.ts';
import { silentLogger } from '../../../src/main/observability/logger.ts';
import { systemClock } from '../../../src/main/time/clock.ts';
import { startRig, waitFor, type ClientRig } from './harness.ts';

/** Counts of the resources that keep the event loop alive, by type. */
function activeResources(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const type of process.getActiveResourcesInfo()) counts.set(type, (counts.get(type) ?? 0) + 1);
  return counts;
}

describe('stop() leaves nothing behind', () => {
  let rig: ClientRig;
  beforeAll(async () => {
    rig = await startRig({
      startClient: false,
      exchange: { rest: { getRetryMaxAttempts: 3, getRetryInitialDelayMs: 5_000 } },
    });
  });
  afterAll(async () => {
    await rig.venue.stop();
  });

  it('no timer and no socket survive, even with a request waiting and a back-off pending', async () => {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const before = activeResources();
    const { client, venue } = rig;
    await client.start();
    await client.market.watchTicker('XBTUSDTM');
    await client.openBook('XBTUSDTM');
    await waitFor(
      () => client.publicStream.stats().messages > 0 && client.privateStream?.stats().state === 'open',
      'streams running',
    );
    venue.admin.addFault({ kind: 'timeout', path: '/api/v1/ticker' });
    const hanging = client.rest.getTicker('XBTUSDTM').then(
      () => 'resolved',
      () => 'rejected',
    );
    venue.admin.addFault({ kind: 'server-error', path: '/api/v1/position' });
    const backingOff = client.rest.getPosition('XBTUSDTM').then(
      () => 'resolved',
      () => 'rejected',
    );
    venue.admin.addFault({ kind: 'timeout', path: '/api/v1/orders', method: 'POST' });
    const orderInFlight = client.rest
      .placeOrder({
        symbol: 'XBTUSDTM',
        side: 'buy',
        type: 'limit',
        price: '1000',
        size: 1,
        leverage: 3,
        clientOid: 'stop-mid-flight',
      })
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    await waitFor(
      () => venue.admin.requestCount({ path: '/api/v1/orders', method: 'POST' }) >= 1,
      'the order to reach the venue',
    );
    await waitFor(
      () => venue.admin.requestCount({ path: '/api/v1/position' }) >= 1,
      'the first failed attempt',
    );
    expect(activeResources().get('Timeout') ?? 0).toBeGreaterThan(before.get('Timeout') ?? 0);
    await client.stop();
    expect(await hanging).toBe('rejected');
    expect(await backingOff).toBe('rejected');
    // Cut off mid-flight, the order may have landed: its outcome is unknown, never "not sent".
    expect(await orderInFlight).toMatchObject({
      name: 'OrderUnknownError',
      details: { clientOid: 'stop-mid-flight' },
    });
    await waitFor(
      () => {
        const after = activeResources();
        return ['Timeout', 'TCPSocketWrap', 'TCPWRAP'].every(
          (type) => (after.get(type) ?? 0) <= (before.get(type) ?? 0),
        );
      },
      'every client timer and socket to be gone',
      2_000,
    );
    const positionCalls = venue.admin.requestCount({ path: '/api/v1/position' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(venue.admin.requestCount({ path: '/api/v1/position' })).toBe(positionCalls);
    expect(client.health().streams).toEqual({ public: 'stopped', private: 'stopped' });
  });
});

describe('mode and URL policy', () => {
  const base = { config: exchangeConfigSchema.parse({}), clock: systemClock, logger: silentLogger };

  it('live refuses plain http, even on loopback', () => {
    expect(() =>
      createExchangeClient({
        ...base,
        mode: 'live',
        endpoints: { futuresRestUrl: 'http://127.0.0.1:1', generalRestUrl: 'https://api.kucoin.com' },
      }),
    ).toThrow(ConfigError);
  });

  it('paper accepts http only towards loopback', () => {
    expect(() =>
      createExchangeClient({
        ...base,
        mode: 'paper',
        endpoints: { futuresRestUrl: 'http://192.168.1.5:1', generalRestUrl: 'http://127.0.0.1:1' },
      }),
    ).toThrow(/loopback/);
  });
});

describe('market service caches', () => {
  let rig: ClientRig;
  beforeAll(async () => {
    rig = await startRig();
  });
  afterAll(async () => {
    await rig.stop();
  });

  it('coalesces identical concurrent GETs and serves the ticker from cache within its TTL', async () => {
    const before = rig.venue.admin.requestCount({ path: '/api/v1/ticker' });
    const tickers = await Promise.all(
      Array.from({ length: 5 }, () => rig.client.market.getTicker('ETHUSDTM')),
    );
    expect(new Set(tickers.map((t) => t.bestBidPrice)).size).toBe(1);
    await rig.client.market.getTicker('ETHUSDTM');
    expect(rig.venue.admin.requestCount({ path: '/api/v1/ticker' })).toBe(before + 1);
  });

  it('fetches candles incrementally: a second call asks only from the last cached bar', async () => {
    const first = await rig.client.market.getCandles('XBTUSDTM', '1m', 200);
    expect(first.length).toBeGreaterThan(100);
    const seen = rig.venue.admin.recentRequests().length;
    const [oneMin, fiveMin] = await Promise.all([
      rig.client.market.getCandles('XBTUSDTM', '1m', 200),
      rig.client.market.getCandles('XBTUSDTM', '5m', 50),
    ]);
    expect(oneMin.at(-1)?.openTimeMs).toBeGreaterThanOrEqual(first.at(-1)?.openTimeMs ?? 0);
    expect(fiveMin.length).toBeGreaterThan(10);
    const oneMinQueries = rig.venue.admin
      .recentRequests()
      .slice(seen)
      .filter((r) => r.path === '/api/v1/kline/query' && r.query.includes('granularity=1&'));
    expect(oneMinQueries).toHaveLength(1);
    expect(oneMinQueries[0]?.query).toContain(`from=${String(first.at(-1)?.openTimeMs)}`);
  });

  it('merges pushed candles into the cache and announces them', async () => {
    const updates: { symbol: string; timeframe: string; candle: { openTimeMs: number; close: number } }[] =
      [];
    rig.client.market.onCandle((update) => updates.push(update));
    await rig.client.market.getCandles('XBTUSDTM', '1m', 10);
    await rig.client.market.watchCandles('XBTUSDTM', '1m');
    await waitFor(() => updates.length > 0, 'a pushed 1m candle');
    const pushed = updates.at(-1);
    expect(pushed).toMatchObject({ symbol: 'XBTUSDTM', timeframe: '1m' });
    const cached = await rig.client.market.getCandles('XBTUSDTM', '1m', 10);
    expect(cached.some((bar) => bar.openTimeMs === pushed?.candle.openTimeMs)).toBe(true);
  });

  it('announces health changes (clock sync) with a full snapshot', async () => {
    const seen: string[] = [];
    const off = rig.client.onHealthChanged((health) =>
      seen.push(`${health.clock.state}/${health.breaker}/${health.streams.public}`),
    );
    await rig.client.timeSync.sync();
    off();
    expect(seen).toContain('healthy/closed/open');
  });

  it('drops cached positions when we place an order', async () => {
    expect((await rig.client.market.getPositions()).filter((p) => p.currentQty !== 0)).toEqual([]);
    await rig.client.rest.placeOrder({
      symbol: 'XBTUSDTM',
      side: 'buy',
      type: 'market',
      size: 1,
      leverage: 3,
    });
    const positions = await rig.client.market.getPositions();
    expect(positions.find((p) => p.symbol === 'XBTUSDTM')?.currentQty).toBe(1);
  });

  it('drops cached positions on a private push (a resting order filled by a price move)', async () => {
    const ticker = await rig.client.rest.getTicker('ETHUSDTM');
    const price = (Number(ticker.bestBidPrice) * 0.98).toFixed(2);
    const placed = await rig.client.rest.placeOrder({
      symbol: 'ETHUSDTM',
      side: 'buy',
      type: 'limit',
      price,
      size: 1,
      leverage: 3,
    });
    const before = await rig.client.market.getPositions();
    expect(before.find((p) => p.symbol === 'ETHUSDTM')?.currentQty ?? 0).toBe(0);
    const pushes: string[] = [];
    rig.client.privateStream?.onMessage((message) => pushes.push(message.topic));
    rig.venue.admin.setPrice('ETHUSDTM', (Number(price) * 0.99).toFixed(2));
    await waitFor(() => pushes.some((topic) => topic.startsWith('/contract/position')), 'a position push');
    const after = await rig.client.market.getPositions();
    expect(after.find((p) => p.symbol === 'ETHUSDTM')?.currentQty).toBe(1);
    expect((await rig.client.rest.getOrder(placed.orderId)).isActive).toBe(false);
  });
});
