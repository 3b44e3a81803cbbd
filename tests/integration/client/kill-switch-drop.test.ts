// The kill switch drops every entry still waiting for the limiter; nothing of them reaches the venue,
// while the protective orders queued beside them go out (ADR 0234). Entries queue behind the
// concurrency limit because the venue answers order POSTs slowly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RateLimitError } from '../../../src/shared/errors.ts';
import { startRig, waitFor, type ClientRig } from './harness.ts';

let rig: ClientRig;

beforeAll(async () => {
  rig = await startRig({ startClient: false, exchange: { rest: { getRetryMaxAttempts: 0 } } });
  await rig.client.timeSync.sync();
});
afterAll(async () => {
  await rig.stop();
});

const symbol = 'XBTUSDTM';
const settle = (promise: Promise<unknown>) =>
  promise.then(
    () => 'placed',
    (error: unknown) => error,
  );

describe('dropQueuedEntries', () => {
  it('rejects the queued entries at once and unsent; the slow ones already on the wire and the queued reduce-only order are placed', async () => {
    const { rest, limiter } = rig.client;
    const { admin } = rig.venue;
    await rest.placeOrder({ symbol, side: 'buy', type: 'market', size: 3, leverage: 3 });
    const mark = Number((await rest.getMarkPrice(symbol)).value);
    const posts = () => admin.requestCount({ path: '/api/v1/orders', method: 'POST' });
    const postsBefore = posts();
    const queued = () => limiter.usage().reduce((sum, usage) => sum + usage.queued, 0);
    admin.setLatency(400, 0, { path: '/api/v1/orders', method: 'POST' });

    const entry = (i: number) =>
      settle(
        rest.placeOrder({
          symbol,
          side: 'buy',
          type: 'limit',
          price: '1000',
          size: 1,
          leverage: 3,
          clientOid: `bulwark-kill-${i}`,
        }),
      );
    const reduceOnly = (i: number) =>
      settle(
        rest.placeOrder({
          symbol,
          side: 'sell',
          type: 'limit',
          price: (mark * 1.5).toFixed(1),
          size: 1,
          leverage: 3,
          reduceOnly: true,
          clientOid: `bulwark-keep-${i}`,
        }),
      );
    // 6 ordinary slots and 2 protective ones on the wire; then 3 entries and 1 reduce-only order wait.
    const onTheWire = [...Array.from({ length: 6 }, (_, i) => entry(i)), reduceOnly(0), reduceOnly(1)];
    await waitFor(() => posts() === postsBefore + 8, 'eight orders hanging at the venue');
    const waitingEntries = [entry(6), entry(7), entry(8)];
    const waitingClose = reduceOnly(2);
    expect(queued()).toBe(4);

    expect(rig.client.dropQueuedEntries('the kill switch was engaged')).toBe(3);
    expect(queued()).toBe(1);
    for (const outcome of await Promise.all(waitingEntries)) {
      expect(outcome).toBeInstanceOf(RateLimitError);
      expect(outcome).toMatchObject({ code: 'dropped-by-kill-switch', details: { sent: false } });
      expect((outcome as RateLimitError).message).toContain('the kill switch was engaged');
    }

    expect(await Promise.all(onTheWire)).toEqual(Array.from({ length: 8 }, () => 'placed'));
    expect(await waitingClose).toBe('placed');
    expect(posts()).toBe(postsBefore + 9);
    admin.clearFaults();
    // The venue holds exactly the orders that were sent: none of the dropped three.
    const open = await rest.listOpenOrders({ symbol });
    expect(open.items.map((order) => order.clientOid).sort()).toEqual(
      [
        'bulwark-keep-0',
        'bulwark-keep-1',
        'bulwark-keep-2',
        ...Array.from({ length: 6 }, (_, i) => `bulwark-kill-${i}`),
      ].sort(),
    );
    await rest.cancelAllOrders(symbol);
  });
});
