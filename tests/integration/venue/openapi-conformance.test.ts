/**
 * Every REST answer the venue serves and every WebSocket push type, validated against KuCoin's own
 * OpenAPI schemas (tests/fixtures/kucoin/openapi-shapes.json, ADR 0141) through the independent test
 * client. The workload touches every route of the venue's route table and every topic family; the
 * test fails on any schema issue and on any route or topic that went unchecked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/main/config/schema.ts';
import { serverSettings } from '../../../src/main/venue/server/settings.ts';
import { buildRouteTable } from '../../../src/main/venue/server/build-routes.ts';
import { TokenStore } from '../../../src/main/venue/ws/token-store.ts';
import { createManualVenueClock } from '../../../src/main/venue/core/index.ts';
import type { RunningVenue } from '../../../src/main/venue/index.ts';
import {
  pushExample,
  pushIssues,
  pushShapeKeys,
  pushTemplateOf,
  restIssues,
} from '../../fixtures/kucoin/openapi-shapes.ts';
import type { ShapeIssue } from '../../fixtures/kucoin/openapi-shapes.ts';
import { KcClient, openKcSocket, rawRequest } from './kucoin-test-client.ts';
import type { KcSocket, RawResponse } from './kucoin-test-client.ts';
import { startTestVenue } from './venue-fixture.ts';

const S = 'XBTUSDTM';
const E = 'ETHUSDTM';
/** Venue routes that are aliases of a spec endpoint, checked under the spec's key. */
const aliases: Readonly<Record<string, string>> = { 'GET /api/v1/orders/': 'GET /api/v1/orders/byClientOid' };

/**
 * The data field KuCoin's own example sets the envelope's `sn` from (`sequence` on tickerV2, ticker,
 * level2 and execution; `timestamp` on the depth snapshots), or undefined when the example has no
 * `sn`: read from the spec's example, not written here.
 */
function snFieldOf(template: string): string | undefined {
  const example = pushExample(template) as { sn?: unknown; data?: Record<string, unknown> } | null;
  if (example?.sn === undefined || example.data === undefined) return undefined;
  return Object.keys(example.data).find((key) => example.data?.[key] === example.sn);
}

let seq = 0;
const oid = (tag: string): string => `${tag}-${Date.now().toString(36)}-${(seq += 1)}`;

