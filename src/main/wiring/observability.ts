/**
 * Metrics and health for the running engine (src/main/observability): the recorders, the stream
 * sampler, the health monitor (its status pushed to the status bar, a red status raised as an
 * alert), the opt-in Prometheus endpoint on 127.0.0.1, and the `metrics:*` / `health:*` handlers.
 */
import type { HealthStatus } from '../../shared/ipc/channels/health.ts';
import type { MetricsSnapshot } from '../../shared/ipc/channels/metrics.ts';
import type { Alerts } from '../alerts/index.ts';
import type { Config } from '../config/schema.ts';
import type { ExchangeClient } from '../exchange/index.ts';
import type { EventPublisher } from '../ipc/events.ts';
import type { Logger } from '../observability/logger.ts';
import { createHealthMonitor, type HealthMonitor } from '../observability/health/monitor.ts';
import type { HealthSources } from '../observability/health/sources.ts';
import { createMetricsRegistry, type MetricsRegistry } from '../observability/metrics/registry.ts';
import { createPrometheusExposition } from '../observability/metrics/prometheus.ts';
import { startPrometheusServer, type PrometheusServer } from '../observability/metrics/prometheus-server.ts';
import type { SecretStore } from '../secrets/index.ts';
import type { Journal } from '../store/journal.ts';
import type { Clock } from '../time/clock.ts';
import type { TradingService } from '../trading/index.ts';
import type { ResolvedCredentials } from './credentials.ts';
import { createHealthSources } from './health-sources.ts';
import { recordDeliveries, recordRest, recordTrading, sampleStreams } from './metrics-recorders.ts';

/** What the observability part is built from. */
export interface ObservabilityInputs {
  readonly config: () => Config;
  readonly mode: 'paper' | 'live';
  readonly clock: Clock;
  readonly logger: Logger;
  readonly events: Pick<EventPublisher, 'publish'>;
  readonly client: ExchangeClient;
  readonly credentials: ResolvedCredentials;
  readonly secretStore: Pick<SecretStore, 'probe'>;
  readonly journal: Pick<Journal, 'setSetting'>;
  readonly alerts: Alerts;
}

/** The running metrics and health. */
export interface EngineObservability {
  readonly metrics: MetricsRegistry;
  /** The Prometheus endpoint, when `observability.prometheus.enabled`. */
  readonly prometheus: PrometheusServer | undefined;
  readonly handlers: {
    'metrics:get-snapshot': () => MetricsSnapshot;
    'health:get-status': () => HealthStatus;
  };
  /** Feeds the trading engine's events into the metrics and its state into health. */
  attachTrading(service: Pick<TradingService, 'on' | 'getState'>): void;
  stop(): Promise<void>;
}

function healthAlerts(
  alerts: Alerts,
  clock: Clock,
): { onRed: (status: HealthStatus) => void; onRecovered: (status: HealthStatus) => void } {
  return {
    onRed: (status) => {
      const reasons = status.checks
        .filter((reading) => reading.level === 'red')
        .map((reading) => reading.reason);
      alerts.router.raise({
        severity: 'critical',
        code: 'health-red',
        message: `Bulwark's health is red: ${reasons.join(' ')}`,
        details: { redChecks: reasons.length },
        at: clock.now(),
      });
    },
    onRecovered: (status) => {
      alerts.router.raise({
        severity: 'info',
        code: 'health-recovered',
        message: `Bulwark's health is ${status.level} again${status.reasons.length === 0 ? '.' : `: ${status.reasons.join(' ')}`}`,
        details: { level: status.level },
        at: clock.now(),
      });
    },
  };
}

/** The share of each rate-limit pool still free (1 when a pool has no limit). */
function gaugeRateLimitHeadroom(client: ExchangeClient, metrics: MetricsRegistry): void {
  metrics.gaugeFrom('rate_limit_headroom_ratio', () =>
    client.limiter.usage().map((usage) => ({
      labels: { pool: usage.pool },
      value: usage.limit > 0 ? usage.remaining / usage.limit : 1,
    })),
  );
}

/** The health monitor: its status pushed to the status bar, red and recovery raised as alerts. */
function startHealthMonitor(inputs: ObservabilityInputs, read: () => HealthSources): HealthMonitor {
  return createHealthMonitor({
    sources: read,
    thresholds: () => inputs.config().observability.health,
    onChange: (status) => {
      inputs.events.publish('health:status-changed', status);
    },
    ...healthAlerts(inputs.alerts, inputs.clock),
  });
}

/** Starts recording, the health monitor and (if on) the Prometheus endpoint. */
export async function startObservability(inputs: ObservabilityInputs): Promise<EngineObservability> {
  const settings = inputs.config().observability;
  const now = () => inputs.clock.now();
  const metrics = createMetricsRegistry({
    windowMs: settings.metricsWindowMs,
    histogramCapacity: settings.histogramCapacity,
    now,
  });
  const rest = recordRest(inputs.client, metrics, now);
  const offDeliveries = inputs.alerts.router.onDelivery(recordDeliveries(metrics));
  gaugeRateLimitHeadroom(inputs.client, metrics);
  const trading: { state?: () => ReturnType<TradingService['getState']>; off?: () => void } = {};
  const sources = createHealthSources({
    ...inputs,
    rest: rest.activity,
    tradingDataStale: () => staleReason(trading.state?.()),
  });
  const monitor = startHealthMonitor(inputs, sources.read);
  const sample = sampleStreams(inputs.client, metrics, now);
  const tick = (): void => {
    sample();
    // Probes answer into the next evaluation: a keychain that hangs must not stall the status.
    void sources.probe();
    monitor.evaluate();
  };
  tick();
  const timer = setInterval(tick, Math.min(settings.sampleIntervalMs, settings.health.checkIntervalMs));
  timer.unref();
  const prometheus = settings.prometheus.enabled ? await startEndpoint(inputs, metrics) : undefined;
  return {
    metrics,
    prometheus,
    handlers: {
      'metrics:get-snapshot': () => metrics.snapshot(),
      'health:get-status': () => monitor.evaluate(),
    },
    attachTrading(service) {
      trading.state = () => service.getState();
      trading.off = service.on(recordTrading(metrics));
    },
    async stop() {
      clearInterval(timer);
      trading.off?.();
      rest.stop();
      offDeliveries();
      await prometheus?.stop();
    },
  };
}

/** The Prometheus endpoint; a port in use is reported (log and alert) instead of stopping the app. */
async function startEndpoint(
  inputs: ObservabilityInputs,
  metrics: MetricsRegistry,
): Promise<PrometheusServer | undefined> {
  const { prometheus } = inputs.config().observability;
  const logger = inputs.logger.child({ component: 'metrics' });
  try {
    return await startPrometheusServer(
      createPrometheusExposition(metrics, { processMetrics: prometheus.processMetrics }),
      { port: prometheus.port, logger },
    );
  } catch (error) {
    logger.error('metrics-endpoint-failed', { port: prometheus.port, error });
    inputs.alerts.router.raise({
      severity: 'warning',
      code: 'metrics-endpoint-failed',
      at: inputs.clock.now(),
      details: { port: prometheus.port },
      message: `The Prometheus endpoint could not listen on 127.0.0.1:${prometheus.port} (${error instanceof Error ? error.message : String(error)}). Choose another port in settings (observability.prometheus.port).`,
    });
    return undefined;
  }
}

function staleReason(state: ReturnType<TradingService['getState']> | undefined): string | undefined {
  if (!state?.activeTriggers.includes('market-data-stale')) return undefined;
  return 'the engine could not read positions and stops from KuCoin in time';
}
