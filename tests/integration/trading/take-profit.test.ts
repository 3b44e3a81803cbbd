// The optional take-profit against the paper venue (ADR 0342): an entry with one leaves exactly one
// reduce-only profit-side stop of ours at the venue, sized to the position; an add resizes it; the
// trader sets, changes and removes it through the channel; the mark reaching it closes the position
// with the cause take-profit, no external-close alert, and nothing of ours left behind; a wrong-side
// one is refused before anything reaches the venue.
import { afterEach, describe, expect, it } from 'vitest';
import type { KucoinOrder } from '../../../src/main/exchange/kucoin/schemas/orders.ts';
import { createTradingHandlers } from '../../../src/main/trading/handlers.ts';
import type { RunningVenue } from '../../../src/main/venue/index.ts';
import { RiskRejectedError } from '../../../src/shared/errors.ts';
import { tradingChannels } from '../../../src/shared/ipc/channels/trading.ts';
import { configOf, engineFor, fastTrading, tempDir, until, venueFor, type Engine } from './harness.ts';

const symbol = 'XBTUSDTM';
const config = configOf(fastTrading);

async function liveStops(engine: Engine): Promise<KucoinOrder[]> {
  return (await engine.client.rest.listStopOrders({ symbol })).items;
}

/** The venue's profit-side stops of a long: reduce-only sells that trigger on the way up. */
async function takeProfitsOfLong(engine: Engine): Promise<KucoinOrder[]> {
  return (await liveStops(engine)).filter((o) => o.side === 'sell' && o.stop === 'up');
}

const summary = (orders: readonly KucoinOrder[]): string =>
  orders.map((o) => `${String(o.size)}@${o.stopPrice ?? '?'}`).join();

