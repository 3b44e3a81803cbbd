import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningVenue } from '../../../src/main/venue/index.ts';
import { createManualVenueClock } from '../../../src/main/venue/core/index.ts';
import { KcClient } from './kucoin-test-client.ts';
import { startTestVenue } from './venue-fixture.ts';

interface BatchResult {
  orderId: string | null;
  code: string;
}

interface Page {
  totalNum: number;
  items: { id?: string; status?: string }[];
}

const HOUR_MS = 3_600_000;

describe('done orders and fills are kept for a bounded retention (ADR 0130) over loopback', () => {
  let venue: RunningVenue;
  let kc: KcClient;
  const placed: string[] = [];

  beforeAll(async () => {
    venue = await startTestVenue({
      venueClock: createManualVenueClock(Date.UTC(2026, 0, 5)),
      // A small cap and a one-hour window so the test reaches both bounds quickly; a roomy pool
      // so 300 orders are not refused for weight.
      venue: {
        doneOrdersPerAccountMax: 50,
        orderHistoryRetentionMs: HOUR_MS,
        priceStepMs: 60_000,
        historyWarmupMs: 0,
        futuresPoolWeightPer30s: 1_000_000,
      },
    });
    kc = new KcClient(venue.restUrl, venue.credentials);
    for (let batch = 0; batch < 15; batch += 1) {
      const items = Array.from({ length: 20 }, (_, i) => ({
        clientOid: `ret-${batch}-${i}`,
        side: i % 2 === 0 ? 'buy' : 'sell',
        symbol: 'XBTUSDTM',
        leverage: 5,
        type: 'market',
        size: 1,
      }));
      const results = await kc.data<BatchResult[]>('POST', '/api/v1/orders/multi', items);
      for (const r of results) {
        expect(r.code).toBe('200000');
        placed.push(r.orderId ?? '');
      }
    }
  });
  afterAll(async () => {
    await venue.stop();
  });

  it('answers only the newest 50 of 300 done orders; the oldest are gone (404000)', async () => {
    const done = await kc.data<Page>('GET', '/api/v1/orders', { status: 'done', pageSize: 1000 });
    expect(done.totalNum).toBe(50);
    expect(done.items.map((o) => o.id)).toEqual(placed.slice(-50).reverse());
    const oldest = await kc.send('GET', `/api/v1/orders/${placed[0]}`);
    expect(oldest.json.code).toBe('404000');
    const newest = await kc.data<{ status: string }>('GET', `/api/v1/orders/${placed.at(-1)}`);
    expect(newest.status).toBe('done');
    expect(await kc.data<unknown[]>('GET', '/api/v1/recentDoneOrders')).toHaveLength(50);
  });

  it('forgets done orders and fills older than the retention once venue time passes it; open orders stay', async () => {
    const resting = await kc.data<{ orderId: string }>('POST', '/api/v1/orders', {
      clientOid: 'ret-resting',
      side: 'buy',
      symbol: 'XBTUSDTM',
      leverage: 5,
      type: 'limit',
      price: '1000',
      size: 1,
    });
    expect((await kc.data<Page>('GET', '/api/v1/fills')).totalNum).toBeGreaterThan(0);
    venue.admin.advanceTime(HOUR_MS + 60_000);
    expect((await kc.data<Page>('GET', '/api/v1/orders', { status: 'done' })).totalNum).toBe(0);
    expect((await kc.data<Page>('GET', '/api/v1/fills')).totalNum).toBe(0);
    expect(await kc.data<unknown[]>('GET', '/api/v1/recentDoneOrders')).toHaveLength(0);
    const active = await kc.data<Page>('GET', '/api/v1/orders', { status: 'active' });
    expect(active.items.map((o) => o.id)).toEqual([resting.orderId]);
    expect(await kc.data('DELETE', `/api/v1/orders/${resting.orderId}`)).toEqual({
      cancelledOrderIds: [resting.orderId],
    });
  });
});
