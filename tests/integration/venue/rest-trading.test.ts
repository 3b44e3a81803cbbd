import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningVenue } from '../../../src/main/venue/index.ts';
import { KcClient } from './kucoin-test-client.ts';
import { startTestVenue } from './venue-fixture.ts';

interface Placed {
  orderId: string;
  clientOid: string;
}

let seq = 0;
const oid = (tag: string): string => `${tag}-${Date.now().toString(36)}-${(seq += 1)}`;

describe('private REST: orders (docs/reference/kucoin-futures.md#orders)', () => {
  let venue: RunningVenue;
  let kc: KcClient;
  let lowBid: string;

  beforeAll(async () => {
    venue = await startTestVenue();
    kc = new KcClient(venue.restUrl, venue.credentials);
    const ticker = await kc.data<{ price: string }>('GET', '/api/v1/ticker', { symbol: 'XBTUSDTM' });
    lowBid = (Math.floor(Number(ticker.price) * 0.9 * 10) / 10).toFixed(1);
  });
  afterAll(async () => {
    await venue.stop();
  });

  const limitBuy = (clientOid: string, extra: Record<string, unknown> = {}) => ({
    clientOid,
    side: 'buy',
    symbol: 'XBTUSDTM',
    leverage: 5,
    type: 'limit',
    price: lowBid,
    size: 1,
    timeInForce: 'GTC',
    marginMode: 'ISOLATED',
    ...extra,
  });

  it('places a resting limit order and finds it by id, by clientOid and in the active list', async () => {
    const clientOid = oid('rest');
    const placed = await kc.data<Placed>(
      'POST',
      '/api/v1/orders',
      limitBuy(clientOid, { remark: 'venue test', stp: 'CN' }),
    );
    expect(placed).toEqual({ orderId: expect.any(String) as string, clientOid });
    const byId = await kc.data<Record<string, unknown>>('GET', `/api/v1/orders/${placed.orderId}`);
    expect(byId).toMatchObject({
      id: placed.orderId,
      clientOid,
      symbol: 'XBTUSDTM',
      side: 'buy',
      type: 'limit',
      price: lowBid,
      size: 1,
      status: 'open',
      isActive: true,
      marginMode: 'ISOLATED',
      leverage: '5',
    });
    expect(await kc.data('GET', '/api/v1/orders/byClientOid', { clientOid })).toMatchObject({
      id: placed.orderId,
    });
    // ccxt's path for fetch-by-clientOid (docs/reference/kucoin-futures.md#orders).
    expect(await kc.data('GET', '/api/v1/orders/', { clientOid })).toMatchObject({ id: placed.orderId });
    const page = await kc.data<{
      items: { id: string }[];
      currentPage: number;
      pageSize: number;
      totalNum: number;
      totalPage: number;
    }>('GET', '/api/v1/orders', { status: 'active', symbol: 'XBTUSDTM' });
    expect(page.items.map((o) => o.id)).toContain(placed.orderId);
    expect(page).toMatchObject({ currentPage: 1, pageSize: 50 });
  });

  it('refuses a repeated clientOid (300018) and malformed orders (100001), never with a 500', async () => {
    const clientOid = oid('dup');
    await kc.data('POST', '/api/v1/orders', limitBuy(clientOid));
    expect((await kc.send('POST', '/api/v1/orders', limitBuy(clientOid))).json.code).toBe('300018');
    const bad: Record<string, unknown>[] = [
      { ...limitBuy(oid('b')), side: 'sideways' },
      { ...limitBuy(oid('b')), size: -1 },
      { ...limitBuy(oid('b')), price: 'cheap' },
      { ...limitBuy(oid('b')), postOnly: true, hidden: true },
      { clientOid: oid('b') },
    ];
    for (const body of bad) {
      const res = await kc.send('POST', '/api/v1/orders', body);
      expect(res.json.code, res.text).not.toBe('200000');
      expect(res.status).toBeLessThan(500);
    }
    const notObject = await kc.send('POST', '/api/v1/orders', [1, 2, 3]);
    expect(notObject.json.code).not.toBe('200000');
    expect(notObject.status).toBeLessThan(500);
  });

  it('orders/test validates without creating an order', async () => {
    const clientOid = oid('test');
    expect(await kc.data('POST', '/api/v1/orders/test', limitBuy(clientOid))).toMatchObject({ clientOid });
    expect((await kc.send('GET', '/api/v1/orders/byClientOid', { clientOid })).json.code).not.toBe('200000');
  });

  it('orders/multi places a top-level array and answers per item', async () => {
    const items = [limitBuy(oid('m1')), limitBuy(oid('m2')), { ...limitBuy(oid('m3')), side: 'nope' }];
    const result = await kc.data<{ code: string; clientOid: string | null }[]>(
      'POST',
      '/api/v1/orders/multi',
      items,
    );
    expect(result).toHaveLength(3);
    expect(result.slice(0, 2).map((r) => r.code)).toEqual(['200000', '200000']);
    expect(result[2]!.code).not.toBe('200000');
  });

  it('cancels by id (then 100004), by clientOid, many (DELETE with JSON body) and all (v1 and v3)', async () => {
    const a = await kc.data<Placed>('POST', '/api/v1/orders', limitBuy(oid('c')));
    expect(await kc.data('DELETE', `/api/v1/orders/${a.orderId}`)).toEqual({
      cancelledOrderIds: [a.orderId],
    });
    expect((await kc.send('DELETE', `/api/v1/orders/${a.orderId}`)).json.code).toBe('100004');
    expect(await kc.data('GET', `/api/v1/orders/${a.orderId}`)).toMatchObject({
      status: 'done',
      isActive: false,
      cancelExist: true,
    });
    const b = await kc.data<Placed>('POST', '/api/v1/orders', limitBuy(oid('c')));
    expect(
      await kc.data('DELETE', `/api/v1/orders/client-order/${b.clientOid}`, { symbol: 'XBTUSDTM' }),
    ).toEqual({ clientOid: b.clientOid });
    expect((await kc.send('DELETE', `/api/v1/orders/client-order/${b.clientOid}`)).json.code).toBe('100001');
    const c1 = await kc.data<Placed>('POST', '/api/v1/orders', limitBuy(oid('c')));
    const c2 = await kc.data<Placed>('POST', '/api/v1/orders', limitBuy(oid('c')));
    const many = await kc.data<{ orderId: string; code: string }[]>(
      'DELETE',
      '/api/v1/orders/multi-cancel',
      { orderIdsList: [c1.orderId, c2.orderId] },
      true,
    );
    expect(many.map((r) => r.orderId).sort()).toEqual([c1.orderId, c2.orderId].sort());
    await kc.data('POST', '/api/v1/orders', limitBuy(oid('c')));
    const v3 = await kc.data<{ cancelledOrderIds: string[] }>('DELETE', '/api/v3/orders', {
      symbol: 'XBTUSDTM',
    });
    expect(v3.cancelledOrderIds.length).toBeGreaterThan(0);
    expect((await kc.send('DELETE', '/api/v3/orders')).json.code).toBe('100001');
    await kc.data('POST', '/api/v1/orders', limitBuy(oid('c')));
    const v1 = await kc.data<{ cancelledOrderIds: string[] }>('DELETE', '/api/v1/orders', {
      symbol: 'XBTUSDTM',
    });
    expect(v1.cancelledOrderIds).toHaveLength(1);
    const active = await kc.data<{ items: unknown[] }>('GET', '/api/v1/orders', { status: 'active' });
    expect(active.items).toHaveLength(0);
  });

  it('stop orders: placed with stop/stopPrice/stopPriceType, listed, cancelled all', async () => {
    const ticker = await kc.data<{ price: string }>('GET', '/api/v1/ticker', { symbol: 'XBTUSDTM' });
    const stopPrice = (Math.floor(Number(ticker.price) * 0.8 * 10) / 10).toFixed(1);
    const placed = await kc.data<Placed>('POST', '/api/v1/orders', {
      clientOid: oid('stop'),
      side: 'sell',
      symbol: 'XBTUSDTM',
      leverage: 5,
      type: 'market',
      size: 1,
      stop: 'down',
      stopPrice,
      stopPriceType: 'MP',
      reduceOnly: false,
    });
    const list = await kc.data<{ items: { id: string; stop: string; stopPriceType: string }[] }>(
      'GET',
      '/api/v1/stopOrders',
      { symbol: 'XBTUSDTM' },
    );
    expect(list.items.find((o) => o.id === placed.orderId)).toMatchObject({
      stop: 'down',
      stopPriceType: 'MP',
    });
    const cancelled = await kc.data<{ cancelledOrderIds: string[] }>('DELETE', '/api/v1/stopOrders', {
      symbol: 'XBTUSDTM',
    });
    expect(cancelled.cancelledOrderIds).toContain(placed.orderId);
  });

  it('st-orders: an entry with attached TP/SL', async () => {
    const ticker = await kc.data<{ price: string }>('GET', '/api/v1/ticker', { symbol: 'XBTUSDTM' });
    const p = Number(ticker.price);
    const placed = await kc.data<Placed>('POST', '/api/v1/st-orders', {
      ...limitBuy(oid('st')),
      triggerStopUpPrice: (Math.round(p * 1.2 * 10) / 10).toFixed(1),
      triggerStopDownPrice: (Math.round(p * 0.8 * 10) / 10).toFixed(1),
      stopPriceType: 'TP',
    });
    expect(placed.orderId).toEqual(expect.any(String));
    await kc.data('DELETE', '/api/v3/orders', { symbol: 'XBTUSDTM' });
    await kc.data('DELETE', '/api/v1/stopOrders', { symbol: 'XBTUSDTM' });
  });
});

