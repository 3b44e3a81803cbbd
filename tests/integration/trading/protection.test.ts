// Protection against the paper venue: partial fills keep the exchange stop equal to the position;
// an order whose response is dropped after the venue accepted it yields exactly one order.
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningVenue } from '../../../src/main/venue/index.ts';
import { configOf, engineFor, fastTrading, tempDir, until, venueFor, type Engine } from './harness.ts';

const symbol = 'XBTUSDTM';

async function liveStopSizes(engine: Engine): Promise<number[]> {
  const live = await engine.client.rest.listStopOrders({ symbol });
  return live.items.filter((s) => s.reduceOnly === true).map((s) => s.size);
}

describe('protection against the paper venue', () => {
  let venue: RunningVenue | undefined;
  let engine: Engine | undefined;

  afterEach(async () => {
    await engine?.stop();
    await venue?.stop();
  });

  it('partial fills: the stop always ends equal to the position (10 → 12 lots)', async () => {
    const config = configOf({
      ...fastTrading,
      venue: { bookLevelSizeLots: 5, bookLevelStepTicks: 5, bookSpreadTicks: 1, priceStepMs: 60_000 },
    });
    venue = await venueFor(config);
    venue.admin.setPrice(symbol, '90000');
    engine = await engineFor(config, venue, `${tempDir('partial')}/journal.db`);
    const e = engine;
    // Asks: 90000.1, 90000.6, 90001.1 … 5 lots each; a 12-lot bid at 90000.6 takes 10 and rests 2.
    const placed = await e.service.placeOrder({
      symbol,
      side: 'buy',
      type: 'limit',
      price: '90000.6',
      sizeLots: 12,
      leverage: 10,
      stopPrice: '89000',
    });
    await until(
      'partially filled',
      () => e.journal.getOrder(placed.order.clientOid)?.status === 'PARTIALLY_FILLED',
    );
    await until(
      'stop = 10 lots',
      async () => (await liveStopSizes(e)).join() === '10' && e.service.listPositions()[0]?.sizeLots === 10,
    );

    venue.admin.setPrice(symbol, '89990');
    await until('filled', () => e.journal.getOrder(placed.order.clientOid)?.status === 'FILLED');
    await until(
      'stop = 12 lots',
      async () => (await liveStopSizes(e)).join() === '12' && e.service.listPositions()[0]?.sizeLots === 12,
    );

    const badges = e.events.filter((ev) => ev.name === 'trading:protection-changed').map((ev) => ev.payload);
    for (const badge of badges)
      if (badge.status === 'PROTECTED') expect(badge.stopLots).toBe(badge.positionLots);
    expect(badges.at(-1)).toMatchObject({ status: 'PROTECTED', stopLots: 12, positionLots: 12 });
  });

  it('accept-then-drop: the venue places the order, the answer is lost, the engine finds it — exactly one order', async () => {
    const config = configOf(fastTrading);
    venue = await venueFor(config);
    venue.admin.setPrice(symbol, '90000');
    engine = await engineFor(config, venue, `${tempDir('drop')}/journal.db`);
    const e = engine;
    venue.admin.addFault({ kind: 'drop-response', method: 'POST', path: '/api/v1/st-orders', count: 1 });
    // KuCoin's refusal of a repeated clientOid (300018) is not relied on: the venue would accept a resend.
    venue.admin.addFault({ kind: 'accept-duplicate-client-oid' });
    venue.admin.resetRequestLog();
    const placed = await e.service.placeOrder({
      symbol,
      side: 'buy',
      type: 'market',
      sizeLots: 3,
      leverage: 5,
      stopPrice: '88000',
    });
    expect(['UNKNOWN', 'RECONCILING']).toContain(placed.order.status);
    const resolved = await until('resolved by clientOid', () => {
      const order = e.journal.getOrder(placed.order.clientOid);
      return order !== undefined && ['ACKED', 'FILLED'].includes(order.status) ? order : undefined;
    });
    expect(resolved.exchangeOrderId).toBeDefined();
    await until('protected', () =>
      e.service.listPositions().find((p) => p.protection.status === 'PROTECTED'),
    );
    expect(e.service.listPositions().map((p) => p.sizeLots)).toEqual([3]);
    expect(venue.admin.requestCount({ method: 'POST', path: '/api/v1/st-orders' })).toBe(1);
    expect(
      venue.admin.orderTimeline({ symbol }).filter((o) => o.clientOid === placed.order.clientOid),
    ).toHaveLength(1);
    expect(venue.admin.requestCount({ method: 'POST', path: '/api/v1/orders' })).toBe(0);
    const states = e.journal
      .queryEvents({ kind: 'order', clientOid: placed.order.clientOid, limit: 50 })
      .reverse()
      .map((ev) => ev.data.status);
    expect(states.slice(0, 4)).toEqual(['NEW', 'SUBMITTED', 'UNKNOWN', 'RECONCILING']);
  });
});
