import { defaultConfig } from '../../../src/main/config/schema.ts';
import type { Config } from '../../../src/main/config/schema.ts';
import type { VenueServerOverrides } from '../../../src/main/config/sections/venue-server.ts';
import { silentLogger } from '../../../src/main/observability/logger.ts';
import type { Clock } from '../../../src/main/time/clock.ts';
import { startVenue } from '../../../src/main/venue/index.ts';
import type { KeySpec, RunningVenue } from '../../../src/main/venue/index.ts';
import type { PriceFeed, VenueClock } from '../../../src/main/venue/core/index.ts';

/** What a test may change about its venue. */
export interface TestVenueOptions {
  readonly venue?: Partial<Config['venue']>;
  readonly server?: VenueServerOverrides;
  readonly keys?: readonly KeySpec[];
  readonly clock?: Clock;
  readonly venueClock?: VenueClock;
  readonly priceFeed?: PriceFeed;
  readonly startingBalanceUsdt?: string;
  /** Serve the admin API under `/__venue/` (default true: venue tests drive it; the app never does). */
  readonly adminApi?: boolean;
}

/** Starts a venue on an ephemeral loopback port with defaults plus `options`. */
export function startTestVenue(options: TestVenueOptions = {}): Promise<RunningVenue> {
  return startVenue({
    port: 0,
    seed: 42,
    config: { ...defaultConfig().venue, ...options.venue },
    logger: silentLogger,
    adminApi: options.adminApi ?? true,
    ...(options.server === undefined ? {} : { server: options.server }),
    ...(options.keys === undefined ? {} : { keys: options.keys }),
    ...(options.clock === undefined ? {} : { clock: options.clock }),
    ...(options.venueClock === undefined ? {} : { venueClock: options.venueClock }),
    ...(options.priceFeed === undefined ? {} : { priceFeed: options.priceFeed }),
    ...(options.startingBalanceUsdt === undefined
      ? {}
      : { startingBalanceUsdt: options.startingBalanceUsdt }),
  });
}
