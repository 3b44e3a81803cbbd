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

type GaugeReader = () => readonly { labels: Labels; value: number }[];

/** Every series the registry holds, and the gauges read at snapshot time. */
interface RegistryState {
  readonly histograms: Map<string, Series<SlidingHistogram>>;
  readonly counters: Map<string, Series<{ value: number }>>;
  readonly gauges: Map<string, Series<{ value: number }>>;
  readonly readers: Map<GaugeName, GaugeReader>;
}

/** The series of `name` and `labels`, made by `create` the first time it is asked for. */
function seriesIn<T>(
  map: Map<string, Series<T>>,
  name: MetricName,
  labels: Labels,
  create: () => T,
): Series<T> {
  const key = keyOf(name, labels);
  let series = map.get(key);
  if (series === undefined) {
    series = { name, labels, state: create() };
    map.set(key, series);
  }
  return series;
}

function help(name: MetricName): string {
  return metricCatalog[name].help;
}

function valueRow(s: Series<{ value: number }>): MetricsSnapshot['counters'][number] {
  return { name: s.name, help: help(s.name), labels: { ...s.labels }, value: s.state.value };
}

/** Every series now, histograms summarised over the window ending at `at`. */
function snapshotOf(state: RegistryState, at: number, windowMs: number): MetricsSnapshot {
  const read = [...state.readers].flatMap(([name, reader]) =>
    reader().map((entry) => ({
      name,
      help: help(name),
      labels: { ...entry.labels },
      value: entry.value,
    })),
  );
  return {
    at,
    windowMs,
    histograms: [...state.histograms.values()].map((s) => ({
      name: s.name,
      help: help(s.name),
      labels: { ...s.labels },
      ...s.state.summary(at, windowMs),
    })),
    counters: [...state.counters.values()].map(valueRow),
    gauges: [...[...state.gauges.values()].map(valueRow), ...read],
  };
}

/** Builds a registry; `now` is the clock the windows slide on. */
export function createMetricsRegistry(options: {
  readonly windowMs: number;
  readonly histogramCapacity: number;
  readonly now: () => number;
}): MetricsRegistry {
  const state: RegistryState = {
    histograms: new Map(),
    counters: new Map(),
    gauges: new Map(),
    readers: new Map(),
  };
  const { now } = options;
  return {
    histogram(name, labels = {}) {
      const ring = seriesIn(
        state.histograms,
        name,
        labels,
        () => new SlidingHistogram(options.histogramCapacity),
      ).state;
      return {
        observe: (value) => {
          ring.observe(value, now());
        },
      };
    },
    counter(name, labels = {}) {
      const cell = seriesIn(state.counters, name, labels, () => ({ value: 0 })).state;
      return {
        inc: (by = 1) => {
          cell.value += by;
        },
        value: () => cell.value,
      };
    },
    setGauge(name, labels, value) {
      state.gauges.set(keyOf(name, labels), { name, labels, state: { value } });
    },
    removeGauge(name, labels) {
      state.gauges.delete(keyOf(name, labels));
    },
    gaugeFrom(name, read) {
      state.readers.set(name, read);
    },
    snapshot: () => snapshotOf(state, now(), options.windowMs),
  };
}
