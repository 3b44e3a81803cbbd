// Funding in realised PnL (ADR 0321): the venue settles funding every interval of venue time (docs/reference/kucoin-futures.md#fees-and-funding);
// the engine sees the position's `posFunding` grow, journals the settlement, counts it in the
// day's realised PnL (so the daily-loss trigger fires on funding paid) and adds the position's
// funding to the realised PnL of its close.
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningVenue } from '../../../src/main/venue/index.ts';
import { configOf, engineFor, fastTrading, tempDir, until, venueFor, type Engine } from './harness.ts';

const symbol = 'XBTUSDTM';
// KuCoin settles every 8 h; the venue's interval is shortened to a minute so the test stays fast.
const fundingIntervalMs = 60_000;

describe('funding settlements in realised PnL and the daily-loss trigger', () => {
  let venue: RunningVenue | undefined;
  let engine: Engine | undefined;

  afterEach(async () => {
    await engine?.stop();
    await venue?.stop();
    engine = undefined;
    venue = undefined;
  });

  it('a settlement is journaled with the venue amount, counted in the day, and can trip the daily-loss limit', async () => {
    const config = configOf({
      ...fastTrading,
      venue: { fundingIntervalMs },
      trading: { ...fastTrading.trading, state: { dailyLossLimitUsdt: '0.01' } },
    });
    venue = await venueFor(config);
    const v = venue;
    engine = await engineFor(config, v, `${tempDir('funding')}/journal.db`);
    const e = engine;
    const userId = v.keys[0]?.userId ?? '';
    // A long pays when the rate is positive, a short when it is negative: take the paying side.
    const side = Number((await e.client.rest.getFundingRate(symbol)).value) >= 0 ? 'buy' : 'sell';
    const mark = (await e.client.rest.getMarkPrice(symbol)).value;
    const stopPrice = Math.round(Number(mark) * (side === 'buy' ? 0.97 : 1.03)).toFixed(1);
    await e.service.placeOrder({ symbol, side, type: 'market', sizeLots: 40, leverage: 5, stopPrice });
    await until('protected', () =>
      e.service.listPositions().find((p) => p.protection.status === 'PROTECTED'),
    );
    expect(e.service.getState().dailyRealisedPnl).toBe('0.00');
    expect(e.service.getState().activeTriggers).not.toContain('daily-loss');

    v.admin.advanceTime(fundingIntervalMs);
    const venueFunding = v.exchange.position(userId, symbol).posFunding ?? 0;
    expect(venueFunding, 'the venue settled funding against us').toBeLessThan(-0.01);
    const event = await until('funding journaled', () =>
      e.journal
        .queryEvents({ kind: 'position-event', symbol, limit: 50 })
        .find((ev) => ev.data.event === 'funding'),
    );
    expect(Number(event.data.fundingUsdt)).toBeCloseTo(venueFunding, 8);
    // Only funding happened today: the day's realised PnL is exactly it, and the limit tripped.
    await until('daily-loss trigger', () => e.service.getState().activeTriggers.includes('daily-loss'));
    // The state view shows the day to the cent.
    expect(Math.abs(Number(e.service.getState().dailyRealisedPnl) - venueFunding)).toBeLessThanOrEqual(0.01);
    expect(e.service.getState().state).not.toBe('ACTIVE');

    // The close's realised PnL = the fills' PnL + the funding the position settled; the day counts
    // the fills' part only now (funding was counted when it settled).
    const dayBefore = Number(e.service.getState().dailyRealisedPnl);
    await e.service.closePosition(symbol);
    const closed = await until('closed', () =>
      e.journal
        .queryEvents({ kind: 'position-event', symbol, limit: 50 })
        .find((ev) => ev.data.event === 'closed'),
    );
    console.log(
      'EVENTS',
      JSON.stringify(e.journal.queryEvents({ kind: 'position-event', symbol, limit: 50 }).map((x) => x.data)),
    );
    // Every settlement counted while the position lived (venue time runs on: there may be more than one).
    const counted = e.journal
      .queryEvents({ kind: 'position-event', symbol, limit: 50 })
      .filter((ev) => ev.data.event === 'funding')
      .reduce((sum, ev) => sum + Number(ev.data.fundingUsdt), 0);
    expect(Number(closed.data.fundingPnl)).toBeCloseTo(counted, 8);
    expect(Number(closed.data.realisedPnl)).toBeCloseTo(Number(closed.data.tradePnl) + counted, 8);
    const history = v.exchange.historyPositions(userId, {}).items[0];
    // The exchange's closed-position record agrees on the funding part (its pnl also nets the entry fee, which ours does not).
    expect(Number(closed.data.fundingPnl)).toBeCloseTo(Number(history?.fundingFee), 8);
    await until(
      'day includes the close',
      () =>
        Math.abs(
          Number(e.service.getState().dailyRealisedPnl) - (dayBefore + Number(closed.data.tradePnl)),
        ) <= 0.02,
    );
  });
});
