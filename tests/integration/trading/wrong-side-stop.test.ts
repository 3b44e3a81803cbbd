// A reduce-only stop of ours on the adding side of a position (a short's buy stop left under a
// long, as the two-sided crash drill found after a flip) can never protect it: the watchdog cancels
// it, even with a working entry on the symbol, and leaves the position's own stop alone. A stop the
// trader placed outside Bulwark is never cancelled, whatever side it is on.
import { afterAll, describe, expect, it } from 'vitest';
import type { RunningVenue } from '../../../src/main/venue/index.ts';
import { configOf, engineFor, fastTrading, tempDir, until, venueFor, type Engine } from './harness.ts';

const symbol = 'XBTUSDTM';
const config = configOf(fastTrading);

describe('wrong-side stops under an open position', () => {
  let venue: RunningVenue | undefined;
  let engine: Engine | undefined;

  afterAll(async () => {
    await engine?.stop();
    await venue?.stop();
  });

  it('cancels our buy up reduce-only stop under a long, never a foreign one; the long keeps its sell stop', async () => {
    venue = await venueFor(config);
    const v = venue;
    v.admin.setPrice(symbol, '90000');
    engine = await engineFor(config, v, `${tempDir('wrong-side')}/journal.db`);
    const e = engine;
    const userId = v.keys[0]?.userId ?? '';
    await e.service.placeOrder({
      symbol,
      side: 'buy',
      type: 'market',
      sizeLots: 2,
      leverage: 5,
      stopPrice: '88000',
    });
    // A working entry on the symbol must not shield the wrong-side stop.
    await e.service.placeOrder({
      symbol,
      side: 'buy',
      type: 'limit',
      price: '87000',
      sizeLots: 1,
      leverage: 5,
      stopPrice: '85000',
    });
    await until('protected', () =>
      e.service
        .listPositions()
        .find((p) => p.protection.status === 'PROTECTED' && p.protection.stopLots === 2),
    );
    // One left from an earlier short of ours (our clientOid scheme), one the trader placed on the website.
    v.exchange.placeOrder(userId, {
      clientOid: 'bwsmx0leftfromashort0001',
      symbol,
      side: 'buy',
      type: 'market',
      size: 14,
      leverage: 5,
      reduceOnly: true,
      stop: 'up',
      stopPrice: '95000',
      stopPriceType: 'MP',
    });
    v.exchange.placeOrder(userId, {
      clientOid: 'placed-on-the-website-1',
      symbol,
      side: 'buy',
      type: 'market',
      size: 3,
      leverage: 5,
      reduceOnly: true,
      stop: 'up',
      stopPrice: '96000',
      stopPriceType: 'MP',
    });
    const live = () => v.exchange.listStopOrders(userId, { symbol }).items.filter((s) => s.reduceOnly);
    expect(
      live()
        .filter((s) => s.side === 'buy')
        .map((s) => s.size)
        .sort(),
    ).toEqual([14, 3]);
    await until(
      'our wrong-side stop cancelled',
      () => !live().some((s) => s.clientOid === 'bwsmx0leftfromashort0001'),
    );
    // Three more passes (each reads the stop orders) later the foreign one is still there, and the long's own stop stays.
    const reads = v.admin.requestCount({ method: 'GET', path: '/api/v1/stopOrders' });
    await until(
      'three more passes',
      () => v.admin.requestCount({ method: 'GET', path: '/api/v1/stopOrders' }) >= reads + 3,
    );
    expect(
      live()
        .filter((s) => s.side === 'buy')
        .map((s) => s.clientOid),
    ).toEqual(['placed-on-the-website-1']);
    expect(
      live()
        .filter((s) => s.side === 'sell')
        .map((s) => s.size),
    ).toContain(2);
    expect(e.service.listPositions()[0]).toMatchObject({
      sizeLots: 2,
      protection: { status: 'PROTECTED', stopLots: 2 },
    });
  });
});
