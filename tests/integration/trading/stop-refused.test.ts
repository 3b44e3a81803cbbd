// "Stop refused N times → close" (ADR 0303): when the exchange definitively rejects every
// protective stop (a business refusal, not an outage), the watchdog gives up after
// stopPlaceMaxAttempts, raises one critical alert, closes the position at market and journals it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningVenue } from '../../../src/main/venue/index.ts';
import { configOf, engineFor, fastTrading, tempDir, until, venueFor, type Engine } from './harness.ts';

const symbol = 'XBTUSDTM';
const attempts = 3;
// The naked alert and the naked-too-long exit are pushed far out, so only the attempts count decides.
const config = configOf({
  ...fastTrading,
  trading: {
    ...fastTrading.trading,
    protection: {
      watchdogIntervalMs: 200,
      nakedAlertAfterS: 60,
      closeAfterNakedS: 120,
      stopPlaceMaxAttempts: attempts,
    },
  },
});

describe('every stop placement rejected by the exchange', () => {
  let venue: RunningVenue;
  let engine: Engine;
  let userId: string;

  beforeAll(async () => {
    venue = await venueFor(config);
    venue.admin.setPrice(symbol, '90000');
    engine = await engineFor(config, venue, `${tempDir('stop-refused')}/journal.db`);
    userId = venue.keys[0]?.userId ?? '';
  });

  afterAll(async () => {
    await engine.stop();
    await venue.stop();
  });

  it(`after ${attempts} definitive rejections the position is closed at market with one critical alert, journaled`, async () => {
    const e = engine;
    // Entry with its stop attached (st-order): protected from the start.
    await e.service.placeOrder({
      symbol,
      side: 'buy',
      type: 'market',
      sizeLots: 4,
      leverage: 5,
      stopPrice: '88000',
    });
    await until('protected', () =>
      e.service
        .listPositions()
        .find((p) => p.protection.status === 'PROTECTED' && p.protection.stopLots === 4),
    );
    // Every stop the watchdog sends (POST /api/v1/orders) is refused with 300004; the close that
    // follows the last refusal is the first order the fault lets through.
    const fault = venue.admin.addFault({
      kind: 'reject',
      method: 'POST',
      path: '/api/v1/orders',
      code: '300004',
      msg: 'stop order quantity limit exceeded',
      count: attempts,
    });
    venue.exchange.cancelStopOrders(userId, symbol);

    await until('flat', () => venue.exchange.positions(userId).length === 0, 20_000);
    expect(venue.admin.faults().find((rule) => rule.id === fault)?.hits).toBe(attempts);

    const critical = e.alerts.filter((alert) => alert.severity === 'critical');
    expect(critical.map((alert) => alert.code)).toEqual(['stop-unplaceable']);
    expect(critical[0]?.details).toMatchObject({ attempts, coveredBefore: 'NAKED' });
    expect(critical[0]?.message).toContain('300004');

    const events = e.journal.queryEvents({ symbol, limit: 200 });
    const refused = events.filter(
      (ev) => ev.kind === 'stop' && ev.data.action === 'place' && ev.data.status === 'REJECTED',
    );
    expect(refused).toHaveLength(attempts);
    const close = events.find((ev) => ev.kind === 'position-event' && ev.data.event === 'close-requested');
    expect(close?.data.reason).toBe('protective stop could not be placed');
    expect(events.some((ev) => ev.kind === 'alert' && ev.data.code === 'stop-unplaceable')).toBe(true);
    // Nothing is left behind at the exchange: no stop, no open order.
    expect(venue.exchange.listStopOrders(userId, { symbol }).items).toHaveLength(0);
  });
});
