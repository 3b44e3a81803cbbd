// Only a stop that limits the loss counts as cover (issue item 3): a take-profit is never cover and
// never touched; an order placed outside Bulwark is never cancelled, and a loss-side one is cover.
import { afterEach, describe, expect, it } from 'vitest';
import {
  configOf,
  coveredAtVenue,
  drill,
  fastTrading,
  lossSideLots,
  openCovered,
  until,
  venueLots,
  venueStops,
  type Drill,
} from './harness.ts';

const symbol = 'XBTUSDTM';
const config = configOf({
  ...fastTrading,
  trading: {
    ...fastTrading.trading,
    protection: { watchdogIntervalMs: 200, nakedAlertAfterS: 3, closeAfterNakedS: 60 },
  },
});
const passes = async (d: Drill, n: number): Promise<void> => {
  const reads = d.venue.admin.requestCount({ method: 'GET', path: '/api/v1/stopOrders' });
  await until(
    `${n} more passes`,
    () => d.venue.admin.requestCount({ method: 'GET', path: '/api/v1/stopOrders' }) >= reads + n,
  );
};

describe('cover is a loss-side stop', () => {
  let d: Drill | undefined;
  afterEach(async () => {
    await d?.stop();
    d = undefined;
  });

  it('a long with only a take-profit (placed on the website) gets a real loss-side stop; the take-profit stays, and the long is never closed for it', async () => {
    const run = await drill(config, 'tp-only');
    d = run;
    await openCovered(run, symbol, 'buy', 3, '88000');
    await run.restart(() => {
      run.venue.exchange.cancelStopOrders(run.userId, symbol);
      // A sell stop that triggers *up* at 95 000 is a take-profit for a long.
      run.venue.exchange.placeOrder(run.userId, {
        clientOid: 'website-tp-1',
        symbol,
        side: 'sell',
        type: 'market',
        size: 3,
        leverage: 5,
        reduceOnly: true,
        stop: 'up',
        stopPrice: '95000',
        stopPriceType: 'MP',
      });
    });
    await coveredAtVenue(run, symbol, 3);
    await passes(run, 3);
    const stops = venueStops(run, symbol);
    expect(
      stops.filter((s) => s.clientOid === 'website-tp-1').map((s) => [s.stop, s.stopPrice, s.size]),
    ).toEqual([['up', '95000', 3]]);
    expect(lossSideLots(run, symbol)).toBe(3);
    expect(venueLots(run, symbol)).toBe(3);
    expect(run.engine.service.listPositions()[0]?.protection).toMatchObject({
      status: 'PROTECTED',
      stopLots: 3,
      takeProfits: [{ stopPrice: '95000', sizeLots: 3 }],
    });
  });

  it('a take-profit below a short is not cover and never makes the watchdog think the stop is crossed', async () => {
    const run = await drill(config, 'tp-short');
    d = run;
    await openCovered(run, symbol, 'sell', 4, '92000');
    // The trader adds a take-profit for half the short on the website: a buy stop triggering *down*.
    run.venue.exchange.placeOrder(run.userId, {
      clientOid: 'website-tp-2',
      symbol,
      side: 'buy',
      type: 'market',
      size: 2,
      leverage: 5,
      reduceOnly: true,
      stop: 'down',
      stopPrice: '85000',
      stopPriceType: 'MP',
    });
    await passes(run, 4);
    expect(venueLots(run, symbol)).toBe(4);
    expect(venueStops(run, symbol).some((s) => s.clientOid === 'website-tp-2')).toBe(true);
    expect(lossSideLots(run, symbol)).toBe(4);
    expect(run.engine.alerts.filter((a) => a.code === 'position-emergency-close')).toEqual([]);
  });

  it('a loss-side stop the trader placed on the website is adopted as cover and never cancelled', async () => {
    const run = await drill(config, 'foreign-cover');
    d = run;
    await openCovered(run, symbol, 'buy', 2, '88000');
    const { reconciled } = await run.restart(() => {
      run.venue.exchange.cancelStopOrders(run.userId, symbol);
      run.venue.exchange.placeOrder(run.userId, {
        clientOid: 'website-sl-1',
        symbol,
        side: 'sell',
        type: 'market',
        size: 2,
        leverage: 5,
        reduceOnly: true,
        stop: 'down',
        stopPrice: '87500',
        stopPriceType: 'MP',
      });
    });
    await reconciled;
    await until('PROTECTED by the foreign stop', () =>
      d?.engine.service.listPositions().find((p) => p.protection.status === 'PROTECTED'),
    );
    await passes(run, 3);
    const stops = venueStops(run, symbol);
    expect(stops.map((s) => s.clientOid)).toContain('website-sl-1');
    expect(lossSideLots(run, symbol)).toBeGreaterThanOrEqual(2);
  });
});
