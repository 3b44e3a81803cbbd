import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rejectionOf, startRig, type ClientRig } from './harness.ts';
import { OrderRejectedError, TimeSyncError } from '../../../src/shared/errors.ts';

let rig: ClientRig;

beforeAll(async () => {
  rig = await startRig();
});
afterAll(async () => {
  await rig.stop();
});
beforeEach(async () => {
  rig.venue.admin.setClockSkewMs(0);
  await rig.client.timeSync.sync();
});

describe('server-time sync against a skewed venue clock', () => {
  it.each([3_000, -3_000, 60_000, -60_000])('measures a %i ms skew within the uncertainty', async (skew) => {
    rig.venue.admin.setClockSkewMs(skew);
    const status = await rig.client.timeSync.sync();
    expect(Math.abs(status.offsetMs - skew)).toBeLessThanOrEqual(status.uncertaintyMs + 5);
    expect(status.state).toBe('healthy');
    await expect(rig.client.rest.getAccountOverview()).resolves.toMatchObject({ currency: 'USDT' });
  });

  it.each([60_000, -60_000])(
    'recovers a %i ms jump on the next private call: 400002 → resync → re-sign once',
    async (skew) => {
      const before = rig.venue.admin.requestCount({ path: '/api/v1/timestamp' });
      rig.venue.admin.setClockSkewMs(skew);
      const placed = await rig.client.rest.placeOrder({
        symbol: 'XBTUSDTM',
        side: 'buy',
        type: 'limit',
        price: '1000',
        size: 1,
        leverage: 3,
      });
      expect(placed.clientOid).toMatch(/^[0-9a-f]{32}$/);
      expect(rig.venue.admin.requestCount({ path: '/api/v1/timestamp' })).toBeGreaterThan(before);
      expect(Math.abs(rig.client.timeSync.status().offsetMs - skew)).toBeLessThan(1_000);
      await rig.client.rest.cancelOrder(placed.orderId);
    },
  );

  it("a ±3 s skew stays inside KuCoin's 5 s window even before a resync", async () => {
    rig.venue.admin.setClockSkewMs(3_000);
    const before = rig.venue.admin.requestCount({ path: '/api/v1/timestamp' });
    await expect(rig.client.rest.getPosition('XBTUSDTM')).resolves.toMatchObject({ symbol: 'XBTUSDTM' });
    expect(rig.venue.admin.requestCount({ path: '/api/v1/timestamp' })).toBe(before);
  });

  it('blocks order placement with TimeSyncError while the clock cannot be read', async () => {
    const fresh = await startRig({
      startClient: false,
      exchange: { rest: { getRetryMaxAttempts: 0 }, timeSync: { samplesPerSync: 2 } },
    });
    try {
      fresh.venue.admin.addFault({ kind: 'server-error', path: '/api/v1/timestamp' });
      await expect(fresh.client.timeSync.sync()).rejects.toBeInstanceOf(TimeSyncError);
      expect(fresh.client.timeSync.status().state).toBe('unsynced');
      const error = await rejectionOf(
        fresh.client.rest.placeOrder({
          symbol: 'XBTUSDTM',
          side: 'buy',
          type: 'limit',
          price: '1000',
          size: 1,
          leverage: 3,
        }),
      );
      expect(error).toBeInstanceOf(TimeSyncError);
      expect(fresh.venue.admin.requestCount({ path: '/api/v1/orders', method: 'POST' })).toBe(0);
      // Cancels are protective: they are never blocked by clock health.
      await expect(fresh.client.rest.cancelAllOrders('XBTUSDTM')).resolves.toMatchObject({
        cancelledOrderIds: [],
      });
      // So is a reduce-only close: it reaches the venue, which refuses it for want of a position (300009).
      const close = await rejectionOf(
        fresh.client.rest.placeOrder({
          symbol: 'XBTUSDTM',
          side: 'sell',
          type: 'market',
          size: 1,
          leverage: 3,
          reduceOnly: true,
        }),
      );
      expect(close).toBeInstanceOf(OrderRejectedError);
      expect((close as OrderRejectedError).details.kucoinCode).toBe('300009');
      expect(fresh.venue.admin.requestCount({ path: '/api/v1/orders', method: 'POST' })).toBe(1);
    } finally {
      await fresh.stop();
    }
  });
});

