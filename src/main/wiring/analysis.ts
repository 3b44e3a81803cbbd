import type { VerdictChanged } from '../../shared/ipc/channels/analysis.ts';
import { createAnalysisHandlers, createAnalysisService, analysisMarketFrom } from '../analysis/index.ts';
import type { AnalysisService } from '../analysis/index.ts';
import type { Config } from '../config/schema.ts';
import type { ExchangeClient } from '../exchange/index.ts';
import type { EventPublisher } from '../ipc/events.ts';
import type { ChannelHandlers } from '../ipc/router.ts';
import type { Logger } from '../observability/logger.ts';
import type { Clock } from '../time/clock.ts';
import type { AlertInput } from '../../shared/ipc/channels/alerts.ts';
import type { AlertRouter } from '../alerts/index.ts';

/** The analysis part of the engine: the service, its handlers, its events and alerts bridged out. */
export interface EngineAnalysis {
  readonly service: AnalysisService;
  readonly handlers: ChannelHandlers;
  /** Starts following (call once the exchange client is up). */
  start(): void;
  stop(): void;
}

/** The alert a verdict change raises; the alert desk (and any router behind it) sends it. */
export function verdictAlert(change: VerdictChanged, severity: AlertInput['severity']): AlertInput {
  return {
    severity,
    code: 'analysis-verdict-changed',
    message: change.message,
    symbol: change.symbol,
    details: {
      change: change.change,
      verdict: change.verdict,
      ...(change.previousVerdict === null ? {} : { previousVerdict: change.previousVerdict }),
      confidence: change.confidence,
      strongestTimeframe: change.strongestTimeframe,
      strong: change.strong,
    },
    at: change.at,
  };
}

/** The analysis service over the exchange client's market service and public stream (also what test harnesses run). */
export function analysisServiceFor(
  config: Config,
  client: ExchangeClient,
  clock: Clock,
  logger: Logger,
): AnalysisService {
  return createAnalysisService({
    config: config.analysis,
    market: analysisMarketFrom(client.market, client.rest),
    // Topics subscribed before the stream was open go out on its first connect; after a reconnect
    // they are resubscribed. Either way, pushes before that were never seen: reload.
    onStreamLive: (listener) =>
      client.publicStream.onEvent((event) => {
        if ((event.type === 'connected' && !event.reconnect) || event.type === 'resubscribed') listener();
      }),
    clock,
    logger: logger.child({ component: 'analysis' }),
  });
}

/** Builds the analysis over the exchange client's market service and public stream. */
export function createEngineAnalysis(input: {
  config: Config;
  client: ExchangeClient;
  clock: Clock;
  logger: Logger;
  events: EventPublisher;
  alerts: Pick<AlertRouter, 'raise'>;
}): EngineAnalysis {
  const { config, client, events, alerts } = input;
  const service = analysisServiceFor(config, client, input.clock, input.logger);
  // Every verdict change is news: its own publisher slot, so a quick second change never replaces the first.
  let changeSeq = 0;
  const offs = [
    service.onSnapshot((snapshot) => {
      events.publish('analysis:snapshot-updated', snapshot, snapshot.symbol);
    }),
    service.onVerdictChanged((change) => {
      changeSeq += 1;
      events.publish('analysis:verdict-changed', change, `${change.symbol}:${changeSeq}`);
      if (config.analysis.verdict.alertsEnabled)
        alerts.raise(verdictAlert(change, config.analysis.verdict.alertSeverity));
    }),
  ];
  let stopped = false;
  return {
    service,
    handlers: createAnalysisHandlers(service),
    start() {
      if (!stopped) service.start();
    },
    stop() {
      stopped = true;
      for (const off of offs.splice(0)) off();
      service.stop();
    },
  };
}
