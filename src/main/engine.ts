import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AppStatus, TradingMode } from '../shared/ipc/channels/app.ts';
import type { ConfigError } from '../shared/errors.ts';
import { createConfigStore } from './config/store.ts';
import type { Config } from './config/schema.ts';
import type { ConfigStore } from './config/store.ts';
import { createEventPublisher } from './ipc/events.ts';
import type { EventPublisher } from './ipc/events.ts';
import { createIpcRouter } from './ipc/router.ts';
import type { ChannelHandlers, IpcRouter } from './ipc/router.ts';
import { createLogger } from './observability/logger.ts';
import type { Logger } from './observability/logger.ts';
import type { PlatformAdapters } from './platform/adapters.ts';

/** What the composition root needs to build the engine. */
export interface EngineOptions {
  readonly platform: PlatformAdapters;
  readonly mode: TradingMode;
  readonly version: string;
}

/** The running engine: every service, the IPC handlers and an ordered teardown. */
export interface Engine {
  readonly mode: TradingMode;
  readonly logger: Logger;
  readonly config: ConfigStore;
  /** Problems found in the settings file at start-up (the app runs on the last valid config). */
  readonly configProblems: readonly ConfigError[];
  readonly events: EventPublisher;
  readonly handlers: ChannelHandlers;
  /** A router that serves the given origins (the app:// origin, or the e2e page's). */
  createRouter(trustedOrigins: readonly string[]): IpcRouter;
  status(): AppStatus;
  /** Stops every service in the reverse order of start; safe to call twice. */
  stop(): Promise<void>;
}

type Teardown = () => Promise<void> | void;

function startHeartbeat(engine: { events: EventPublisher; status: () => AppStatus }, intervalMs: number): Teardown {
  let seq = 0;
  const beat = (): void => {
    const status = engine.status();
    engine.events.publish('app:heartbeat', { seq, at: Date.now(), mode: status.mode, uptimeMs: status.uptimeMs });
    seq += 1;
  };
  beat();
  const timer = setInterval(beat, intervalMs);
  return () => {
    clearInterval(timer);
  };
}

/**
 * Builds every service from config and the platform adapters. Used by src/main/index.ts and by
 * the test harness alike, so tests exercise exactly what the app runs.
 */
export function startEngine(options: EngineOptions): Promise<Engine> {
  const { platform, mode, version } = options;
  mkdirSync(platform.paths.userData, { recursive: true });
  mkdirSync(platform.paths.logs, { recursive: true });
  const bootLogger = createLogger({ filePath: join(platform.paths.logs, 'main.log'), maxSizeBytes: 10 * 1024 * 1024 });
  const config = createConfigStore({ filePath: join(platform.paths.userData, 'settings.json'), logger: bootLogger });
  const { config: initial, problems } = config.load();
  const logger = createLogger({
    filePath: join(platform.paths.logs, 'main.log'),
    maxSizeBytes: initial.app.logMaxSizeBytes,
  }).child({ mode });
  return Promise.resolve(assemble({ platform, mode, version, logger, config, initial, problems }));
}

interface AssembleInput {
  platform: PlatformAdapters;
  mode: TradingMode;
  version: string;
  logger: Logger;
  config: ConfigStore;
  initial: Config;
  problems: readonly ConfigError[];
}

function assemble(input: AssembleInput): Engine {
  const { platform, mode, version, logger, config, initial, problems } = input;
  const startedAt = platform.clock.now();
  const teardowns: Teardown[] = [];
  const events = createEventPublisher({ throttleMs: initial.app.eventThrottleMs, logger });
  teardowns.push(() => {
    events.stop();
  });
  const status = (): AppStatus => ({
    mode,
    version,
    startedAt,
    uptimeMs: Math.max(0, platform.clock.now() - startedAt),
    venueUrl: '',
  });
  const handlers: ChannelHandlers = {
    'app:get-status': () => status(),
  };
  teardowns.push(startHeartbeat({ events, status }, initial.app.heartbeatIntervalMs));
  logger.info('engine-started', { version, configProblems: problems.length });
  let stopped = false;
  return {
    mode,
    logger,
    config,
    configProblems: problems,
    events,
    handlers,
    createRouter: (trustedOrigins) => createIpcRouter({ handlers, trustedOrigins, logger: logger.child({ component: 'ipc' }) }),
    status,
    async stop() {
      if (stopped) return;
      stopped = true;
      for (const teardown of teardowns.reverse()) await teardown();
      logger.info('engine-stopped', {});
    },
  };
}