describe('an untrusted clock never refuses the orders that protect a position', () => {
  it('entries are refused before anything is sent; a reduce-only stop, a reduce-only close and a close order are placed, signed with the best offset known', async () => {
    // 200 ms of uncertainty is the most order entry tolerates here; a 600 ms answer from /timestamp exceeds it.
    const fresh = await startRig({
      startClient: false,
      exchange: {
        rest: { getRetryMaxAttempts: 0 },
        timeSync: { samplesPerSync: 2, maxUncertaintyShareOfWindow: 0.04 },
      },
    });
    try {
      await fresh.client.timeSync.sync();
      const symbol = 'XBTUSDTM';
      await fresh.client.rest.placeOrder({ symbol, side: 'buy', type: 'market', size: 3, leverage: 3 });
      const mark = Number((await fresh.client.rest.getMarkPrice(symbol)).value);

      // The venue's clock jumps 7 s ahead and its /timestamp answers slowly: offset known, but not well enough for entries.
      fresh.venue.admin.setClockSkewMs(7_000);
      fresh.venue.admin.setLatency(600, 0, { path: '/api/v1/timestamp' });
      const status = await fresh.client.timeSync.sync();
      expect(status.state).toBe('uncertain');
      expect(Math.abs(status.offsetMs - 7_000)).toBeLessThanOrEqual(status.uncertaintyMs + 50);
      const posts = () => fresh.venue.admin.requestCount({ path: '/api/v1/orders', method: 'POST' });
      const syncs = () => fresh.venue.admin.requestCount({ path: '/api/v1/timestamp' });
      const postsBefore = posts();
      const syncsBefore = syncs();

      const entry = await rejectionOf(
        fresh.client.rest.placeOrder({
          symbol,
          side: 'buy',
          type: 'limit',
          price: '1000',
          size: 1,
          leverage: 3,
        }),
      );
      expect(entry).toBeInstanceOf(TimeSyncError);
      expect((entry as TimeSyncError).code).toBe('clock-uncertain');
      expect(posts()).toBe(postsBefore);

      const stop = await fresh.client.rest.placeOrder({
        symbol,
        side: 'sell',
        type: 'market',
        size: 3,
        leverage: 3,
        reduceOnly: true,
        stop: 'down',
        stopPriceType: 'MP',
        stopPrice: (mark * 0.8).toFixed(1),
      });
      const close = await fresh.client.rest.placeOrder({
        symbol,
        side: 'sell',
        type: 'market',
        size: 1,
        leverage: 3,
        reduceOnly: true,
      });
      expect(posts()).toBe(postsBefore + 2);
      // Signed with the 7 s offset at the first try: no 400002, so no resync was needed.
      expect(syncs()).toBe(syncsBefore);
      expect((await fresh.client.rest.listStopOrders({ symbol })).items.map((order) => order.id)).toContain(
        stop.orderId,
      );
      expect((await fresh.client.rest.getOrder(close.orderId)).isActive).toBe(false);
      expect((await fresh.client.rest.getPosition(symbol)).currentQty).toBe(2);

      await fresh.client.rest.placeOrder({
        symbol,
        side: 'sell',
        type: 'market',
        size: 2,
        leverage: 3,
        closeOrder: true,
      });
      expect((await fresh.client.rest.getPosition(symbol)).currentQty).toBe(0);
      expect(posts()).toBe(postsBefore + 3);
    } finally {
      await fresh.stop();
    }
  });
});