describe('private REST: fills, positions, margin, account (docs/reference/kucoin-futures.md#account, #positions)', () => {
  let venue: RunningVenue;
  let kc: KcClient;

  beforeAll(async () => {
    // Funding every venue minute, so one settlement is a short advance.
    venue = await startTestVenue({ venue: { fundingIntervalMs: 60_000 } });
    kc = new KcClient(venue.restUrl, venue.credentials);
  });
  afterAll(async () => {
    await venue.stop();
  });

  it('a market buy fills: fills, recentFills, recentDoneOrders, position and positions show it', async () => {
    const placed = await kc.data<Placed>('POST', '/api/v1/orders', {
      clientOid: oid('mkt'),
      side: 'buy',
      symbol: 'XBTUSDTM',
      leverage: 5,
      type: 'market',
      size: 2,
      marginMode: 'ISOLATED',
    });
    const fills = await kc.data<{ items: Record<string, unknown>[] }>('GET', '/api/v1/fills', {
      orderId: placed.orderId,
    });
    expect(fills.items.length).toBeGreaterThan(0);
    expect(fills.items[0]).toMatchObject({
      orderId: placed.orderId,
      symbol: 'XBTUSDTM',
      side: 'buy',
      liquidity: 'taker',
      tradeType: 'trade',
    });
    expect((await kc.data<unknown[]>('GET', '/api/v1/recentFills')).length).toBeGreaterThan(0);
    expect((await kc.data<{ id: string }[]>('GET', '/api/v1/recentDoneOrders')).map((o) => o.id)).toContain(
      placed.orderId,
    );
    expect(await kc.data('GET', '/api/v1/position', { symbol: 'XBTUSDTM' })).toMatchObject({
      symbol: 'XBTUSDTM',
      currentQty: 2,
      isOpen: true,
      marginMode: 'ISOLATED',
    });
    expect((await kc.data<{ symbol: string }[]>('GET', '/api/v1/positions')).map((p) => p.symbol)).toContain(
      'XBTUSDTM',
    );
    const tradeTypes = await kc.send('GET', '/api/v1/fills', {
      symbol: 'XBTUSDTM',
      tradeTypes: 'trade,liquid',
    });
    expect(tradeTypes.json.code).toBe('200000');
  });

  it('account-overview answers KuCoin fields for USDT', async () => {
    expect(await kc.data('GET', '/api/v1/account-overview', { currency: 'USDT' })).toMatchObject({
      currency: 'USDT',
      accountEquity: expect.any(Number) as number,
      availableBalance: expect.any(Number) as number,
      positionMargin: expect.any(Number) as number,
    });
  });

  it('deposit margin on the isolated position answers the position', async () => {
    const before = await kc.data<{ posMargin: number }>('GET', '/api/v1/position', { symbol: 'XBTUSDTM' });
    const after = await kc.data<{ posMargin: number }>('POST', '/api/v1/position/margin/deposit-margin', {
      symbol: 'XBTUSDTM',
      margin: 10,
      bizNo: oid('biz'),
    });
    expect(after.posMargin).toBeGreaterThan(before.posMargin);
  });

  it('isolated margin withdrawal: maxWithdrawMargin and withdrawMargin', async () => {
    const max = await kc.data<string>('GET', '/api/v1/margin/maxWithdrawMargin', { symbol: 'XBTUSDTM' });
    expect(Number(max)).toBeGreaterThan(0);
    expect(
      Number(
        await kc.data<string>('POST', '/api/v1/margin/withdrawMargin', {
          symbol: 'XBTUSDTM',
          withdrawAmount: '1',
        }),
      ),
    ).toBe(1);
  });

  it('funding settles after a funding interval of venue time and shows in funding-history', async () => {
    venue.admin.advanceTime(61_000);
    const history = await kc.data<{ dataList: { symbol: string; positionQty: number }[]; hasMore: boolean }>(
      'GET',
      '/api/v1/funding-history',
      { symbol: 'XBTUSDTM' },
    );
    expect(history.dataList.length).toBeGreaterThan(0);
    expect(history.dataList[0]).toMatchObject({ symbol: 'XBTUSDTM', positionQty: 2 });
  });

  it('openOrderStatistics sums resting orders', async () => {
    const ticker = await kc.data<{ price: string }>('GET', '/api/v1/ticker', { symbol: 'ETHUSDTM' });
    const price = (Math.floor(Number(ticker.price) * 0.9 * 100) / 100).toFixed(2);
    await kc.data('POST', '/api/v1/orders', {
      clientOid: oid('stat'),
      side: 'buy',
      symbol: 'ETHUSDTM',
      leverage: 5,
      type: 'limit',
      price,
      size: 3,
      marginMode: 'CROSS',
    });
    expect(await kc.data('GET', '/api/v1/openOrderStatistics', { symbol: 'ETHUSDTM' })).toMatchObject({
      openOrderBuySize: 3,
      openOrderSellSize: 0,
      settleCurrency: 'USDT',
    });
    await kc.data('DELETE', '/api/v3/orders', { symbol: 'ETHUSDTM' });
  });

  it('margin mode: get, refuse change with a position (50002), change on a flat symbol', async () => {
    expect(await kc.data('GET', '/api/v2/position/getMarginMode', { symbol: 'XBTUSDTM' })).toEqual({
      symbol: 'XBTUSDTM',
      marginMode: 'ISOLATED',
    });
    expect(
      (
        await kc.send('POST', '/api/v2/position/changeMarginMode', {
          symbol: 'XBTUSDTM',
          marginMode: 'CROSS',
        })
      ).json.code,
    ).toBe('50002');
    expect(
      await kc.data('POST', '/api/v2/position/changeMarginMode', { symbol: 'ETHUSDTM', marginMode: 'CROSS' }),
    ).toEqual({ symbol: 'ETHUSDTM', marginMode: 'CROSS' });
  });

  it('batchChangeMarginMode switches flat symbols and lists the refused ones (50002)', async () => {
    const result = await kc.data('POST', '/api/v2/position/batchChangeMarginMode', {
      marginMode: 'CROSS',
      symbols: ['XBTUSDTM', 'SOLUSDTM'],
    });
    expect(result).toEqual({
      marginMode: { XBTUSDTM: 'ISOLATED', SOLUSDTM: 'CROSS' },
      errors: [{ code: '50002', msg: expect.any(String) as string, symbol: 'XBTUSDTM' }],
    });
    expect(
      (await kc.send('POST', '/api/v2/position/batchChangeMarginMode', { marginMode: 'BOTH', symbols: [] }))
        .json.code,
    ).toBe('100001');
  });

  it('cross leverage: get and change', async () => {
    expect(await kc.data('GET', '/api/v2/getCrossUserLeverage', { symbol: 'ETHUSDTM' })).toMatchObject({
      symbol: 'ETHUSDTM',
      leverage: expect.any(String) as string,
    });
    expect(
      await kc.data('POST', '/api/v2/changeCrossUserLeverage', { symbol: 'ETHUSDTM', leverage: '10' }),
    ).toBe(true);
    expect(await kc.data('GET', '/api/v2/getCrossUserLeverage', { symbol: 'ETHUSDTM' })).toMatchObject({
      leverage: '10',
    });
  });

  it('trade-fees answers the contract fee rates as strings', async () => {
    expect(await kc.data('GET', '/api/v1/trade-fees', { symbol: 'XBTUSDTM' })).toEqual({
      symbol: 'XBTUSDTM',
      takerFeeRate: '0.0006',
      makerFeeRate: '0.0002',
    });
  });

  it('transaction-history, trade-statistics, batchGetCrossOrderLimit and risk-limit-level change answer KuCoin shapes', async () => {
    const ledger = await kc.data<{ dataList: { type: string }[]; hasMore: boolean }>(
      'GET',
      '/api/v1/transaction-history',
    );
    expect(ledger.dataList.map((t) => t.type)).toContain('TransferIn');
    expect(await kc.data('GET', '/api/v1/trade-statistics')).toMatchObject({
      turnoverOf24h: expect.any(Number) as number,
    });
    const limits = await kc.data<{ symbol: string; maxOpenSize: number }[]>(
      'GET',
      '/api/v2/batchGetCrossOrderLimit',
      { symbol: 'XBTUSDTM,ETHUSDTM' },
    );
    expect(limits.map((l) => l.symbol)).toEqual(['XBTUSDTM', 'ETHUSDTM']);
    expect(
      await kc.data('POST', '/api/v1/position/risk-limit-level/change', { symbol: 'SOLUSDTM', level: 2 }),
    ).toBe(true);
  });

  it('getMaxOpenSize and risk-limit levels', async () => {
    const ticker = await kc.data<{ price: string }>('GET', '/api/v1/ticker', { symbol: 'XBTUSDTM' });
    const max = await kc.data<{ maxBuyOpenSize: number; maxSellOpenSize: number }>(
      'GET',
      '/api/v2/getMaxOpenSize',
      { symbol: 'XBTUSDTM', price: ticker.price, leverage: 5 },
    );
    expect(max.maxBuyOpenSize).toBeGreaterThan(0);
    const levels = await kc.data<{ level: number }[]>('GET', '/api/v1/contracts/risk-limit/XBTUSDTM');
    expect(levels[0]).toMatchObject({ symbol: 'XBTUSDTM', level: 1 });
  });

  it('closing the position shows up in history-positions', async () => {
    await kc.data('POST', '/api/v1/orders', {
      clientOid: oid('close'),
      symbol: 'XBTUSDTM',
      closeOrder: true,
      type: 'market',
    });
    expect(await kc.data('GET', '/api/v1/position', { symbol: 'XBTUSDTM' })).toMatchObject({ currentQty: 0 });
    const history = await kc.data<{ items: { symbol: string }[] }>('GET', '/api/v1/history-positions', {
      symbol: 'XBTUSDTM',
    });
    expect(history.items.map((h) => h.symbol)).toContain('XBTUSDTM');
  });

  it('private endpoints refuse unsigned calls and missing parameters with KuCoin codes', async () => {
    expect((await kc.publicGet('/api/v1/positions')).json.code).toBe('400001');
    expect((await kc.send('GET', '/api/v1/position')).json.code).toBe('100001');
    expect((await kc.send('GET', '/api/v1/orders/byClientOid')).json.code).toBe('100001');
  });
});

