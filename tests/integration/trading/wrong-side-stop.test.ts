// A reduce-only stop on the adding side of a position (a short's buy stop left under a long, as the
// two-sided crash drill found after a flip) can never protect it: the watchdog cancels it, even
// with a working entry on the symbol, and leaves the position's own stop alone.
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

  it('cancels a buy up reduce-only stop under a long; the long keeps its sell stop', async () => {
    venue = await venueFor(config);
    const v = venue;
    v.admin.setPrice(symbol, '90000');
    engine = await engineFor(config, v, `${tempDir('wrong-side')}/journal.db`);
    const e = engine;
    const userId = v.keys[0]?.userId ?? '';
    await e.service.placeOrder({ symbol, side: 'buy', type: 'market', sizeLots: 2, leverage: 5, stopPrice: '88000' });
    // A working entry on the symbol must not shield the wrong-side stop.
    await e.service.placeOrder({ symbol, side: 'buy', type: 'limit', price: '87000', sizeLots: 1, leverage: 5, stopPrice: '85000' });
    await until('protected', () => e.service.listPositions().find((p) => p.protection.status === 'PROTECTED' && p.protection.stopLots === 2));
    v.exchange.placeOrder(userId, { clientOid: 'left-from-a-short-1', symbol, side: 'buy', type: 'market', size: 14, leverage: 5, reduceOnly: true, stop: 'up', stopPrice: '95000', stopPriceType: 'MP' });
    const live = () => v.exchange.listStopOrders(userId, { symbol }).items.filter((s) => s.reduceOnly);
    expect(live().filter((s) => s.side === 'buy').map((s) => s.size)).toEqual([14]);
    await until('wrong-side stop cancelled', () => live().every((s) => s.side === 'sell'));
    // The long's own stop stays.
    expect(live().filter((s) => s.side === 'sell').map((s) => s.size)).toContain(2);
    expect(e.service.listPositions()[0]).toMatchObject({ sizeLots: 2, protection: { status: 'PROTECTED', stopLots: 2 } });
  });
});
