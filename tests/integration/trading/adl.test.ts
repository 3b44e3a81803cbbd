// Auto-deleveraging (ADR 0320): the venue reduces a position by force through its admin route
// (`POST /__venue/adl`); the trading engine must see that the lots went by no order of ours,
// journal the reduction as `adl`, raise a critical alert and shrink the protective stop to what is left.
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningVenue } from '../../../src/main/venue/index.ts';
import { configOf, engineFor, fastTrading, tempDir, until, venueFor, type Engine } from './harness.ts';

const config = configOf({
  ...fastTrading,
  trading: {
    ...fastTrading.trading,
    protection: { watchdogIntervalMs: 200, nakedAlertAfterS: 30, closeAfterNakedS: 60 },
  },
});

async function adlOverHttp(
  venue: RunningVenue,
  body: { userId: string; symbol: string; lots: number },
): Promise<{ ok: boolean; data: { remainingLots: number } | null; error?: string }> {
  const response = await fetch(`${venue.restUrl}/__venue/adl`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await response.json()) as { ok: boolean; data: { remainingLots: number } | null; error?: string };
}

describe('auto-deleveraging seen by the trading engine', () => {
  let venue: RunningVenue | undefined;
  let engine: Engine | undefined;

  afterEach(async () => {
    await engine?.stop();
    await venue?.stop();
    engine = undefined;
    venue = undefined;
  });

  for (const side of ['buy', 'sell'] as const) {
    it(`a ${side === 'buy' ? 'long' : 'short'} cut by ADL: not our order, journaled, alerted, stop resized`, async () => {
      const symbol = side === 'buy' ? 'XBTUSDTM' : 'ETHUSDTM';
      const price = side === 'buy' ? '90000' : '3000';
      const stopPrice = side === 'buy' ? '80000' : '3300';
      venue = await venueFor(config);
      const v = venue;
      v.admin.setPrice(symbol, price);
      engine = await engineFor(config, v, `${tempDir(`adl-${side}`)}/journal.db`);
      const e = engine;
      const userId = v.keys[0]?.userId ?? '';
      await e.service.placeOrder({ symbol, side, type: 'market', sizeLots: 5, leverage: 5, stopPrice });
      await until('protected', () =>
        e.service
          .listPositions()
          .find(
            (p) => p.symbol === symbol && p.protection.status === 'PROTECTED' && p.protection.stopLots === 5,
          ),
      );
      const fillsBefore = e.journal.queryEvents({ kind: 'fill', symbol, limit: 50 }).length;

      const answer = await adlOverHttp(v, { userId, symbol, lots: 2 });
      expect(answer).toMatchObject({ ok: true, data: { remainingLots: 3 } });
      // The venue side: an adl fill by an order that is not ours.
      const adlFill = v.exchange.fills(userId, { symbol, tradeTypes: 'adl' }).items;
      expect(adlFill).toHaveLength(1);
      expect(adlFill[0]).toMatchObject({
        size: 2,
        tradeType: 'adl',
        side: side === 'buy' ? 'sell' : 'buy',
        fee: '0',
      });

      const event = await until(
        'reduced event',
        () =>
          e.journal
            .queryEvents({ kind: 'position-event', symbol, limit: 50 })
            .find((ev) => ev.data.event === 'reduced'),
        20_000,
      );
      expect(event.data).toMatchObject({ cause: 'adl', closedLots: 2 });
      expect(e.journal.queryEvents({ kind: 'fill', symbol, limit: 50 }).length).toBeGreaterThan(fillsBefore);
      const alert = e.alerts.find((a) => a.code === 'position-adl');
      expect(alert?.severity).toBe('critical');
      expect(e.alerts.some((a) => a.code === 'position-external')).toBe(false);
      // The protective stop now covers exactly the 3 lots left, on the right side of the price.
      const stop = await until(
        'stop = 3 lots',
        () => {
          const live = v.exchange.listStopOrders(userId, { symbol }).items.filter((s) => s.reduceOnly);
          return live.length === 1 && live[0]?.size === 3 ? live[0] : undefined;
        },
        20_000,
      );
      expect(stop.stop).toBe(side === 'buy' ? 'down' : 'up');
      expect(e.service.listPositions().find((p) => p.symbol === symbol)).toMatchObject({
        sizeLots: 3,
        protection: { status: 'PROTECTED', stopLots: 3 },
      });
    });
  }

  it('the admin route refuses an ADL without a position, and more lots than held', async () => {
    venue = await venueFor(config);
    const userId = venue.keys[0]?.userId ?? '';
    const answer = await adlOverHttp(venue, { userId, symbol: 'XBTUSDTM', lots: 1 });
    expect(answer.ok).toBe(false);
    expect(answer.error).toMatch(/no open XBTUSDTM position/);
    venue.admin.setPrice('XBTUSDTM', '90000');
    venue.exchange.placeOrder(userId, {
      clientOid: 'adl-too-many-1',
      symbol: 'XBTUSDTM',
      side: 'buy',
      type: 'market',
      size: 2,
      leverage: 5,
    });
    expect(await adlOverHttp(venue, { userId, symbol: 'XBTUSDTM', lots: 3 })).toMatchObject({
      ok: false,
      error: 'lots must be 1..2',
    });
    expect(venue.exchange.positions(userId)[0]?.currentQty).toBe(2);
  });
});
