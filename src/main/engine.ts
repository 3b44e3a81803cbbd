import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ConfigError } from '../shared/errors.ts';
import type { AppStatus, TradingMode } from '../shared/ipc/channels/app.ts';
import type { Config } from './config/schema.ts';
import { createConfigStore } from './config/store.ts';
import type { ConfigStore } from './config/store.ts';
import { createEventPublisher } from './ipc/events.ts';
import type { EventPublisher } from './ipc/events.ts';
import { createIpcRouter } from './ipc/router.ts';
import type { ChannelHandlers, IpcRouter } from './ipc/router.ts';
import { createLogger } from './observability/logger.ts';
import type { Logger } from './observability/logger.ts';
import type { PlatformAdapters } from './platform/adapters.ts';
import type { AlertRouter } from './alerts/index.ts';
import { startServices } from './wiring/services.ts';
import type { EngineServices, ServiceOverrides } from './wiring/services.ts';

/** What the composition root needs to build the engine. */
export interface EngineOptions {
  readonly platform: PlatformAdapters;
  readonly mode: TradingMode;
  readonly version: string;
  /** Test seams (live-key verification host, keychain); the app passes none. */
  readonly overrides?: ServiceOverrides;
}

/** The running engine: every service, the IPC handlers and an ordered teardown. */
export interface Engine {
  readonly mode: TradingMode;
  readonly logger: Logger;
  readonly config: ConfigStore;
  /** Problems found in the settings file at start-up (the app runs on the last valid config). */
  readonly configProblems: readonly ConfigError[];
  readonly events: EventPublisher;
  /** The alert router: the one way to raise an alert (src/main/alerts). */
  readonly alerts: AlertRouter;
  readonly handlers: ChannelHandlers;
  readonly services: EngineServices;
  /** A router that serves the given origins (the app:// origin, or the e2e page's). */
  createRouter(trustedOrigins: readonly string[]): IpcRouter;
  status(): AppStatus;
  /** Stops every service in the reverse order of start; safe to call twice. */
  stop(): Promise<void>;
}

function startHeartbeat(events: EventPublisher, status: () => AppStatus, intervalMs: number): () => void {
  let seq = 0;
  const beat = (): void => {
    const { mode, uptimeMs, marketData } = status();
    events.publish('app:heartbeat', {
      seq,
      at: Date.now(),
      mode,
      uptimeMs,
      ...(marketData === undefined ? {} : { marketData }),
    });
    seq += 1;
  };
  beat();
  const timer = setInterval(beat, intervalMs);
  return () => {
    clearInterval(timer);
  };
}

function loadConfig(platform: PlatformAdapters): {
  store: ConfigStore;
  initial: Config;
  problems: readonly ConfigError[];
} {
  mkdirSync(platform.paths.userData, { recursive: true });
  mkdirSync(platform.paths.logs, { recursive: true });
  const bootLogger = createLogger({
    filePath: join(platform.paths.logs, 'main.log'),
    maxSizeBytes: 10 * 1024 * 1024,
  });
  const store = createConfigStore({
    filePath: join(platform.paths.userData, 'settings.json'),
    logger: bootLogger,
  });
  const { config: initial, problems } = store.load();
  return { store, initial, problems };
}

/** The main log at the size the settings allow, every line tagged with the mode. */
function engineLogger(platform: PlatformAdapters, config: Config, mode: TradingMode): Logger {
  return createLogger({
    filePath: join(platform.paths.logs, 'main.log'),
    maxSizeBytes: config.app.logMaxSizeBytes,
  }).child({ mode });
}

/** Each problem in the settings file becomes a warning the trader sees. */
function raiseConfigProblems(
  alerts: AlertRouter,
  problems: readonly ConfigError[],
  platform: PlatformAdapters,
): void {
  for (const problem of problems) {
    alerts.raise({
      severity: 'warning',
      code: problem.code,
      message: problem.message,
      details: {},
      at: platform.clock.now(),
    });
  }
}

/** The app's status as the status bar shows it, read fresh at each call. */
function appStatus(options: EngineOptions, services: EngineServices, startedAt: number): () => AppStatus {
  const { mode, version, platform } = options;
  return () => ({
    mode,
    version,
    startedAt,
    uptimeMs: Math.max(0, platform.clock.now() - startedAt),
    venueUrl: services.venue?.restUrl ?? '',
    ...(services.paperMarket === undefined ? {} : { marketData: services.paperMarket.status() }),
  });
}

/**
 * Builds every service from config and the platform adapters: config, logger, events, alerts,
 * secrets, the paper venue (paper mode), the exchange client and trading. Used by
 * src/main/index.ts and by the test harness alike, so tests exercise exactly what the app runs.
 */
export async function startEngine(options: EngineOptions): Promise<Engine> {
  const { platform, mode, version } = options;
  const { store, initial, problems } = loadConfig(platform);
  const logger = engineLogger(platform, initial, mode);
  const events = createEventPublisher({ throttleMs: initial.app.eventThrottleMs, logger });
  const services = await startServices({
    config: initial,
    mode,
    platform,
    logger,
    events,
    configStore: store,
    overrides: options.overrides ?? {},
  });
  const alerts = services.alerts.router;
  raiseConfigProblems(alerts, problems, platform);
  const status = appStatus(options, services, platform.clock.now());
  const handlers: ChannelHandlers = {
    ...services.handlers,
    'app:get-status': () => status(),
  };
  const stopHeartbeat = startHeartbeat(events, status, initial.app.heartbeatIntervalMs);
  logger.info('engine-started', {
    version,
    configProblems: problems.length,
    keySource: services.credentials.source,
  });
  let stopping: Promise<void> | undefined;
  const stop = async (): Promise<void> => {
    stopHeartbeat();
    await services.stop();
    events.stop();
    logger.info('engine-stopped', {});
  };
  return {
    mode,
    logger,
    config: store,
    configProblems: problems,
    events,
    alerts,
    handlers,
    services,
    status,
    createRouter: (trustedOrigins) =>
      createIpcRouter({ handlers, trustedOrigins, logger: logger.child({ component: 'ipc' }) }),
    stop: () => (stopping ??= stop()),
  };
}
