import { AuthError } from '../../shared/errors.ts';
import type { AlertRouter } from '../alerts/index.ts';
import type { Config } from '../config/schema.ts';
import type { ConfigStore } from '../config/store.ts';
import type { ExchangeClient } from '../exchange/index.ts';
import type { EventPublisher } from '../ipc/events.ts';
import type { ChannelHandlers } from '../ipc/router.ts';
import type { Logger } from '../observability/logger.ts';
import type { Journal } from '../store/journal.ts';
import type { Clock } from '../time/clock.ts';
import { createTradingHandlers, createTradingService } from '../trading/index.ts';
import type { TradingEvent, TradingService } from '../trading/index.ts';
import { tradingClientFrom } from '../trading/client-adapter.ts';
import type { AtrSource } from '../trading/trailing/atr-source.ts';
import type { TradingServiceOptions } from '../trading/service-options.ts';

/** The trading part of the engine: journal, service, and its events bridged to the renderer. */
export interface EngineTrading {
  readonly journal: Journal;
  readonly service: TradingService;
  readonly handlers: ChannelHandlers;
  /** Starts reconciliation and the loop in the background; the report is logged. */
  start(): void;
  stop(): Promise<void>;
}

/** Which renderer slot an event occupies: the same key coalesces, different keys never hide each other. */
function eventKey(event: TradingEvent): string {
  const payload = event.payload as { clientOid?: unknown; symbol?: unknown };
  if (typeof payload.clientOid === 'string') return payload.clientOid;
  return typeof payload.symbol === 'string' ? payload.symbol : '';
}

/** What the trading part of the engine is built from. */
export interface EngineTradingInput {
  readonly config: Config;
  /** The settings file: trading reads the config in force from it at every check. */
  readonly configStore?: Pick<ConfigStore, 'current'>;
  readonly client: ExchangeClient;
  readonly journal: Journal;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly events: EventPublisher;
  readonly alerts: Pick<AlertRouter, 'raise'>;
  readonly atr: AtrSource;
  readonly verdictCheck?: TradingServiceOptions['verdictCheck'];
  readonly liveSizeCap?: TradingServiceOptions['liveSizeCap'];
  /** Paper on live data: why the mirrored market data is stale now (undefined while fresh). */
  readonly marketFeedStale?: () => string | undefined;
}

function serviceOptions(input: EngineTradingInput, logger: Logger): TradingServiceOptions {
  const store = input.configStore;
  return {
    config: input.config,
    ...(store === undefined ? {} : { currentConfig: () => store.current() }),
    client: tradingClientFrom(input.client, {
      privateStreamGraceMs: input.config.trading.state.staleMarketDataMs,
      now: () => input.clock.now(),
      ...(input.marketFeedStale === undefined ? {} : { marketFeedStale: input.marketFeedStale }),
    }),
    journal: input.journal,
    clock: input.clock,
    logger,
    alert: (alert) => {
      input.alerts.raise(alert);
    },
    atr: input.atr,
    ...(input.verdictCheck === undefined ? {} : { verdictCheck: input.verdictCheck }),
    ...(input.liveSizeCap === undefined ? {} : { liveSizeCap: input.liveSizeCap }),
  };
}

/** Builds the trading service over the exchange client and the engine's journal (which the engine closes). */
export function createEngineTrading(input: EngineTradingInput): EngineTrading {
  const logger = input.logger.child({ component: 'trading' });
  const { journal } = input;
  const service = createTradingService(serviceOptions(input, logger));
  const off = service.on((event) => {
    input.events.publish(event.name, event.payload, eventKey(event));
  });
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  return {
    journal,
    service,
    handlers: createTradingHandlers(service),
    start() {
      if (stopped) return; // the engine stopped before the exchange came up
      running = service.start().then(
        (report) => {
          logger.info('startup-reconciliation', { report });
        },
        (error: unknown) => {
          logger.error('trading-start-failed', { error });
        },
      );
    },
    async stop() {
      stopped = true;
      off();
      await service.stop();
      await running;
    },
  };
}

/** Live mode without a key: every trading call says what to do instead of failing obscurely. */
export function tradingWithoutKeyHandlers(channels: readonly string[]): ChannelHandlers {
  const refuse = (): never => {
    throw new AuthError(
      'live-key-absent',
      'No KuCoin API key is stored for live trading. Add one in Settings → Connection, or restart in paper mode.',
    );
  };
  return Object.fromEntries(channels.filter((c) => c.startsWith('trading:')).map((c) => [c, refuse]));
}
