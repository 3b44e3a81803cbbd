// The KuCoin stand-in for mirror tests (ADR 0182): a second paper venue plays KuCoin's public API
// (REST + WebSocket, KuCoin's documented shapes) as the upstream of the paper venue under test.
import { configSchema, type Config, type ConfigOverrides } from '../../../src/main/config/schema.ts';
import { silentLogger, type Logger } from '../../../src/main/observability/logger.ts';
import { systemClock } from '../../../src/main/time/clock.ts';
import {
  createManualPriceFeed,
  createManualVenueClock,
  feedSymbols,
} from '../../../src/main/venue/core/index.ts';
import type { VenueClock } from '../../../src/main/venue/core/index.ts';
import { startVenue, type RunningVenue } from '../../../src/main/venue/index.ts';
import { openMirroredMarket, type MirroredMarket } from '../../../src/main/venue/mirror/mirror-market.ts';

function stderrLogger(bindings: Record<string, unknown> = {}): Logger {
  const write =
    (level: string) =>
    (event: string, fields: Readonly<Record<string, unknown>> = {}) => {
      process.stderr.write(
        `${JSON.stringify({ t: Date.now() % 100_000, level, event, ...bindings, ...fields })}\n`,
      );
    };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    child: (more) => stderrLogger({ ...bindings, ...more }),
  };
}

/** Config for both venues and the mirror's client: quick reconnects, a breaker that stays closed. */
export function mirrorConfig(overrides: ConfigOverrides = {}): Config {
  return configSchema.parse({
    ...overrides,
    exchange: {
      breaker: { breakerFailureThreshold: 1000 },
      ws: { wsReconnectInitialDelayMs: 100, wsReconnectMaxDelayMs: 400 },
    },
  });
}

/** An upstream whose time and prices move only when the test says so. */
export interface ManualUpstream {
  readonly venue: RunningVenue;
  readonly clock: VenueClock;
}

/** Starts the stand-in with a manual clock and manual prices from `startMs`. */
export async function startManualUpstream(config: Config, startMs: number): Promise<ManualUpstream> {
  const clock = createManualVenueClock(startMs);
  const venue = await startVenue({
    config: config.venue,
    logger: silentLogger,
    port: 0,
    seed: 11,
    venueClock: clock,
    priceFeed: createManualPriceFeed(feedSymbols()),
  });
  return { venue, clock };
}

/** Opens the mirror of `upstreamUrl` through our own KuCoin client. */
export function mirrorOf(
  config: Config,
  upstream: RunningVenue,
  symbols: readonly string[],
): Promise<MirroredMarket> {
  return openMirroredMarket({
    // The stand-in's key signs the one private read, the risk-limit tiers.
    credentials: upstream.credentials,
    marketData: {
      ...config.venue.marketData,
      source: 'live',
      upstreamRestUrl: upstream.restUrl,
      symbols: [...symbols],
    },
    exchange: config.exchange,
    bookDepthLevels: config.venue.bookDepthLevels,
    clock: systemClock,
    logger: process.env.BULWARK_TEST_LOG === '1' ? stderrLogger() : silentLogger,
  });
}

/** Waits until `check` returns a value (polling every 20 ms), or fails after `timeoutMs`. */
export async function until<T>(
  what: string,
  check: () => T | undefined | false,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
