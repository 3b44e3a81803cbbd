/**
 * `node src/main/venue/cli.ts --port 0 --seed 42`: starts the paper venue and prints exactly one
 * JSON line to stdout — `{"rest","apiKey","apiSecret","passphrase","keyVersion"}` — so a script
 * or a third-party KuCoin client can be pointed at it. Logs go to stderr (or `--log-file`).
 * SIGINT/SIGTERM stop it cleanly. Runs under plain Node 24 (type stripping).
 * Flags: --port, --seed, --balance (USDT per account), --time-scale, --log-file, --mirror <rest base>
 * (trade on the market of KuCoin or another venue, mirrored through our own client, ADR 0180).
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { VenueConfig } from '../config/sections/venue.ts';
import { venueConfigSchema } from '../config/sections/venue.ts';
import { createLogger, formatLogLine } from '../observability/logger.ts';
import type { LogFields, Logger, LogLevel } from '../observability/logger.ts';
import { exchangeConfigSchema } from '../config/sections/exchange.ts';
import { marketDataConfigSchema } from '../config/sections/market-data.ts';
import { systemClock } from '../time/clock.ts';
import { createVenueClock } from './core/index.ts';
import { startVenue } from './index.ts';
import { openMirroredMarket, type MirroredMarket } from './mirror/mirror-market.ts';

/** A Logger writing one JSON line per event to stderr (stdout carries only the credentials line). */
function stderrLogger(bindings: LogFields = {}): Logger {
  const emit =
    (level: LogLevel) =>
    (event: string, fields: LogFields = {}) => {
      process.stderr.write(`${formatLogLine(level, event, { ...bindings, ...fields }, Date.now())}\n`);
    };
  return {
    debug: emit('debug'),
    info: emit('info'),
    warn: emit('warn'),
    error: emit('error'),
    child: (more) => stderrLogger({ ...bindings, ...more }),
  };
}

function readOptions() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      seed: { type: 'string' },
      balance: { type: 'string' },
      'time-scale': { type: 'string' },
      'log-file': { type: 'string' },
      /** Mirror prices from a KuCoin-compatible public REST base (KuCoin itself or another venue). */
      mirror: { type: 'string' },
    },
    strict: true,
  });
  return values;
}

/** CLI flags over the defaults, parsed by the venue section's schema so a bad flag names the field. */
function venueConfig(values: ReturnType<typeof readOptions>): VenueConfig {
  return venueConfigSchema.parse({
    ...(values.balance === undefined ? {} : { startingBalanceUsdt: values.balance }),
    ...(values['time-scale'] === undefined ? {} : { timeScale: Number(values['time-scale']) }),
  });
}

/** The mirrored market of `baseUrl` (contracts, book, tape, marks, funding), or none. */
async function mirrorOf(
  baseUrl: string | undefined,
  config: VenueConfig,
  logger: Logger,
): Promise<MirroredMarket | undefined> {
  if (baseUrl === undefined) return undefined;
  return openMirroredMarket({
    marketData: marketDataConfigSchema.parse({ source: 'live', upstreamRestUrl: baseUrl }),
    exchange: exchangeConfigSchema.parse({}),
    bookDepthLevels: config.bookDepthLevels,
    clock: systemClock,
    logger,
  });
}

async function main(): Promise<void> {
  const values = readOptions();
  const logFile = values['log-file'];
  const logger =
    logFile === undefined ? stderrLogger() : createLogger({ filePath: logFile, maxSizeBytes: 10_000_000 });
  const config = venueConfig(values);
  const mirror = await mirrorOf(values.mirror, config, logger);
  const venue = await startVenue({
    port: Number(values.port),
    ...(values.seed === undefined ? {} : { seed: Number(values.seed) }),
    config:
      mirror === undefined
        ? config
        : { ...config, priceStepMs: marketDataConfigSchema.parse({}).priceStepMs },
    logger,
    // The CLI is the drill venue: its admin API is what tests and soaks drive it with.
    adminApi: true,
    // A mirrored market runs in real time.
    ...(mirror === undefined
      ? {}
      : { upstream: mirror, venueClock: createVenueClock({ timeScale: 1, wall: systemClock }) }),
  });
  const { apiKey, apiSecret, passphrase, keyVersion } = venue.credentials;
  process.stdout.write(
    `${JSON.stringify({ rest: venue.restUrl, apiKey, apiSecret, passphrase, keyVersion })}\n`,
  );
  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info('venue-signal', { signal });
    // No process.exit: the process ends because stop() released every socket and timer (a leak would hang here).
    void venue.stop().then(async () => {
      await mirror?.close();
      process.exitCode = 0;
    });
  };
  process.on('SIGINT', () => {
    shutdown('SIGINT');
  });
  process.on('SIGTERM', () => {
    shutdown('SIGTERM');
  });
}

main().catch((error: unknown) => {
  const reason =
    error instanceof z.ZodError
      ? z.prettifyError(error)
      : error instanceof Error
        ? error.message
        : String(error);
  process.stderr.write(`venue failed to start: ${reason}\n`);
  process.exit(1);
});
