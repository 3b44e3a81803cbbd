// While the breaker is open, the requests that protect a position are not failed fast: each goes out as
// a probe (ADR 0232). Entries and ordinary reads still fail fast. Measured at the venue's counters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BreakerStateChange } from '../../../src/main/resilience/circuit-breaker.ts';
import { CircuitOpenError, NetworkError, OrderUnknownError } from '../../../src/shared/errors.ts';
import { rejectionOf, startRig, type ClientRig } from './harness.ts';

let rig: ClientRig;
const changes: BreakerStateChange[] = [];

beforeAll(async () => {
  // A cool-down far longer than the test: only a protective probe can close the breaker here.
  rig = await startRig({
    exchange: {
      breaker: { breakerFailureThreshold: 3, breakerCooldownMs: 600_000 },
      rest: { getRetryMaxAttempts: 0 },
    },
  });
  rig.client.breaker.onStateChange((change) => changes.push(change));
});
afterAll(async () => {
  await rig.stop();
});

const symbol = 'XBTUSDTM';

describe('protective requests through an open breaker', () => {
  it('a cancel and a reduce-only stop reach the venue as probes; entries and reads fail fast; the first protective success closes it', async () => {
    const { rest } = rig.client;
    const { admin } = rig.venue;
    await rest.placeOrder({ symbol, side: 'buy', type: 'market', size: 2, leverage: 3 });
    const resting = await rest.placeOrder({
      symbol,
      side: 'buy',
      type: 'limit',
      price: '1000',
      size: 1,
      leverage: 3,
    });
    const mark = Number((await rest.getMarkPrice(symbol)).value);

    admin.addFault({ kind: 'server-error', path: '/api/v1/**', httpStatus: 503 });
    for (let i = 0; i < 3; i += 1)
      expect(await rejectionOf(rest.getTicker(symbol))).toBeInstanceOf(NetworkError);
    expect(rig.client.breaker.state()).toBe('open');
    changes.length = 0;

    const posts = () => admin.requestCount({ path: '/api/v1/orders', method: 'POST' });
    const cancels = () => admin.requestCount({ path: `/api/v1/orders/${resting.orderId}`, method: 'DELETE' });
    const positionReads = () => admin.requestCount({ path: '/api/v1/position' });
    const [postsBefore, cancelsBefore, readsBefore] = [posts(), cancels(), positionReads()];

    expect(
      await rejectionOf(
        rest.placeOrder({ symbol, side: 'buy', type: 'limit', price: '1000', size: 1, leverage: 3 }),
      ),
    ).toBeInstanceOf(CircuitOpenError);
    expect(await rejectionOf(rest.getPosition(symbol))).toBeInstanceOf(CircuitOpenError);
    expect(posts()).toBe(postsBefore);
    expect(positionReads()).toBe(readsBefore);

    // The exchange still fails: both reach it, both fail, the breaker stays open.
    expect(await rejectionOf(rest.cancelOrder(resting.orderId))).toBeInstanceOf(NetworkError);
    expect(cancels()).toBe(cancelsBefore + 1);
    const stop = {
      symbol,
      side: 'sell',
      type: 'market',
      size: 2,
      leverage: 3,
      reduceOnly: true,
      stop: 'down',
      stopPriceType: 'MP',
      stopPrice: (mark * 0.8).toFixed(1),
    } as const;
    expect(await rejectionOf(rest.placeOrder(stop))).toBeInstanceOf(OrderUnknownError);
    expect(posts()).toBe(postsBefore + 1);
    expect(rig.client.breaker.state()).toBe('open');
    expect(changes).toEqual([]);

    admin.clearFaults();
    const placedStop = await rest.placeOrder(stop);
    expect(posts()).toBe(postsBefore + 2);
    expect(rig.client.breaker.state()).toBe('closed');
    expect(changes.map((change) => `${change.from}→${change.to}`)).toEqual(['open→closed']);
    expect(rig.client.health().breaker).toBe('closed');

    // Closed again: everything flows.
    await expect(rest.cancelOrder(resting.orderId)).resolves.toMatchObject({
      cancelledOrderIds: [resting.orderId],
    });
    await expect(rest.cancelOrder(placedStop.orderId)).resolves.toMatchObject({
      cancelledOrderIds: [placedStop.orderId],
    });
    await expect(rest.getPosition(symbol)).resolves.toMatchObject({ currentQty: 2 });
  });

  it('a read the caller marks protective passes the open breaker as a probe; the same read unmarked fails fast', async () => {
    const { rest } = rig.client;
    const { admin } = rig.venue;
    admin.addFault({ kind: 'server-error', path: '/api/v1/**', httpStatus: 503 });
    for (let i = 0; i < 3; i += 1) await rejectionOf(rest.getTicker(symbol));
    expect(rig.client.breaker.state()).toBe('open');
    admin.clearFaults();
    changes.length = 0;
    const stopReads = () => admin.requestCount({ path: '/api/v1/stopOrders', method: 'GET' });
    const before = stopReads();
    expect(await rejectionOf(rest.listStopOrders({ symbol }))).toBeInstanceOf(CircuitOpenError);
    expect(stopReads()).toBe(before);
    await expect(rest.listStopOrders({ symbol }, { lane: 'protective' })).resolves.toMatchObject({
      items: [],
    });
    expect(stopReads()).toBe(before + 1);
    expect(changes.map((change) => `${change.from}→${change.to}`)).toEqual(['open→closed']);
  });
});