describe('an unmodified third-party style client (docs/reference/kucoin-futures.md#prehash only)', () => {
  let venue: RunningVenue;

  beforeAll(async () => {
    venue = await startTestVenue();
  });
  afterAll(async () => {
    await venue.stop();
  });

  it('syncs time, places, queries and cancels an order with nothing but URL and credentials', async () => {
    const { createHmac } = await import('node:crypto');
    const base = venue.restUrl;
    const { apiKey, apiSecret, passphrase } = venue.credentials;
    const sign = (msg: string) => createHmac('sha256', apiSecret).update(msg).digest('base64');
    const serverTime = ((await (await fetch(`${base}/api/v1/timestamp`)).json()) as { data: number }).data;
    const offset = serverTime - Date.now();
    async function call(
      method: string,
      endpoint: string,
      body = '',
    ): Promise<{ code: string; data: Record<string, unknown> }> {
      const ts = String(Date.now() + offset);
      const res = await fetch(base + endpoint, {
        method,
        headers: {
          'KC-API-KEY': apiKey,
          'KC-API-SIGN': sign(ts + method + endpoint + body),
          'KC-API-TIMESTAMP': ts,
          'KC-API-PASSPHRASE': sign(passphrase),
          'KC-API-KEY-VERSION': '3',
          'Content-Type': 'application/json',
        },
        ...(body === '' ? {} : { body }),
      });
      return (await res.json()) as { code: string; data: Record<string, unknown> };
    }
    const ticker = (
      (await (await fetch(`${base}/api/v1/ticker?symbol=XBTUSDTM`)).json()) as { data: { price: string } }
    ).data;
    const price = (Math.floor(Number(ticker.price) * 0.95 * 10) / 10).toFixed(1);
    const clientOid = `third-party-${Date.now()}`;
    const placed = await call(
      'POST',
      '/api/v1/orders',
      JSON.stringify({
        clientOid,
        side: 'buy',
        symbol: 'XBTUSDTM',
        leverage: 3,
        type: 'limit',
        price,
        size: 1,
      }),
    );
    expect(placed.code).toBe('200000');
    const orderId = String(placed.data.orderId);
    const fetched = await call('GET', `/api/v1/orders/${orderId}`);
    expect(fetched.data).toMatchObject({ id: orderId, clientOid, status: 'open', price });
    const listed = await call('GET', '/api/v1/orders?status=active&symbol=XBTUSDTM');
    expect((listed.data.items as { id: string }[]).map((o) => o.id)).toContain(orderId);
    const cancelled = await call('DELETE', `/api/v1/orders/${orderId}`);
    expect(cancelled).toMatchObject({ code: '200000', data: { cancelledOrderIds: [orderId] } });
    expect((await call('GET', `/api/v1/orders/${orderId}`)).data).toMatchObject({ status: 'done' });
  });
});