describe('the venue speaks KuCoin’s OpenAPI shapes (every REST answer, every push type)', () => {
  let venue: RunningVenue;
  let kc: KcClient;
  let pub: KcSocket;
  let priv: KcSocket;
  const issues: ShapeIssue[] = [];
  const checked = new Set<string>();

  async function call(specKey: string, send: () => Promise<RawResponse>): Promise<unknown> {
    const res = await send();
    expect(res.json.code, `${specKey}: ${res.text}`).toBe('200000');
    issues.push(...restIssues(specKey, res.json));
    checked.add(specKey);
    return res.json.data;
  }
  const get = (path: string, params?: Record<string, string | number>, spec = `GET ${path}`) =>
    call(spec, () => kc.send('GET', path, params));
  const post = (path: string, body: unknown, spec = `POST ${path}`) =>
    call(spec, () => kc.send('POST', path, body as Record<string, unknown>));
  const del = (path: string, params: Record<string, string | number> | undefined, spec: string) =>
    call(spec, () => kc.send('DELETE', path, params));
  const pubGet = (path: string, query = '', spec = `GET ${path}`) =>
    call(spec, () => kc.publicGet(path, query));

  beforeAll(async () => {
    venue = await startTestVenue({
      venueClock: createManualVenueClock(Date.now()),
      venue: { fundingIntervalMs: 60_000 },
    });
    kc = new KcClient(venue.restUrl, venue.credentials);
    venue.admin.setPrice(S, '80000');
    venue.admin.setPrice(E, '2500');
    pub = (await openKcSocket(kc, 'public')).socket;
    priv = (await openKcSocket(kc, 'private')).socket;
    for (const topic of [
      `/contractMarket/tickerV2:${S}`,
      `/contractMarket/ticker:${S}`,
      `/contractMarket/level2:${S}`,
      `/contractMarket/level2Depth5:${S}`,
      `/contractMarket/level2Depth50:${S}`,
      `/contractMarket/execution:${S}`,
      `/contractMarket/limitCandle:${S}_1min`,
      `/contract/instrument:${S}`,
      `/contract/announcement:${S}`,
      `/contractMarket/snapshot:${S}`,
    ])
      expect((await pub.subscribe(topic)).type).toBe('ack');
    for (const topic of [
      `/contractMarket/tradeOrders:${S}`,
      '/contractMarket/tradeOrders',
      '/contractMarket/advancedOrders',
      `/contract/position:${S}`,
      '/contract/positionAll',
      '/contractAccount/wallet',
      '/contract/marginMode',
      '/contract/crossLeverage',
    ])
      expect((await priv.subscribe(topic, true)).type).toBe('ack');
  });
  afterAll(async () => {
    pub.close();
    priv.close();
    await venue.stop();
  });

  it('public market data', async () => {
    await pubGet('/api/v1/timestamp');
    await pubGet('/api/v1/status');
    await pubGet('/api/v1/contracts/active');
    await pubGet(`/api/v1/contracts/${S}`, '', 'GET /api/v1/contracts/{symbol}');
    await pubGet(`/api/v1/contracts/risk-limit/${S}`, '', 'GET /api/v1/contracts/risk-limit/{symbol}');
    await pubGet('/api/v1/ticker', `symbol=${S}`);
    await pubGet('/api/v1/allTickers');
    await pubGet('/api/v1/trade-statistics');
    await pubGet('/api/v1/level2/snapshot', `symbol=${S}`);
    await pubGet('/api/v1/level2/depth20', `symbol=${S}`, 'GET /api/v1/level2/depth{size}');
    await pubGet('/api/v1/level2/depth100', `symbol=${S}`, 'GET /api/v1/level2/depth{size}');
    await pubGet('/api/v1/trade/history', `symbol=${S}`);
    const now = venue.exchange.serverTimeMs();
    await pubGet('/api/v1/kline/query', `symbol=${S}&granularity=1&from=${now - 3_600_000}&to=${now}`);
    await pubGet(`/api/v1/mark-price/${S}/current`, '', 'GET /api/v1/mark-price/{symbol}/current');
    await pubGet(`/api/v1/funding-rate/${S}/current`, '', 'GET /api/v1/funding-rate/{symbol}/current');
    await pubGet('/api/v1/index/query', 'symbol=.KXBTUSDT');
    await pubGet('/api/v1/premium/query', `symbol=.${S}PI`);
    await pubGet('/api/v1/interest/query', 'symbol=.XBTINT8H');
    await call('POST /api/v1/bullet-public', () =>
      rawRequest('POST', `${venue.restUrl}/api/v1/bullet-public`),
    );
    await post('/api/v1/bullet-private', undefined);
  });

  it('account, leverage and margin mode', async () => {
    await get('/api/v1/account-overview', { currency: 'USDT' });
    await get('/api/v1/user/api-key');
    await get('/api/v1/trade-fees', { symbol: S });
    await post('/api/v2/changeCrossUserLeverage', { symbol: E, leverage: '5' });
    await get('/api/v2/getCrossUserLeverage', { symbol: E });
    await get('/api/v2/position/getMarginMode', { symbol: E });
    await post('/api/v2/position/changeMarginMode', { symbol: E, marginMode: 'CROSS' });
    await post('/api/v2/position/batchChangeMarginMode', { marginMode: 'ISOLATED', symbols: [E] });
    await get('/api/v2/batchGetCrossOrderLimit', { symbol: S, totalMargin: 1000, leverage: 5 });
    await get('/api/v2/getMaxOpenSize', { symbol: S, price: '80000', leverage: 5 });
  });

  it('orders, positions, funding and cancels', async () => {
    const base = { symbol: S, leverage: 5, marginMode: 'ISOLATED' };
    const rest1 = oid('rest');
    const resting = (await post('/api/v1/orders', {
      ...base,
      clientOid: rest1,
      side: 'buy',
      type: 'limit',
      price: '70000',
      size: 1,
    })) as { orderId: string };
    await post('/api/v1/orders/test', {
      ...base,
      clientOid: oid('test'),
      side: 'buy',
      type: 'limit',
      price: '70000',
      size: 1,
    });
    await post('/api/v1/orders/multi', [
      { ...base, clientOid: oid('m1'), side: 'buy', type: 'limit', price: '70001', size: 1 },
      { ...base, clientOid: oid('m2'), side: 'buy', type: 'limit', price: '70002', size: 1 },
    ]);
    await post('/api/v1/orders', { ...base, clientOid: oid('mkt'), side: 'buy', type: 'market', size: 3 });
    await post('/api/v1/st-orders', {
      ...base,
      clientOid: oid('st'),
      side: 'buy',
      type: 'market',
      size: 1,
      triggerStopDownPrice: '60000',
      triggerStopUpPrice: '99000',
      stopPriceType: 'MP',
    });
    const stopOid = oid('stop');
    await post('/api/v1/orders', {
      ...base,
      clientOid: stopOid,
      side: 'sell',
      type: 'market',
      size: 1,
      stop: 'down',
      stopPrice: '61000',
      stopPriceType: 'MP',
      reduceOnly: true,
    });
    await get(`/api/v1/orders/${resting.orderId}`, undefined, 'GET /api/v1/orders/{order-id}');
    await get('/api/v1/orders/byClientOid', { clientOid: rest1 });
    await get('/api/v1/orders/', { clientOid: rest1 }, aliases['GET /api/v1/orders/']);
    await get('/api/v1/orders', { status: 'active', symbol: S });
    await get('/api/v1/orders', { status: 'done' });
    await get('/api/v1/stopOrders', { symbol: S });
    await get('/api/v1/recentDoneOrders');
    await get('/api/v1/openOrderStatistics', { symbol: S });
    await get('/api/v1/fills');
    await get('/api/v1/recentFills');
    await get('/api/v1/position', { symbol: S });
    await get('/api/v1/positions');
    await get('/api/v1/margin/maxWithdrawMargin', { symbol: S });
    await post('/api/v1/position/margin/deposit-margin', { symbol: S, margin: 10, bizNo: oid('biz') });
    await post('/api/v1/margin/withdrawMargin', { symbol: S, withdrawAmount: '1' });
    await post('/api/v1/position/margin/auto-deposit-status', { symbol: S, status: false });
    // Funding settles every venue minute here; a snapshot every 5 s; candles close each minute.
    for (let i = 0; i < 14; i += 1) venue.admin.advanceTime(5_000);
    await get('/api/v1/funding-history', { symbol: S });
    const now = venue.exchange.serverTimeMs();
    await pubGet('/api/v1/contract/funding-rates', `symbol=${S}&from=${now - 600_000}&to=${now}`);
    await del(`/api/v1/orders/${resting.orderId}`, undefined, 'DELETE /api/v1/orders/{orderId}');
    const rest2 = oid('rest2');
    await post('/api/v1/orders', {
      ...base,
      clientOid: rest2,
      side: 'buy',
      type: 'limit',
      price: '70000',
      size: 1,
    });
    await del(
      `/api/v1/orders/client-order/${rest2}`,
      { symbol: S },
      'DELETE /api/v1/orders/client-order/{clientOid}',
    );
    const rest3 = oid('rest3');
    await post('/api/v1/orders', {
      ...base,
      clientOid: rest3,
      side: 'buy',
      type: 'limit',
      price: '70000',
      size: 1,
    });
    await call('DELETE /api/v1/orders/multi-cancel', () =>
      kc.send(
        'DELETE',
        '/api/v1/orders/multi-cancel',
        { clientOidsList: [{ symbol: S, clientOid: rest3 }] },
        true,
      ),
    );
    await del('/api/v3/orders', { symbol: S }, 'DELETE /api/v3/orders');
    await post('/api/v1/orders', {
      ...base,
      clientOid: oid('rest4'),
      side: 'buy',
      type: 'limit',
      price: '70000',
      size: 1,
    });
    await del('/api/v1/orders', { symbol: S }, 'DELETE /api/v1/orders');
    await del('/api/v1/stopOrders', { symbol: S }, 'DELETE /api/v1/stopOrders');
    await post('/api/v1/orders', {
      symbol: S,
      clientOid: oid('close'),
      side: 'sell',
      type: 'market',
      size: 4,
      reduceOnly: true,
    });
    // Changing the risk-limit level cancels open orders (KuCoin), so it comes after the cancels.
    await post('/api/v1/position/risk-limit-level/change', { symbol: S, level: 1 });
    await get('/api/v1/history-positions', { symbol: S });
    await get('/api/v1/transaction-history');
    venue.admin.advanceTime(1_000);
  });

  it('every push type matches its KuCoin schema, and every route and topic family was checked', async () => {
    await priv.next((f) => f.topic === '/contract/positionAll');
    // Pushes travel over two sockets on a loaded machine: wait (bounded) until every family has
    // arrived rather than reading the frames at one arbitrary instant; a missing one still fails below.
    const arrived = (): Set<string> =>
      new Set(
        [...pub.frames, ...priv.frames]
          .filter((f) => f.type === 'message')
          .map((f) => pushTemplateOf(String(f.topic)) ?? String(f.topic)),
      );
    for (
      const deadline = Date.now() + 15_000;
      pushShapeKeys().some((key) => !arrived().has(key)) && Date.now() < deadline;
    ) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const messages = [...pub.frames, ...priv.frames].filter((f) => f.type === 'message');
    const seen = new Set<string>();
    for (const frame of messages) {
      issues.push(...pushIssues(frame));
      seen.add(pushTemplateOf(String(frame.topic)) ?? String(frame.topic));
    }
    expect(issues).toEqual([]);
    expect([...seen].sort()).toEqual(pushShapeKeys().sort());
    // Where KuCoin's example ties sn to a data field, every push of that topic does the same.
    const snMismatches: string[] = [];
    const snTopics = new Set<string>();
    for (const frame of messages) {
      const template = pushTemplateOf(String(frame.topic)) ?? '';
      const field = snFieldOf(template);
      if (field === undefined) continue;
      snTopics.add(template);
      const data = frame.data as Record<string, unknown>;
      if (frame.sn !== data[field])
        snMismatches.push(
          `${String(frame.topic)}: sn ${String(frame.sn)} ≠ data.${field} ${String(data[field])}`,
        );
    }
    expect(snMismatches).toEqual([]);
    expect([...snTopics].sort()).toEqual(
      pushShapeKeys()
        .filter((t) => snFieldOf(t) !== undefined)
        .sort(),
    );
    expect(snTopics.size).toBe(6);
    const table = buildRouteTable({
      exchange: venue.exchange,
      settings: serverSettings(defaultConfig().venue),
      tokens: new TokenStore(),
      gatewayNow: () => 0,
      wsEndpoint: () => '',
    });
    const unchecked = table.list().filter((route) => !checked.has(aliases[route] ?? route));
    expect(unchecked).toEqual([]);
  });
});
