/**
 * The metrics registry: named series (a metric plus its label values) of histograms, counters and
 * gauges. Callers keep the series handle they record into, so the hot path is a method call on it;
 * looking a series up by name and labels happens once.
 */
import type { MetricsSnapshot } from '../../../shared/ipc/channels/metrics.ts';
import { metricCatalog, type MetricName } from './catalog.ts';
import { SlidingHistogram } from './sliding-histogram.ts';

/** Label values of one series, by label name. */
export type Labels = Readonly<Record<string, string>>;

type NamesOf<T> = { [N in MetricName]: (typeof metricCatalog)[N]['type'] extends T ? N : never }[MetricName];
/** Metrics of each type. */
export type HistogramName = NamesOf<'histogram'>;
export type CounterName = NamesOf<'counter'>;
export type GaugeName = NamesOf<'gauge'>;

/** A histogram series. */
export interface Histogram {
  observe(value: number): void;
}

/** A counter series (only goes up). */
export interface Counter {
  inc(by?: number): void;
  value(): number;
}

interface Series<T> {
  readonly name: MetricName;
  readonly labels: Labels;
  readonly state: T;
}

/** The registry. */
export interface MetricsRegistry {
  histogram(name: HistogramName, labels?: Labels): Histogram;
  counter(name: CounterName, labels?: Labels): Counter;
  /** Sets a gauge series to a value (it keeps it until set again or removed). */
  setGauge(name: GaugeName, labels: Labels, value: number): void;
  removeGauge(name: GaugeName, labels: Labels): void;
  /** A gauge read when a snapshot is taken (limiter headroom …). */
  gaugeFrom(name: GaugeName, read: () => readonly { labels: Labels; value: number }[]): void;
  /** Every series now, histograms summarised over the sliding window. */
  snapshot(): MetricsSnapshot;
}

function keyOf(name: string, labels: Labels): string {
  return `${name}\u0000${Object.values(labels).join('\u0000')}`;
}

/** Builds a registry; `now` is the clock the windows slide on. */
export function createMetricsRegistry(options: { readonly windowMs: number; readonly histogramCapacity: number; readonly now: () => number }): MetricsRegistry {
  const histograms = new Map<string, Series<SlidingHistogram>>();
  const counters = new Map<string, Series<{ value: number }>>();
  const gauges = new Map<string, Series<{ value: number }>>();
  const readers = new Map<GaugeName, () => readonly { labels: Labels; value: number }[]>();
  const { now } = options;
  return {
    histogram(name, labels = {}) {
      const key = keyOf(name, labels);
      let series = histograms.get(key);
      if (series === undefined) {
        series = { name, labels, state: new SlidingHistogram(options.histogramCapacity) };
        histograms.set(key, series);
      }
      const ring = series.state;
      return { observe: (value) => { ring.observe(value, now()); } };
    },
    counter(name, labels = {}) {
      const key = keyOf(name, labels);
      let series = counters.get(key);
      if (series === undefined) {
        series = { name, labels, state: { value: 0 } };
        counters.set(key, series);
      }
      const cell = series.state;
      return { inc: (by = 1) => { cell.value += by; }, value: () => cell.value };
    },
    setGauge(name, labels, value) {
      gauges.set(keyOf(name, labels), { name, labels, state: { value } });
    },
    removeGauge(name, labels) {
      gauges.delete(keyOf(name, labels));
    },
    gaugeFrom(name, read) {
      readers.set(name, read);
    },
    snapshot() {
      const at = now();
      const help = (name: MetricName): string => metricCatalog[name].help;
      const read = [...readers].flatMap(([name, reader]) => reader().map((entry) => ({ name, help: help(name), labels: { ...entry.labels }, value: entry.value })));
      return {
        at,
        windowMs: options.windowMs,
        histograms: [...histograms.values()].map((s) => ({ name: s.name, help: help(s.name), labels: { ...s.labels }, ...s.state.summary(at, options.windowMs) })),
        counters: [...counters.values()].map((s) => ({ name: s.name, help: help(s.name), labels: { ...s.labels }, value: s.state.value })),
        gauges: [...[...gauges.values()].map((s) => ({ name: s.name, help: help(s.name), labels: { ...s.labels }, value: s.state.value })), ...read],
      };
    },
  };
}
