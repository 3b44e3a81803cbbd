import { describe, expect, it } from 'vitest';
import { venueConfigSchema } from '../../../config/sections/venue.ts';
import { silentLogger } from '../../../observability/logger.ts';
import { createManualVenueClock } from '../../feeds/venue-clock.ts';
import type { VenueEvent } from '../wire/events.ts';
import { createVenueExchange } from '../exchange.ts';
import { TEST_START_MS, createTestVenue } from '../testing.ts';

function session(seed: number): { events: string[]; ticker: unknown; klines: unknown } {
  const clock = createManualVenueClock(TEST_START_MS);
  const exchange = createVenueExchange({
    seed,
    clock,
    config: venueConfigSchema.parse({ historyWarmupMs: 3_600_000 }),
    logger: silentLogger,
  });
  const events: VenueEvent[] = [];
  exchange.on((event) => events.push(event));
  exchange.openAccount('u1', '10000');
  exchange.placeOrder('u1', {
    clientOid: 'a',
    side: 'buy',
    symbol: 'ETHUSDTM',
    leverage: 5,
    type: 'market',
    size: 7,
  });
  clock.advance(120_000);
  exchange.placeOrder('u1', {
    clientOid: 'b',
    side: 'sell',
    symbol: 'ETHUSDTM',
    leverage: 5,
    type: 'market',
    size: 7,
  });
  return {
    events: events.map((event) => JSON.stringify(event)),
    ticker: exchange.ticker('XBTUSDTM'),
    klines: exchange.klines('XBTUSDTM', 5),
  };
}

describe('venue time and determinism', () => {
  it('the same seed and clock give the same venue, event for event; another seed does not', () => {
    const a = session(11);
    const b = session(11);
    const c = session(12);
    expect(a.events.length).toBeGreaterThan(100);
    expect(b).toEqual(a);
    expect(c.ticker).not.toEqual(a.ticker);
  });

  it('warms up an hour of one-minute candles before opening', () => {
    const clock = createManualVenueClock(TEST_START_MS);
    const exchange = createVenueExchange({
      seed: 3,
      clock,
      config: venueConfigSchema.parse({ historyWarmupMs: 3_600_000 }),
      logger: silentLogger,
    });
    const rows = exchange.klines('XBTUSDTM', 1);
    expect(rows.length).toBeGreaterThanOrEqual(60);
    expect(rows.at(-1)?.[0]).toBe(TEST_START_MS);
    expect(exchange.klines('XBTUSDTM', 15).length).toBe(5);
  });

  it('a gap longer than maxCatchUpSteps is skipped, with the funding inside it still settled', () => {
    const venue = createTestVenue({ maxCatchUpSteps: 100 });
    venue.exchange.openAccount('u1', '10000');
    venue.exchange.placeOrder('u1', {
      clientOid: 'a',
      side: 'buy',
      symbol: 'XBTUSDTM',
      leverage: 5,
      type: 'market',
      size: 10,
    });
    venue.clock.advance(3 * 28_800_000 + 1000);
    expect(venue.exchange.serverTimeMs()).toBe(venue.clock.now());
    expect(venue.exchange.fundingPayments('u1', {}).dataList).toHaveLength(3);
  });
});

describe('re-entrant listeners', () => {
  it('a listener that queries the venue while time advances sees a consistent venue and does not re-run steps', () => {
    const venue = createTestVenue();
    const seen: number[] = [];
    venue.exchange.on((event) => {
      if (event.subject === 'mark.index.price' && event.topic.endsWith('XBTUSDTM'))
        seen.push(venue.exchange.serverTimeMs());
    });
    venue.clock.advance(5000);
    venue.exchange.advanceTo(venue.clock.now());
    expect(seen).toEqual([1, 2, 3, 4, 5].map((second) => TEST_START_MS + second * 1000));
  });
});
