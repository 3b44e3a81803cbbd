// Positions closed by something other than Bulwark's own orders are detected and named:
// a liquidation (stop removed behind our back and not repairable) and a manual close elsewhere.
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningVenue } from '../../../src/main/venue/index.ts';
import { configOf, engineFor, fastTrading, tempDir, until, venueFor, type Engine } from './harness.ts';

const symbol = 'XBTUSDTM';
const config = configOf({
  ...fastTrading,
  trading: {
    ...fastTrading.trading,
    protection: { watchdogIntervalMs: 200, nakedAlertAfterS: 30, closeAfterNakedS: 60 },
  },
});

describe('why a position closed', () => {
  let venue: RunningVenue | undefined;
  let engine: Engine | undefined;

  afterEach(async () => {
    await engine?.stop();
    await venue?.stop();
  });

  async function open(name: string): Promise<{ e: Engine; v: RunningVenue; userId: string }> {
    venue = await venueFor(config);
    venue.admin.setPrice(symbol, '90000');
    engine = await engineFor(config, venue, `${tempDir(name)}/journal.db`);
    const e = engine;
    await e.service.placeOrder({
      symbol,
      side: 'buy',
      type: 'market',
      sizeLots: 5,
      leverage: 5,
      stopPrice: '80000',
    });
    await until('protected', () =>
      e.service
        .listPositions()
        .find((p) => p.protection.status === 'PROTECTED' && p.protection.stopLots === 5),
    );
    return { e, v: venue, userId: venue.keys[0]?.userId ?? '' };
  }

  it('a liquidation is detected, journaled and alerted as critical', async () => {
    const { e, v, userId } = await open('liquidated');
    v.admin.addFault({ kind: 'server-error', method: 'POST', path: '/api/v1/orders' });
    v.exchange.cancelStopOrders(userId, symbol);
    await until('naked', () => e.service.listPositions()[0]?.protection.status === 'NAKED');
    v.admin.jumpPrice(symbol, -30);
    const event = await until(
      'closed event',
      () =>
        e.journal
          .queryEvents({ kind: 'position-event', symbol, limit: 50 })
          .find((ev) => ev.data.event === 'closed'),
      20_000,
    );
    expect(event.data.cause).toBe('liquidation');
    expect(e.alerts.find((a) => a.code === 'position-liquidation')?.severity).toBe('critical');
    v.admin.clearFaults();
  });

  it('a manual close elsewhere is detected as external', async () => {
    const { e, v, userId } = await open('manual');
    v.exchange.placeOrder(userId, {
      clientOid: 'website-close-1',
      symbol,
      side: 'sell',
      type: 'market',
      size: 5,
      leverage: 5,
      reduceOnly: true,
    });
    const event = await until(
      'closed event',
      () =>
        e.journal
          .queryEvents({ kind: 'position-event', symbol, limit: 50 })
          .find((ev) => ev.data.event === 'closed'),
      20_000,
    );
    expect(event.data.cause).toBe('external');
    expect(e.alerts.some((a) => a.code === 'position-external')).toBe(true);
    // Its now-orphaned stop is swept.
    await until(
      'orphan stop swept',
      () => v.exchange.listStopOrders(userId, { symbol }).items.length === 0,
      20_000,
    );
  });

  it('a partial close elsewhere: the reduction is named and the stop shrinks to the position', async () => {
    const { e, v, userId } = await open('partial-close');
    v.exchange.placeOrder(userId, {
      clientOid: 'website-reduce-1',
      symbol,
      side: 'sell',
      type: 'market',
      size: 2,
      leverage: 5,
      reduceOnly: true,
    });
    const event = await until(
      'reduced event',
      () =>
        e.journal
          .queryEvents({ kind: 'position-event', symbol, limit: 50 })
          .find((ev) => ev.data.event === 'reduced'),
      20_000,
    );
    expect(event.data).toMatchObject({ cause: 'external', closedLots: 2 });
    await until(
      'stop = 3 lots',
      () => {
        const live = v.exchange.listStopOrders(userId, { symbol }).items.filter((s) => s.reduceOnly);
        return live.length === 1 && live[0]?.size === 3;
      },
      20_000,
    );
    expect(e.service.listPositions()[0]).toMatchObject({
      sizeLots: 3,
      protection: { status: 'PROTECTED', stopLots: 3 },
    });
  });
});
