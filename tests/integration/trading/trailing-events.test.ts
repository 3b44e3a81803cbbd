// `trading:trailing-updated` and `trading:get-trailing` against the paper venue (ADR 0510): an
// entry with a trailing stop publishes `set`; reaching the activation price publishes the
// activated/moved state; after a restart the state comes back once as `resumed` and through
// `trading:get-trailing`; switching it off publishes `cleared`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dec, format, mul, roundToTick } from '../../../src/shared/domain/decimal.ts';
import type { RunningVenue } from '../../../src/main/venue/index.ts';
import { createTradingHandlers } from '../../../src/main/trading/handlers.ts';
import type { TradingEvent } from '../../../src/main/trading/deps.ts';
import { configOf, engineFor, fastTrading, tempDir, until, venueFor, type Engine } from './harness.ts';

const symbol = 'XBTUSDTM';
const config = configOf(fastTrading);
const tick = dec('0.1');

function trailingUpdates(events: readonly TradingEvent[]) {
  return events.flatMap((event) => (event.name === 'trading:trailing-updated' ? [event.payload] : []));
}

describe('trailing events against the paper venue', () => {
  let venue: RunningVenue;
  let engine: Engine;
  const journalPath = `${tempDir('trailing-events')}/journal.db`;

  beforeAll(async () => {
    venue = await venueFor(config);
    venue.admin.setPrice(symbol, '90000');
    engine = await engineFor(config, venue, journalPath);
  });

  afterAll(async () => {
    await engine.stop();
    await venue.stop();
  });

  it('set → activated/moved → resumed after a restart → cleared', async () => {
    const mark = (await engine.client.rest.getMarkPrice(symbol)).value;
    const stopPrice = format(roundToTick(mul(dec(mark), dec('0.99')), tick, 'down'));
    const activationPrice = format(roundToTick(mul(dec(mark), dec('1.005')), tick, 'up'));
    const placed = await engine.service.placeOrder({
      symbol,
      side: 'buy',
      type: 'market',
      sizeLots: 5,
      leverage: 10,
      stopPrice,
      trailing: { mode: 'price', distance: '300', activationPrice },
    });
    const set = trailingUpdates(engine.events).find((e) => e.change === 'set');
    expect(set?.trailing).toMatchObject({ symbol, activated: false, stopPrice, spec: { activationPrice } });
    await until('position protected', () =>
      engine.service.listPositions().find((p) => p.symbol === symbol && p.protection.status === 'PROTECTED'),
    );
    expect(trailingUpdates(engine.events).some((e) => e.trailing?.activated === true)).toBe(false);
    // ADR 0511: the entry's fills are in the event stream the Journal view reads, once each.
    const fills = await until('entry fill journaled', () => {
      const found = engine.journal.queryEvents({
        kind: 'fill',
        clientOid: placed.order.clientOid,
        limit: 50,
      });
      return found.length > 0 && found;
    });
    expect(fills.reduce((sum, f) => sum + Number(f.data.sizeLots), 0)).toBe(5);
    expect(fills[0]?.symbol).toBe(symbol);

    venue.admin.setPrice(symbol, format(mul(dec(mark), dec('1.01'))));
    const moved = await until('trailing moved', () =>
      trailingUpdates(engine.events).find((e) => e.change === 'moved'),
    );
    expect(moved.trailing?.activated).toBe(true);
    expect(Number(moved.trailing?.stopPrice)).toBeGreaterThan(Number(stopPrice));
    const latest = engine.service.getTrailing(symbol);
    expect(latest?.stopPrice).toBe(trailingUpdates(engine.events).at(-1)?.trailing?.stopPrice);

    await engine.stop();
    engine = await engineFor(config, venue, journalPath);
    const resumed = trailingUpdates(engine.events).filter((e) => e.change === 'resumed');
    expect(resumed).toHaveLength(1);
    expect(resumed[0]?.trailing).toMatchObject({ symbol, activated: true });
    const listed = await createTradingHandlers(engine.service)['trading:get-trailing']({ symbol });
    expect(listed.map((s) => s.symbol)).toEqual([symbol]);
    expect(
      await createTradingHandlers(engine.service)['trading:get-trailing']({ symbol: 'ETHUSDTM' }),
    ).toEqual([]);

    engine.service.setTrailing(symbol, null);
    expect(trailingUpdates(engine.events).at(-1)).toMatchObject({
      symbol,
      change: 'cleared',
      trailing: null,
    });
    await engine.service.closePosition(symbol);
    await until('flat', () => engine.service.listPositions().length === 0);
  });
});
