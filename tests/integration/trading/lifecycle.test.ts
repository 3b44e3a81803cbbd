// Full lifecycle against the paper venue: entry with stop → fill → exchange stop placed → trailing
// moves it (new stop first) → the stop fires → position closed; the journal tells the whole story.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dec, format, mul, roundToTick } from '../../../src/shared/domain/decimal.ts';
import type { RunningVenue } from '../../../src/main/venue/index.ts';
import { configOf, engineFor, fastTrading, tempDir, until, venueFor, type Engine } from './harness.ts';

const symbol = 'XBTUSDTM';
const config = configOf(fastTrading);

describe('trading lifecycle against the paper venue', () => {
  let venue: RunningVenue;
  let engine: Engine;

  beforeAll(async () => {
    venue = await venueFor(config);
    venue.admin.setPrice(symbol, '90000');
    engine = await engineFor(config, venue, `${tempDir('lifecycle')}/journal.db`);
  });

  afterAll(async () => {
    await engine.stop();
    await venue.stop();
  });

  it('entry → stop on fill → trailing → stop fires → closed, all journaled', async () => {
    const { service, journal } = engine;
    const mark = (await engine.client.rest.getMarkPrice(symbol)).value;
    const stopPrice = format(roundToTick(mul(dec(mark), dec('0.99')), dec('0.1'), 'down'));
    const placed = await service.placeOrder({
      symbol,
      side: 'buy',
      type: 'market',
      sizeLots: 10,
      leverage: 10,
      stopPrice,
      trailing: { mode: 'price', distance: '500' },
    });
    expect(['ACKED', 'FILLED', 'PARTIALLY_FILLED']).toContain(placed.order.status);

    const protectedPosition = await until('position protected', () =>
      service
        .listPositions()
        .find(
          (p) => p.symbol === symbol && p.protection.status === 'PROTECTED' && p.protection.stopLots === 10,
        ),
    );
    expect(protectedPosition.sizeLots).toBe(10);

    venue.admin.setPrice(symbol, format(mul(dec(mark), dec('1.01'))));
    const moved = await until('trailing moved the stop', () =>
      journal.queryEvents({ kind: 'trailing', symbol, limit: 20 }).find((e) => e.data.action === 'moved'),
    );
    expect(Number(moved.data.to)).toBeGreaterThan(Number(stopPrice));
    expect(moved.data.gapMs).toBe(0);
    // After the hand-off settles exactly one reduce-only stop of the full size remains.
    await until('one full-size stop', async () => {
      const live = await engine.client.rest.listStopOrders({ symbol });
      const sizes = live.items.filter((s) => s.reduceOnly === true).map((s) => s.size);
      return sizes.length === 1 && sizes[0] === 10;
    });
    const handOffs = journal
      .queryEvents({ kind: 'stop', symbol, limit: 50 })
      .reverse()
      .map((e) => e.data.action);
    expect(handOffs.indexOf('place')).toBeLessThan(handOffs.indexOf('cancel'));

    venue.admin.setPrice(symbol, format(mul(dec(mark), dec('0.97'))));
    await until('position closed by the stop', () =>
      journal
        .queryEvents({ kind: 'position-event', symbol, limit: 50 })
        .find((e) => e.data.event === 'closed'),
    );
    const closed = journal
      .queryEvents({ kind: 'position-event', symbol, limit: 50 })
      .find((e) => e.data.event === 'closed');
    expect(closed?.data.cause).toBe('stop');
    expect(service.listPositions()).toEqual([]);

    const entry = journal.getOrder(placed.order.clientOid);
    expect(entry?.status).toBe('FILLED');
    expect(
      journal.queryEvents({ kind: 'risk-decision', limit: 10 }).some((e) => e.data.verdict === 'allow'),
    ).toBe(true);
    // The stop that fired is one of ours (placed by a trailing move) and is FILLED in the journal.
    await until('stop order filled in the journal', () =>
      journal.recentOrders(50, symbol).some((o) => o.purpose === 'stop' && o.status === 'FILLED'),
    );
    expect(journal.fillsForOrder(entry?.exchangeOrderId ?? '').reduce((sum, f) => sum + f.sizeLots, 0)).toBe(
      10,
    );
  });
});
