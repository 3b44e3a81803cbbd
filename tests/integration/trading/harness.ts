// Test harness: the real paper venue on loopback, the real exchange client, a real journal and
// the real trading service. Nothing of ours is stubbed; faults are injected in the venue.
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { configSchema, type Config, type ConfigOverrides } from '../../../src/main/config/schema.ts';
import { createExchangeClient, type ExchangeClient } from '../../../src/main/exchange/kucoin/client.ts';
import { silentLogger, type Logger } from '../../../src/main/observability/logger.ts';
import { openJournal, type Journal } from '../../../src/main/store/journal.ts';
import { systemClock } from '../../../src/main/time/clock.ts';
import { tradingClientFrom } from '../../../src/main/trading/client-adapter.ts';
import type { TradingAlert } from '../../../src/main/trading/client-port.ts';
import type { TradingEvent } from '../../../src/main/trading/deps.ts';
import { createTradingService, type TradingService } from '../../../src/main/trading/service.ts';
import { startVenue, type RunningVenue } from '../../../src/main/venue/index.ts';
import { analysisServiceFor } from '../../../src/main/wiring/analysis.ts';

/** With BULWARK_TEST_LOG=1 the engine logs to stderr (diagnosing a failing test); silent otherwise. */
function testLogger(bindings: Record<string, unknown> = {}): Logger {
  if (process.env.BULWARK_TEST_LOG !== '1') return silentLogger;
  const write =
    (level: string) =>
    (event: string, fields: Readonly<Record<string, unknown>> = {}) => {
      process.stderr.write(
        `${JSON.stringify({ t: Date.now() % 100_000, level, event, ...bindings, ...fields })}\n`,
      );
    };
  return {
    debug: () => undefined,
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    child: (more) => testLogger({ ...bindings, ...more }),
  };
}

/** A fresh folder for one test's journal. */
export function tempDir(prefix: string): string {
  return mkdtempSync(join(process.env.BULWARK_TEST_RUN_DIR ?? '/tmp', `${prefix}-`));
}

/** Fast engine settings for tests (venue time stays real-time unless overridden). */
export const fastTrading: ConfigOverrides = {
  trading: {
    orders: { pollIntervalMs: 100, confirmTimeoutMs: 500 },
    protection: { watchdogIntervalMs: 200, nakedAlertAfterS: 3 },
    trailing: { minMoveIntervalMs: 0 },
  },
};

/** Starts a venue. */
export async function venueFor(config: Config, seed = 7): Promise<RunningVenue> {
  return startVenue({ config: config.venue, logger: silentLogger, port: 0, seed, adminApi: true });
}

/** A started exchange client against the venue. */
export async function clientFor(
  config: Config,
  venue: RunningVenue,
  logger: Logger = silentLogger,
): Promise<ExchangeClient> {
  const client = createExchangeClient({
    config: config.exchange,
    endpoints: { futuresRestUrl: venue.restUrl, generalRestUrl: venue.restUrl },
    credentials: venue.credentials,
    clock: systemClock,
    logger,
    mode: 'paper',
  });
  await client.start();
  return client;
}

/** A running engine and what it reported. */
export interface Engine {
  readonly service: TradingService;
  readonly journal: Journal;
  readonly client: ExchangeClient;
  readonly alerts: TradingAlert[];
  readonly events: TradingEvent[];
  stop(): Promise<void>;
}

/** Builds config from overrides. */
export function configOf(overrides: ConfigOverrides = {}): Config {
  return configSchema.parse(overrides);
}

/** Engine options a test may shorten. */
export interface EngineOptions {
  /** How long the private stream may be down before trading is restricted (default 10 s). */
  readonly privateStreamGraceMs?: number;
  /** Why the venue's market data is stale (paper on a mirrored market); undefined while fresh. */
  readonly marketFeedStale?: () => string | undefined;
}

/** Starts the trading engine (reconciles first) on a journal file. */
export async function engineFor(
  config: Config,
  venue: RunningVenue,
  journalPath: string,
  options: EngineOptions = {},
): Promise<Engine> {
  const client = await clientFor(config, venue);
  const journal = openJournal({ filePath: journalPath, now: () => systemClock.now() });
  const alerts: TradingAlert[] = [];
  const events: TradingEvent[] = [];
  const analysis = analysisServiceFor(config, client, systemClock, silentLogger);
  analysis.start();
  const service = createTradingService({
    config,
    client: tradingClientFrom(client, {
      privateStreamGraceMs: options.privateStreamGraceMs ?? 10_000,
      now: () => systemClock.now(),
      ...(options.marketFeedStale === undefined ? {} : { marketFeedStale: options.marketFeedStale }),
    }),
    journal,
    clock: systemClock,
    logger: testLogger(),
    alert: (alert) => alerts.push(alert),
    atr: analysis,
  });
  service.on((event) => events.push(event));
  await service.start();
  return {
    service,
    journal,
    client,
    alerts,
    events,
    async stop() {
      await service.stop();
      analysis.stop();
      await client.stop();
      journal.close();
    },
  };
}

/** Waits until `check` returns a value (polling every 50 ms), or fails after `timeoutMs`. */
export async function until<T>(
  what: string,
  check: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
