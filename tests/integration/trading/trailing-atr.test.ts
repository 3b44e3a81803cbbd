// ATR trailing against the paper venue (ADR 0304, 0705): the distance is `distance` × ATR(period)
// over the venue's real 1-minute candles, as the analysis room keeps it current from the candle
// stream (the forming bar included); the exchange stop sits at best − that distance, and follows the
// best price up with the ATR of the moment.
import { ATR } from 'trading-signals';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningVenue } from '../../../src/main/venue/index.ts';
import { configOf, engineFor, fastTrading, tempDir, until, venueFor, type Engine } from './harness.ts';

const symbol = 'XBTUSDTM';
const tick = 0.1;
const period = 14;
const multiple = 2;
const config = configOf(fastTrading);

/** ATR(period) over the venue's own 1-minute candles, the range the engine asks for. */
function venueAtr(venue: RunningVenue): number {
  const rows = venue.exchange.klines(symbol, 1, Date.now() - (period * 3 + 5) * 60_000);
  const atr = new ATR(period);
  for (const [, , high, low, close] of rows) atr.update({ high, low, close }, false);
  const value = atr.getResult();
  if (value === null) throw new Error(`no ATR from ${rows.length} candles`);
  return value;
}

describe('ATR trailing stop against the venue candles', () => {
  let venue: RunningVenue;
  let engine: Engine;
  let userId: string;

  beforeAll(async () => {
    venue = await venueFor(config);
    engine = await engineFor(config, venue, `${tempDir('trailing-atr')}/journal.db`);
    userId = venue.keys[0]?.userId ?? '';
  });

  afterAll(async () => {
    await engine.stop();
    await venue.stop();
  });

  const exchangeStop = () =>
    venue.exchange.listStopOrders(userId, { symbol }).items.filter((s) => s.reduceOnly);

  it(`puts the stop ${multiple} × ATR(${period}) below the best price and follows the best by the amount it moved`, async () => {
    const mark = venue.exchange.markPrice(symbol).value;
    const atrBefore = venueAtr(venue);
    // The initial stop is far below (3 %): the first mark pulls it up to best − 2 × ATR.
    const stopPrice = (Math.floor((mark * 0.97) / tick) * tick).toFixed(1);
    await engine.service.placeOrder({
      symbol,
      side: 'buy',
      type: 'market',
      sizeLots: 3,
      leverage: 5,
      stopPrice,
      trailing: { mode: 'atr', distance: String(multiple), atrPeriod: period, atrTimeframeMin: 1 },
    });
    const first = await until('stop moved by ATR', () => {
      const t = engine.service.getTrailing(symbol);
      const live = exchangeStop();
      return t !== undefined &&
        t.stopPrice !== stopPrice &&
        live.length === 1 &&
        live[0]?.stopPrice === t.stopPrice
        ? t
        : undefined;
    });
    const atrAfter = venueAtr(venue);
    const implied = (Number(first.bestPrice) - Number(first.stopPrice)) / multiple;
    // The engine read the candles between the two readings; the live bar moves a little meanwhile.
    const low = Math.min(atrBefore, atrAfter) * 0.99 - tick;
    const high = Math.max(atrBefore, atrAfter) * 1.01 + tick;
    expect(implied, `ATR before ${atrBefore}, after ${atrAfter}`).toBeGreaterThanOrEqual(low);
    expect(implied).toBeLessThanOrEqual(high);
    // Not a price or percent distance by accident: the stop is nowhere near the 3 % initial one.
    expect(Number(first.stopPrice)).toBeGreaterThan(Number(stopPrice) + 10 * tick);

    // The mark rises 0.3 %: the stop follows, at best − 2 × the ATR of the moment (the jump widens
    // the forming bar, so the ATR grows with it: the live value, not a cached one).
    const atrBeforeJump = venueAtr(venue);
    venue.admin.setPrice(symbol, (Math.round((Number(first.bestPrice) * 1.003) / tick) * tick).toFixed(1));
    const second = await until('stop followed', () => {
      const t = engine.service.getTrailing(symbol);
      const live = exchangeStop();
      return t !== undefined &&
        Number(t.bestPrice) > Number(first.bestPrice) &&
        Number(t.stopPrice) > Number(first.stopPrice) &&
        live[0]?.stopPrice === t.stopPrice
        ? t
        : undefined;
    });
    const atrAfterJump = venueAtr(venue);
    const impliedAfter = (Number(second.bestPrice) - Number(second.stopPrice)) / multiple;
    expect(impliedAfter, `ATR before ${atrBeforeJump}, after ${atrAfterJump}`).toBeGreaterThanOrEqual(
      Math.min(atrBeforeJump, atrAfterJump) * 0.99 - tick,
    );
    expect(impliedAfter).toBeLessThanOrEqual(Math.max(atrBeforeJump, atrAfterJump) * 1.01 + tick);
    expect(exchangeStop()).toHaveLength(1);
    expect(exchangeStop()[0]).toMatchObject({ side: 'sell', stop: 'down', size: 3 });
  });
});
