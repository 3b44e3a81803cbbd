// Money is counted honestly (issue item 7): a partial reduction counts toward the day's loss;
// realised PnL includes the entry fee, the exit fee and the funding, and agrees with the venue's own
// closed-position record; funding settled while the app was closed is counted at the next start;
// the liquidation estimate agrees with the venue's own, an independent implementation.
import { afterEach, describe, expect, it } from 'vitest';
import { configOf, drill, fastTrading, openCovered, until, venueLots, type Drill } from './harness.ts';

const symbol = 'XBTUSDTM';

describe('money counted honestly', () => {
  let d: Drill | undefined;
  afterEach(async () => {
    await d?.stop();
    d = undefined;
  });

  it('a partial reduction at a loss counts toward the day at once, not only when the position is closed', async () => {
    d = await drill(configOf(fastTrading), 'partial-loss');
    const e = d.engine;
    await openCovered(d, symbol, 'buy', 4, '85000');
    d.venue.admin.setPrice(symbol, '89000');
    // Half the long is closed on the website at a loss of about 1 000 × 2 × 0.001 = 2 USDT plus fees.
    d.venue.exchange.placeOrder(d.userId, {
      clientOid: 'website-half-1',
      symbol,
      side: 'sell',
      type: 'market',
      size: 2,
      leverage: 5,
      reduceOnly: true,
    });
    await until('reduced', () => d !== undefined && venueLots(d, symbol) === 2);
    const day = await until('the loss in the day', () => {
      const pnl = Number(e.service.getState().dailyRealisedPnl);
      return pnl < -2 ? pnl : undefined;
    });
    expect(day).toBeGreaterThan(-2.5);
    const reduced = e.journal
      .queryEvents({ kind: 'position-event', symbol, limit: 50 })
      .find((ev) => ev.data.event === 'reduced');
    expect(reduced?.data).toMatchObject({ cause: 'external', closedLots: 2 });
    // The reduction carries half the entry fee: 0.0006 × 90 000 × 4 × 0.001 / 2 ≈ 0.108 USDT.
    expect(Number(reduced?.data.openingFeeShare)).toBeCloseTo(0.108, 3);
  });

  it("a close's realised PnL nets entry fee, exit fee and funding, as the venue's closed-position record does", async () => {
    const fundingIntervalMs = 60_000;
    d = await drill(configOf({ ...fastTrading, venue: { fundingIntervalMs } }), 'realised');
    const e = d.engine;
    await openCovered(d, symbol, 'buy', 10, '85000');
    d.venue.admin.advanceTime(fundingIntervalMs);
    await until('funding counted', () =>
      e.journal
        .queryEvents({ kind: 'position-event', symbol, limit: 50 })
        .find((ev) => ev.data.event === 'funding'),
    );
    d.venue.admin.setPrice(symbol, '90500');
    await e.service.closePosition(symbol);
    const closed = await until('closed', () =>
      e.journal
        .queryEvents({ kind: 'position-event', symbol, limit: 50 })
        .find((ev) => ev.data.event === 'closed'),
    );
    const record = d.venue.exchange.historyPositions(d.userId, {}).items[0];
    expect(record).toBeDefined();
    expect(Number(closed.data.realisedPnl)).toBeCloseTo(Number(record?.pnl), 6);
  });

  it('funding settled while the app was closed is counted at the next start', async () => {
    const fundingIntervalMs = 60_000;
    const run = await drill(configOf({ ...fastTrading, venue: { fundingIntervalMs } }), 'funding-closed');
    d = run;
    await openCovered(run, symbol, 'buy', 10, '85000');
    const before = run.venue.exchange.position(run.userId, symbol).posFunding ?? 0;
    const { reconciled } = await run.restart(() => {
      run.venue.admin.advanceTime(fundingIntervalMs);
    });
    const settled = (run.venue.exchange.position(run.userId, symbol).posFunding ?? 0) - before;
    expect(settled).not.toBe(0);
    const engine = await reconciled;
    const counted = await until('the settlement counted', () =>
      engine.journal
        .queryEvents({ kind: 'position-event', symbol, limit: 50 })
        .find((ev) => ev.data.event === 'funding' && ev.data.countedToday === true),
    );
    expect(Number(counted.data.fundingUsdt)).toBeCloseTo(settled, 8);
    expect(Number(engine.service.getState().dailyRealisedPnl)).toBeCloseTo(settled, 2);
  });

  it("the engine's liquidation estimate for an isolated position agrees with the venue's own within 0.2 %", async () => {
    d = await drill(configOf(fastTrading), 'liquidation-estimate');
    const e = d.engine;
    for (const [side, leverage, stopPrice] of [
      ['buy', 5, '80000'],
      ['sell', 10, '95000'],
      ['buy', 20, '87000'],
    ] as const) {
      const preview = await e.service.previewOrder({
        symbol,
        side,
        type: 'market',
        sizeLots: 3,
        leverage,
        stopPrice,
      });
      await e.service.placeOrder({ symbol, side, type: 'market', sizeLots: 3, leverage, stopPrice });
      await until('position', () => d !== undefined && venueLots(d, symbol) === 3);
      const venue = d.venue.exchange.position(d.userId, symbol).liquidationPrice;
      expect(
        Math.abs(Number(preview.liquidationPrice) - venue) / venue,
        `${side} ${leverage}×: ours ${preview.liquidationPrice}, venue ${venue}`,
      ).toBeLessThan(0.002);
      await e.service.closePosition(symbol);
      await until('flat', () => d !== undefined && venueLots(d, symbol) === 0);
    }
  });
});
