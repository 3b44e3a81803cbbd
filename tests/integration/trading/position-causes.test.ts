// Positions closed by something other than Bulwark's own orders are detected and named:
// a liquidation (stop removed behind our back and not repairable) and a manual close elsewhere.
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningVenue } from '../../../src/main/venue/index.ts';
import { configOf, engineFor, fastTrading, tempDir, until, venueFor, type Engine } from './harness.ts';

const symbol = 'XBTUSDTM';

/** The journal's `closed` position event, once it is there. */
function closedEvent(e: Engine) {
  return until(
    'closed event',
    () =>
      e.journal
        .queryEvents({ kind: 'position-event', symbol, limit: 50 })
        .find((ev) => ev.data.event === 'closed'),
    20_000,
  );
}

/** A reduce-only market sell sent straight to the venue, as the website would: not by Bulwark. */
function sellElsewhere(v: RunningVenue, userId: string, clientOid: string, size: number): void {
  v.exchange.placeOrder(userId, {
    clientOid,
    symbol,
    side: 'sell',
    type: 'market',
    size,
    leverage: 5,
    reduceOnly: true,
  });
}
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
    const event = await closedEvent(e);
    expect(event.data.cause).toBe('liquidation');
    expect(e.alerts.find((a) => a.code === 'position-liquidation')?.severity).toBe('critical');
    v.admin.clearFaults();
  });

  it('a manual close elsewhere is detected as external', async () => {
    const { e, v, userId } = await open('manual');
    sellElsewhere(v, userId, 'website-close-1', 5);
    const event = await closedEvent(e);
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
    sellElsewhere(v, userId, 'website-reduce-1', 2);
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

  it('a position closed elsewhere while the pass that found it is still placing its stop is journaled as closed', async () => {
    // The pass reads the positions, protects them, then reads the fills that explain the change.
    // A close landing in between is in those fills but not in that pass's positions: counting it
    // there as a reduction of a position still open lost the close (no `closed`, ever).
    venue = await venueFor(config);
    venue.admin.setPrice(symbol, '90000');
    const v = venue;
    const userId = v.keys[0]?.userId ?? '';
    engine = await engineFor(config, v, `${tempDir('close-during-pass')}/journal.db`);
    const e = engine;
    await e.service.placeOrder({
      symbol,
      side: 'buy',
      type: 'market',
      sizeLots: 5,
      leverage: 5,
      stopPrice: '80000',
    });
    // Every order from now on takes 1.5 s to be answered: the pass that found the position waits on its stop.
    v.admin.addFault({ kind: 'latency', method: 'POST', path: '/api/v1/orders', latencyMs: 1_500 });
    await until('position seen', () => e.service.listPositions().find((p) => p.sizeLots === 5));
    sellElsewhere(v, userId, 'website-close-2', 5);
    v.admin.clearFaults();
    const event = await closedEvent(e);
    expect(event.data).toMatchObject({ cause: 'external', closedLots: 5 });
    const events = e.journal.queryEvents({ kind: 'position-event', symbol, limit: 50 });
    expect(events.filter((ev) => ev.data.event === 'reduced')).toEqual([]);
  });
});
