import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rejectionOf, startRig, type ClientRig } from './harness.ts';
import { TimeSyncError } from '../../../src/shared/errors.ts';

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

  it.each([60_000, -60_000])('recovers a %i ms jump on the next private call: 400002 → resync → re-sign once', async (skew) => {
    const before = rig.venue.admin.requestCount({ path: '/api/v1/timestamp' });
    rig.venue.admin.setClockSkewMs(skew);
    const placed = await rig.client.rest.placeOrder({ symbol: 'XBTUSDTM', side: 'buy', type: 'limit', price: '1000', size: 1, leverage: 3 });
    expect(placed.clientOid).toMatch(/^[0-9a-f]{32}$/);
    expect(rig.venue.admin.requestCount({ path: '/api/v1/timestamp' })).toBeGreaterThan(before);
    expect(Math.abs(rig.client.timeSync.status().offsetMs - skew)).toBeLessThan(1_000);
    await rig.client.rest.cancelOrder(placed.orderId);
  });

  it('a ±3 s skew stays inside KuCoin\'s 5 s window even before a resync', async () => {
    rig.venue.admin.setClockSkewMs(3_000);
    const before = rig.venue.admin.requestCount({ path: '/api/v1/timestamp' });
    await expect(rig.client.rest.getPosition('XBTUSDTM')).resolves.toMatchObject({ symbol: 'XBTUSDTM' });
    expect(rig.venue.admin.requestCount({ path: '/api/v1/timestamp' })).toBe(before);
  });

  it('blocks order placement with TimeSyncError while the clock cannot be read', async () => {
    const fresh = await startRig({ startClient: false, exchange: { rest: { getRetryMaxAttempts: 0 }, timeSync: { samplesPerSync: 2 } } });
    try {
      fresh.venue.admin.addFault({ kind: 'server-error', path: '/api/v1/timestamp' });
      await expect(fresh.client.timeSync.sync()).rejects.toBeInstanceOf(TimeSyncError);
      expect(fresh.client.timeSync.status().state).toBe('unsynced');
      const error = await rejectionOf(fresh.client.rest.placeOrder({ symbol: 'XBTUSDTM', side: 'buy', type: 'limit', price: '1000', size: 1, leverage: 3 }));
      expect(error).toBeInstanceOf(TimeSyncError);
      expect(fresh.venue.admin.requestCount({ path: '/api/v1/orders', method: 'POST' })).toBe(0);
      // Cancels are protective: they are never blocked by clock health.
      await expect(fresh.client.rest.cancelAllOrders('XBTUSDTM')).resolves.toMatchObject({ cancelledOrderIds: [] });
    } finally {
      await fresh.stop();
    }
  });
});
