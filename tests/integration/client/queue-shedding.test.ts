// A limiter queue full of market-data reads must never refuse a trader's order: the newest read is shed
// to make room (ADR 0234). Measured from outside: what the venue received and how each call ended.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RateLimitError } from '../../../src/shared/errors.ts';
import { startRig, waitFor, type ClientRig } from './harness.ts';

let rig: ClientRig;

beforeAll(async () => {
  // Default queue (500, 50 of them protective-only) and wire slots (8, 2 protective-only); no read retries
  // so every read's own outcome is what is counted.
  // The client is not started (no streams, no periodic jobs), so these reads are all there is on the wire.
  rig = await startRig({ startClient: false, exchange: { rest: { getRetryMaxAttempts: 0 } } });
  await rig.client.timeSync.sync();
});
afterAll(async () => {
  await rig.stop();
});

const outcomeOf = (error: unknown): string =>
  error instanceof RateLimitError ? error.code : error instanceof Error ? error.name : 'unknown';

describe('a queue full of reads', () => {
  it('an order is queued and placed, a cancel gets through, and it is reads that are shed', async () => {
    const { rest, limiter } = rig.client;
    const { admin } = rig.venue;
    const queued = () => limiter.usage().reduce((sum, usage) => sum + usage.queued, 0);
    admin.setLatency(300, 0, { path: '/api/v1/ticker', method: 'GET' });
    const tickers = () => admin.requestCount({ path: '/api/v1/ticker' });
    const tickersBefore = tickers();

    // 6 reads on the wire (2 slots stay protective), 450 queued (50 places stay protective), 50 refused.
    const reads = Array.from({ length: 506 }, () =>
      rest.getTicker('XBTUSDTM').then(() => 'answered', outcomeOf),
    );
    await waitFor(() => tickers() >= tickersBefore + 6, 'six reads hanging at the venue');
    expect(queued()).toBe(450);

    const posts = admin.requestCount({ path: '/api/v1/orders', method: 'POST' });
    const placing = rest.placeOrder({
      symbol: 'XBTUSDTM',
      side: 'buy',
      type: 'limit',
      price: '1000',
      size: 1,
      leverage: 3,
      clientOid: 'bulwark-shed-1',
    });
    expect(queued()).toBe(450);
    const placed = await placing;
    expect(placed.clientOid).toBe('bulwark-shed-1');
    expect(admin.requestCount({ path: '/api/v1/orders', method: 'POST' })).toBe(posts + 1);

    await expect(rest.cancelOrder(placed.orderId)).resolves.toMatchObject({
      cancelledOrderIds: [placed.orderId],
    });
    expect(admin.requestCount({ path: `/api/v1/orders/${placed.orderId}`, method: 'DELETE' })).toBe(1);
    // The reads are still piled up behind the slow venue while the order and the cancel went out.
    expect(queued()).toBeGreaterThan(400);

    admin.clearFaults();
    const outcomes = await Promise.all(reads);
    const tally = outcomes.reduce<Record<string, number>>(
      (counts, outcome) => ({ ...counts, [outcome]: (counts[outcome] ?? 0) + 1 }),
      {},
    );
    expect(tally).toEqual({ answered: 455, 'queue-full': 50, 'queue-shed': 1 });
    expect(tickers()).toBe(tickersBefore + 455);
  });
});
