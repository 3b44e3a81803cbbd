/**
 * The registry as Prometheus text exposition through prom-client: counters as counters, gauges as
 * gauges, each histogram's sliding-window p50 / p95 / p99 as a `quantile`-labelled gauge plus its
 * `_window_count` (samples in the window). Everything is read from our registry at scrape time, so
 * a trader who never turns the endpoint on pays nothing for it.
 */
import client from 'prom-client';
import type { MetricsSnapshot } from '../../../shared/ipc/channels/metrics.ts';
import { metricCatalog, type MetricName } from './catalog.ts';
import type { MetricsRegistry } from './registry.ts';

const prefix = 'bulwark_';

/** The prom-client registry and its exposition. */
export interface PrometheusExposition {
  readonly contentType: string;
  /** The exposition text of every metric now. */
  text(): Promise<string>;
}

type Row = MetricsSnapshot['counters'][number];

function rowsOf(
  snapshot: MetricsSnapshot,
  name: MetricName,
): { counters: Row[]; gauges: Row[]; histograms: MetricsSnapshot['histograms'] } {
  return {
    counters: snapshot.counters.filter((row) => row.name === name),
    gauges: snapshot.gauges.filter((row) => row.name === name),
    histograms: snapshot.histograms.filter((row) => row.name === name),
  };
}

type Latest = () => MetricsSnapshot;

function registerCounter(promRegistry: client.Registry, name: MetricName, latest: Latest): void {
  new client.Counter({
    name: `${prefix}${name}`,
    help: metricCatalog[name].help,
    labelNames: [...metricCatalog[name].labels],
    registers: [promRegistry],
    collect() {
      this.reset();
      for (const row of rowsOf(latest(), name).counters) this.inc(row.labels, row.value);
    },
  });
}

function registerGauge(promRegistry: client.Registry, name: MetricName, latest: Latest): void {
  new client.Gauge({
    name: `${prefix}${name}`,
    help: metricCatalog[name].help,
    labelNames: [...metricCatalog[name].labels],
    registers: [promRegistry],
    collect() {
      this.reset();
      for (const row of rowsOf(latest(), name).gauges) this.set(row.labels, row.value);
    },
  });
}

/** A histogram as two gauges: its window quantiles, and the samples in the window. */
function registerHistogram(promRegistry: client.Registry, name: MetricName, latest: Latest): void {
  const labelNames = [...metricCatalog[name].labels];
  new client.Gauge({
    name: `${prefix}${name}`,
    help: `${metricCatalog[name].help} Quantiles over the sliding window.`,
    labelNames: [...labelNames, 'quantile'],
    registers: [promRegistry],
    collect() {
      this.reset();
      for (const row of rowsOf(latest(), name).histograms) {
        for (const [quantile, value] of [
          ['0.5', row.p50],
          ['0.95', row.p95],
          ['0.99', row.p99],
        ] as const)
          this.set({ ...row.labels, quantile }, value);
      }
    },
  });
  new client.Gauge({
    name: `${prefix}${name}_window_count`,
    help: `Samples of ${name} in the sliding window.`,
    labelNames,
    registers: [promRegistry],
    collect() {
      this.reset();
      for (const row of rowsOf(latest(), name).histograms) this.set(row.labels, row.count);
    },
  });
}

function register(promRegistry: client.Registry, name: MetricName, latest: Latest): void {
  const { type } = metricCatalog[name];
  if (type === 'counter') registerCounter(promRegistry, name, latest);
  else if (type === 'gauge') registerGauge(promRegistry, name, latest);
  else registerHistogram(promRegistry, name, latest);
}

/** Builds the exposition over the registry (and Node's own process metrics when asked). */
export function createPrometheusExposition(
  metrics: MetricsRegistry,
  options: { readonly processMetrics: boolean },
): PrometheusExposition {
  const promRegistry = new client.Registry();
  // One snapshot per scrape: every collector reads the same moment.
  let current: MetricsSnapshot | undefined;
  const latest = (): MetricsSnapshot => (current ??= metrics.snapshot());
  for (const name of Object.keys(metricCatalog) as MetricName[]) register(promRegistry, name, latest);
  if (options.processMetrics) client.collectDefaultMetrics({ register: promRegistry, prefix });
  return {
    contentType: promRegistry.contentType,
    async text() {
      current = undefined;
      try {
        return await promRegistry.metrics();
      } finally {
        current = undefined;
      }
    },
  };
}
