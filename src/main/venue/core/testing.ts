/**
 * A venue wired for tests and drills: manual clock, manual price feed (mark, index and last set
 * independently), a small deterministic book and no warm-up history. Used by the core's unit
 * tests and drills; deliberately not exported from the production barrel (core/index.ts), so
 * the app cannot reach it.
 */
import type { VenueConfig } from '../../config/sections/venue.ts';
import { venueConfigSchema } from '../../config/sections/venue.ts';
import { silentLogger } from '../../observability/logger.ts';
import type { ManualPriceFeed } from '../feeds/manual-feed.ts';
import { createManualPriceFeed } from '../feeds/manual-feed.ts';
import type { VenueClock } from '../feeds/venue-clock.ts';
import { createManualVenueClock } from '../feeds/venue-clock.ts';
import { feedSymbols } from './model/contracts.ts';
import type { VenueEvent } from './wire/events.ts';
import type { VenueExchange } from './exchange-api.ts';
import { createVenueExchange } from './exchange.ts';

/** A test venue and its handles. */
export interface TestVenue {
  readonly exchange: VenueExchange;
  readonly clock: VenueClock;
  readonly feed: ManualPriceFeed;
  readonly config: VenueConfig;
  /** Every event emitted since creation. */
  readonly events: VenueEvent[];
  /** Sets mark, index and last of a symbol and lets one price step run. */
  move(symbol: string, prices: { mark?: string; index?: string; last?: string }): void;
}

/** 2024-11-18T08:00:00Z: a funding boundary, so tests know when the next settlement is. */
export const TEST_START_MS = 1_731_916_800_000;

/** Builds a test venue (seed 1, book: 10 levels × 100 lots, 1-tick spread and step). */
export function createTestVenue(overrides: Partial<VenueConfig> = {}): TestVenue {
  const config = venueConfigSchema.parse({
    historyWarmupMs: 0,
    bookDepthLevels: 10,
    bookSpreadTicks: 1,
    bookLevelStepTicks: 1,
    bookLevelSizeLots: 100,
    ...overrides,
  });
  const clock = createManualVenueClock(TEST_START_MS);
  const feed = createManualPriceFeed(feedSymbols());
  const exchange = createVenueExchange({ seed: 1, clock, config, logger: silentLogger, priceFeed: feed });
  const events: VenueEvent[] = [];
  exchange.on((event) => events.push(event));
  return {
    exchange,
    clock,
    feed,
    config,
    events,
    move(symbol, prices) {
      feed.set(symbol, {
        ...(prices.mark === undefined ? {} : { markPrice: prices.mark }),
        ...(prices.index === undefined ? {} : { indexPrice: prices.index }),
        ...(prices.last === undefined ? {} : { lastPrice: prices.last }),
      });
      clock.advance(config.priceStepMs);
      exchange.advanceTo(clock.now());
    },
  };
}
