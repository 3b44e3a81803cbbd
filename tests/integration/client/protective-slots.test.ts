// Hanging requests hold their slot on the wire until their timeout (ADR 0223): with every ordinary slot
// held by reads the venue never answers, a cancel still gets one of the protective slots at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TimeoutError } from '../../../src/shared/errors.ts';
import { startRig, waitFor, type ClientRig } from './harness.ts';

let rig: ClientRig;

beforeAll(async () => {
  rig = await startRig({
    exchange: {
      rateLimit: { maxConcurrentRequests: 4, protectiveConcurrentSlots: 1 },
      rest: { httpPoolConnections: 4, getRetryMaxAttempts: 0, requestTimeoutMs: 1_500 },
    },
  });
});
afterAll(async () => {
  await rig.stop();
});

const order = {
  symbol: 'XBTUSDTM',
  side: 'buy',
  type: 'limit',
  price: '1000',
  size: 1,
  leverage: 3,
} as const;

describe('protective slots on the wire', () => {
  it('a cancel goes out while hanging reads hold every other slot; the extra read waits', async () => {
    const placed = await rig.client.rest.placeOrder({ ...order, clientOid: 'bulwark-slots-1' });
    rig.venue.admin.addFault({ kind: 'timeout', path: '/api/v1/position' });
    const before = rig.venue.admin.requestCount({ path: '/api/v1/position' });
    const hanging = Array.from({ length: 4 }, () => rig.client.rest.getPosition('XBTUSDTM'));
    // Three ordinary slots: three reads reach the venue and hang, the fourth waits in our queue.
    await waitFor(
      () => rig.venue.admin.requestCount({ path: '/api/v1/position' }) === before + 3,
      'three reads to hang at the venue',
    );
    expect(rig.client.limiter.usage().find((usage) => usage.pool === 'Futures')?.queued).toBe(1);

    await expect(rig.client.rest.cancelOrder(placed.orderId)).resolves.toMatchObject({
      cancelledOrderIds: [placed.orderId],
    });
    expect(rig.venue.admin.requestCount({ path: '/api/v1/position' })).toBe(before + 3);
    // A read the caller marks protective takes a protective slot too, past the waiting ordinary read.
    await expect(
      rig.client.rest.listOpenOrders({ symbol: 'XBTUSDTM' }, { lane: 'protective' }),
    ).resolves.toMatchObject({ items: [] });
    expect(rig.client.limiter.usage().find((usage) => usage.pool === 'Futures')?.queued).toBe(1);

    rig.venue.admin.clearFaults();
    const outcomes = await Promise.allSettled(hanging);
    // The three held reads time out; the queued one went out after and was answered.
    expect(
      outcomes.map((outcome) =>
        outcome.status === 'rejected' && outcome.reason instanceof TimeoutError ? 'timeout' : outcome.status,
      ),
    ).toEqual(['timeout', 'timeout', 'timeout', 'fulfilled']);
  });
});
