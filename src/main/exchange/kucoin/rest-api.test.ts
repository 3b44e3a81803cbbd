// The reads trading uses take `{ lane }` as their last argument; `protective` makes them protective
// (limiter priority, probes through an open breaker). Checked on the RestCall each one builds.
import { describe, expect, it } from 'vitest';
import { createKucoinRestApi, type KucoinRestApi, type RequestOptions } from './rest-api.ts';
import type { RestCall } from './rest-call.ts';
import type { RestTransport } from './rest-transport.ts';

function recordingApi(): { api: KucoinRestApi; calls: RestCall<unknown>[] } {
  const calls: RestCall<unknown>[] = [];
  const transport: RestTransport = {
    request: <T>(call: RestCall<T>) => {
      calls.push(call);
      return Promise.resolve(undefined as T);
    },
    stop: () => Promise.resolve(),
  };
  return { api: createKucoinRestApi(transport, 1_000), calls };
}

const reads: Record<string, (api: KucoinRestApi, options?: RequestOptions) => Promise<unknown>> = {
  listStopOrders: (api, options) => api.listStopOrders({ symbol: 'XBTUSDTM' }, options),
  listOpenOrders: (api, options) => api.listOpenOrders({}, options),
  listPositions: (api, options) => api.listPositions(undefined, options),
  getPosition: (api, options) => api.getPosition('XBTUSDTM', options),
  listFills: (api, options) => api.listFills({ orderId: '1' }, options),
  getOrder: (api, options) => api.getOrder('1', options),
  getOrderByClientOid: (api, options) => api.getOrderByClientOid('oid-1', options),
  getMarkPrice: (api, options) => api.getMarkPrice('XBTUSDTM', options),
  getAccountOverview: (api, options) => api.getAccountOverview('USDT', options),
  getMarginMode: (api, options) => api.getMarginMode('XBTUSDTM', options),
};

describe('protective reads', () => {
  it.each(Object.keys(reads))(
    '%s: market lane by default, protective when asked, same request otherwise',
    async (name) => {
      const read = reads[name];
      if (read === undefined) throw new Error(name);
      const { api, calls } = recordingApi();
      await read(api);
      await read(api, { lane: 'protective' });
      await read(api, { lane: 'order' });
      const [plain, protective, order] = calls;
      expect(plain).toMatchObject({ lane: 'market', protective: false, kind: 'read' });
      expect(protective).toMatchObject({ lane: 'protective', protective: true, kind: 'read' });
      expect([protective?.path, protective?.query]).toEqual([plain?.path, plain?.query]);
      expect(order).toMatchObject({ lane: 'order', protective: false });
    },
  );

  it('getAccountOverview still defaults to USDT when only options are given', async () => {
    const { api, calls } = recordingApi();
    await api.getAccountOverview(undefined, { lane: 'protective' });
    expect(calls[0]?.query).toEqual({ currency: 'USDT' });
  });

  it('cancels are protective and placements are protective exactly when reduce-only or close', async () => {
    const { api, calls } = recordingApi();
    const order = { symbol: 'XBTUSDTM', side: 'sell', type: 'market', size: 1, leverage: 3 } as const;
    await api.cancelOrder('1');
    await api.placeOrder(order);
    await api.placeOrder({ ...order, reduceOnly: true });
    await api.placeOrder({ ...order, closeOrder: true });
    // An entry in the protective lane jumps the queue but is still an entry for every gate.
    await api.placeOrder({ ...order, lane: 'protective' });
    expect(calls.map((call) => [call.lane, call.protective])).toEqual([
      ['protective', true],
      ['order', false],
      ['protective', true],
      ['protective', true],
      ['protective', false],
    ]);
  });
});