describe('take-profit against the paper venue', () => {
  let venue: RunningVenue | undefined;
  let engine: Engine | undefined;

  afterEach(async () => {
    await engine?.stop();
    await venue?.stop();
  });

  async function start(name: string): Promise<{ e: Engine; v: RunningVenue }> {
    venue = await venueFor(config);
    venue.admin.setPrice(symbol, '90000');
    engine = await engineFor(config, venue, `${tempDir(name)}/journal.db`);
    return { e: engine, v: venue };
  }

  async function buy(e: Engine, sizeLots: number, takeProfitPrice?: string): Promise<void> {
    await e.service.placeOrder({
      symbol,
      side: 'buy',
      type: 'market',
      sizeLots,
      leverage: 5,
      stopPrice: '85000',
      ...(takeProfitPrice === undefined ? {} : { takeProfitPrice }),
    });
  }

  it('an entry with a take-profit: one reduce-only sell stop up at that price for the position; an add resizes it', async () => {
    const { e } = await start('tp-entry');
    await buy(e, 5, '93000');
    await until('take-profit 5@93000', async () => summary(await takeProfitsOfLong(e)) === '5@93000');
    const [takeProfit] = await takeProfitsOfLong(e);
    expect(takeProfit).toMatchObject({ reduceOnly: true, stopPriceType: 'MP' });
    expect(takeProfit?.clientOid).toMatch(/^bwt/);
    const position = await until('dock shows it', () =>
      e.service
        .listPositions()
        .find((p) => p.protection.status === 'PROTECTED' && p.protection.takeProfits?.length === 1),
    );
    // The take-profit is shown, never counted as cover: the loss-side stop covers the 5 lots.
    expect(position.protection).toMatchObject({
      stopLots: 5,
      stopPrice: '85000',
      takeProfits: [{ stopPrice: '93000', sizeLots: 5 }],
    });

    await buy(e, 3);
    await until('take-profit 8@93000', async () => summary(await takeProfitsOfLong(e)) === '8@93000');
    await until('stop 8', () => e.service.listPositions()[0]?.protection.stopLots === 8);
    expect(await takeProfitsOfLong(e)).toHaveLength(1);
    // An add that carries a take-profit moves it.
    await buy(e, 1, '94000');
    await until('take-profit 9@94000', async () => summary(await takeProfitsOfLong(e)) === '9@94000');
  });

  it('set, change and remove through trading:set-take-profit, journaled with the old and new value', async () => {
    const { e } = await start('tp-channel');
    const handlers = createTradingHandlers(e.service);
    const call = async (raw: unknown): Promise<unknown> => {
      const spec = tradingChannels['trading:set-take-profit'];
      return spec.response.parse(await handlers['trading:set-take-profit'](spec.request.parse(raw)));
    };
    await buy(e, 4);
    await until('protected', () => e.service.listPositions()[0]?.protection.status === 'PROTECTED');
    expect(await takeProfitsOfLong(e)).toHaveLength(0);

    expect(await call({ symbol, price: '94000' })).toEqual({ symbol, takeProfitPrice: '94000' });
    expect(summary(await takeProfitsOfLong(e))).toBe('4@94000');
    expect(await call({ symbol, price: '95000' })).toEqual({ symbol, takeProfitPrice: '95000' });
    expect(summary(await takeProfitsOfLong(e))).toBe('4@95000');

    const refused = await call({ symbol, price: '89000' }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(RiskRejectedError);
    expect((refused as RiskRejectedError).message).toMatch(/take-profit 89000 must be above mark/);
    const offTick = await call({ symbol, price: '95000.05' }).catch((error: unknown) => error);
    expect((offTick as RiskRejectedError).ruleId).toBe('tick-size');
    expect(summary(await takeProfitsOfLong(e))).toBe('4@95000');

    expect(await call({ symbol })).toEqual({ symbol, takeProfitPrice: null });
    expect(await takeProfitsOfLong(e)).toHaveLength(0);
    const changes = e.journal
      .queryEvents({ kind: 'stop', symbol, limit: 100 })
      .filter((ev) => ev.data.action === 'take-profit-set')
      .reverse()
      .map((ev) => [ev.data.from, ev.data.to]);
    expect(changes).toEqual([
      [null, '94000'],
      ['94000', '95000'],
      ['95000', null],
    ]);
    // The loss-side stop was never touched by any of it.
    await until('still protected', () => e.service.listPositions()[0]?.protection.stopLots === 4);
  });

  it('the mark reaching it closes the position: cause take-profit, no external alert, nothing of ours left', async () => {
    const { e, v } = await start('tp-fill');
    await buy(e, 5, '92000');
    await until('take-profit at the venue', async () => summary(await takeProfitsOfLong(e)) === '5@92000');
    await until('protected', () => e.service.listPositions()[0]?.protection.status === 'PROTECTED');
    v.admin.setPrice(symbol, '92100');
    const closed = await until('closed event', () =>
      e.journal
        .queryEvents({ kind: 'position-event', symbol, limit: 50 })
        .find((ev) => ev.data.event === 'closed'),
    );
    expect(closed.data.cause).toBe('take-profit');
    expect(Number(closed.data.realisedPnl)).toBeGreaterThan(0);
    await until('no stop left at the venue', async () => (await liveStops(e)).length === 0);
    expect(e.alerts.filter((a) => a.code.startsWith('position-'))).toEqual([]);
    expect(e.service.listPositions()).toEqual([]);
    expect(e.journal.getSetting(`take-profit:${symbol}`) ?? null).toBeNull();
  });

  it('protection first: with both gone at the venue, the loss-side stop is back before the take-profit', async () => {
    const { e, v } = await start('tp-order');
    await buy(e, 3, '93000');
    await until('take-profit at the venue', async () => summary(await takeProfitsOfLong(e)) === '3@93000');
    const userId = v.keys[0]?.userId ?? '';
    const before = v.admin.orderTimeline({ symbol }).length;
    v.exchange.cancelStopOrders(userId, symbol);
    await until('both back', async () => (await liveStops(e)).length === 2);
    const placed = v.admin
      .orderTimeline({ symbol })
      .slice(before)
      .filter((o) => o.reduceOnly && o.status !== 'done');
    expect(placed.map((o) => o.stop)).toEqual(['down', 'up']);
    const [stop, takeProfit] = placed;
    expect((stop?.accepted.seq ?? 0) < (takeProfit?.accepted.seq ?? 0)).toBe(true);
  });

  it('a wrong-side take-profit on the ticket is refused and nothing reaches the venue', async () => {
    const { e, v } = await start('tp-wrong-side');
    v.admin.resetRequestLog();
    const ticket = {
      symbol,
      side: 'buy',
      type: 'market',
      sizeLots: 2,
      leverage: 5,
      stopPrice: '85000',
    } as const;
    const refused = await e.service
      .placeOrder({ ...ticket, takeProfitPrice: '89000' })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(RiskRejectedError);
    expect((refused as RiskRejectedError).ruleId).toBe('take-profit-side');
    expect((refused as RiskRejectedError).message).toMatch(
      /take-profit 89000 must be above 90000 for a long/,
    );
    const short = await e.service
      .placeOrder({ ...ticket, side: 'sell', stopPrice: '95000', takeProfitPrice: '91000' })
      .catch((error: unknown) => error);
    expect((short as RiskRejectedError).ruleId).toBe('take-profit-side');
    expect(v.admin.requestCount({ method: 'POST', path: '/api/v1/st-orders' })).toBe(0);
    expect(v.admin.requestCount({ method: 'POST', path: '/api/v1/orders' })).toBe(0);
    expect(await liveStops(e)).toEqual([]);
  });

  it("a short's take-profit is a buy stop that triggers on the way down", async () => {
    const { e } = await start('tp-short');
    await e.service.placeOrder({
      symbol,
      side: 'sell',
      type: 'market',
      sizeLots: 3,
      leverage: 5,
      stopPrice: '95000',
      takeProfitPrice: '87000',
    });
    const found = await until('short take-profit', async () =>
      (await liveStops(e)).find((o) => o.side === 'buy' && o.stop === 'down'),
    );
    expect(found).toMatchObject({ size: 3, stopPrice: '87000', reduceOnly: true });
  });

  it('the kill switch with flatten leaves no take-profit behind', async () => {
    const { e } = await start('tp-kill');
    await buy(e, 2, '93000');
    await until('take-profit at the venue', async () => (await takeProfitsOfLong(e)).length === 1);
    const report = await e.service.triggerKillSwitch(true, 'test');
    expect(report.closedPositions).toEqual([symbol]);
    // The loss-side stop and the take-profit of the now flat position: cancelled by the kill switch,
    // or by the engine pass's orphan sweep when it got there first (then the report counts fewer).
    expect(report.protectiveStopsCancelled).toBeLessThanOrEqual(2);
    expect(report.protectiveStopsKept).toBe(0);
    expect(report.cancelFailures).toEqual([]);
    expect(await liveStops(e)).toEqual([]);
    expect(e.journal.getSetting(`take-profit:${symbol}`) ?? null).toBeNull();
  });
});
