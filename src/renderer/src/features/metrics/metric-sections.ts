/**
 * The metrics snapshot laid out as the page shows it: sections in the trader's words, a table per
 * histogram, and the counters and gauges that share their labels side by side in one table (calls,
 * weight and quota left per pool in one row). Every series of the snapshot lands in exactly one
 * table; the ones no section knows go under Other.
 */
import type { ResponseOf } from '../../bridge/index.ts';
import { formatCount, formatMetricValue, unitOf } from './metric-format.ts';
import {
  histogramTitles,
  labelTitle,
  sectionOf,
  sectionWords,
  valueTitles,
  type SectionId,
} from './metric-names.ts';

/** What `metrics:get-snapshot` answers. */
export type MetricsSnapshot = ResponseOf<'metrics:get-snapshot'>;
/** One histogram series summarised over the window. */
export type HistogramSeries = MetricsSnapshot['histograms'][number];
/** One counter or gauge series. */
export type ValueSeries = MetricsSnapshot['counters'][number];

/** One label set of a histogram: its percentiles over the window and its sample counts. */
export interface HistogramRow {
  readonly key: string;
  /** Label values, in the order of the table's label headers (`—` when the series lacks one). */
  readonly labels: readonly string[];
  /** p50, p95, p99 and max with their unit; `—` each when the window holds no sample. */
  readonly p50: string;
  readonly p95: string;
  readonly p99: string;
  readonly max: string;
  readonly inWindow: string;
  readonly total: string;
}

/** A histogram metric, one row per label set. */
export interface HistogramTable {
  readonly name: string;
  readonly title: string;
  readonly help: string;
  readonly labelHeaders: readonly string[];
  readonly rows: readonly HistogramRow[];
}

/** A counter or gauge metric as one column of a value table. */
export interface ValueColumn {
  readonly name: string;
  readonly title: string;
  readonly help: string;
}

/** One label set across the table's columns; `—` where a metric has no series for it. */
export interface ValueRow {
  readonly key: string;
  readonly labels: readonly string[];
  readonly cells: readonly string[];
}

/** Counters and gauges that share their label names, one column each. */
export interface ValueTable {
  readonly key: string;
  readonly labelHeaders: readonly string[];
  readonly columns: readonly ValueColumn[];
  readonly rows: readonly ValueRow[];
}

/** One section of the page. */
export interface MetricsSection {
  readonly id: SectionId;
  readonly title: string;
  readonly about: string;
  /** What to say when the section holds no series. */
  readonly none: string;
  readonly histograms: readonly HistogramTable[];
  readonly values: readonly ValueTable[];
}

/** The sections in page order; Other comes last. */
const sectionOrder: readonly SectionId[] = [
  'latency',
  'rate-limits',
  'errors',
  'streams',
  'protection',
  'alerts',
  'other',
];

interface Labelled {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
}

/** Label names across the series, in the order they first appear (the registry's order). */
function labelNamesOf(series: readonly Labelled[]): string[] {
  const names: string[] = [];
  for (const s of series)
    for (const label of Object.keys(s.labels)) if (!names.includes(label)) names.push(label);
  return names;
}

// A metric without labels still needs a row heading for its one row.
const unlabelledHeader = 'Series';
const unlabelledRow = 'all';

function labelValues(series: Labelled, names: readonly string[]): string[] {
  if (names.length === 0) return [unlabelledRow];
  return names.map((name) => series.labels[name] ?? '—');
}

function labelHeaders(names: readonly string[]): string[] {
  return names.length === 0 ? [unlabelledHeader] : names.map(labelTitle);
}

/** Rows read best sorted by their labels: the order stays put from one poll to the next. */
function byLabels<T extends { readonly labels: readonly string[] }>(a: T, b: T): number {
  return a.labels.join('\u0000').localeCompare(b.labels.join('\u0000'));
}

/** Known metrics in their catalog order, then the rest by name. */
function metricRank(known: Readonly<Record<string, string>>): (a: string, b: string) => number {
  const order = Object.keys(known);
  const rank = (name: string): number => {
    const at = order.indexOf(name);
    return at === -1 ? order.length : at;
  };
  return (a, b) => rank(a) - rank(b) || a.localeCompare(b);
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key) ?? [];
    group.push(item);
    groups.set(key, group);
  }
  return groups;
}

function histogramRow(series: HistogramSeries, labelNames: readonly string[]): HistogramRow {
  const unit = unitOf(series.name);
  // No sample in the window: the percentiles main sends are placeholders, not measurements.
  const value = (v: number): string => (series.count === 0 ? '—' : formatMetricValue(v, unit));
  const labels = labelValues(series, labelNames);
  return {
    key: labels.join('\u0000'),
    labels,
    p50: value(series.p50),
    p95: value(series.p95),
    p99: value(series.p99),
    max: value(series.max),
    inWindow: formatCount(series.count),
    total: formatCount(series.total),
  };
}

/** One table per histogram metric, known ones first. */
export function histogramTables(series: readonly HistogramSeries[]): HistogramTable[] {
  const byName = groupBy(series, (s) => s.name);
  return [...byName.keys()].sort(metricRank(histogramTitles)).map((name) => {
    const members = byName.get(name) ?? [];
    const labelNames = labelNamesOf(members);
    return {
      name,
      title: histogramTitles[name] ?? name,
      help: members[0]?.help ?? '',
      labelHeaders: labelHeaders(labelNames),
      rows: members.map((s) => histogramRow(s, labelNames)).sort(byLabels),
    };
  });
}

/** A counter or gauge with where it came from, so its heading can say "since start" or "now". */
export interface KindedValue extends ValueSeries {
  readonly kind: 'counter' | 'gauge';
}

/** A column is one metric of one kind. */
const columnKey = (s: KindedValue): string => `${s.kind}:${s.name}`;

function columnTitle(series: KindedValue): string {
  return valueTitles[series.name] ?? `${series.name} (${series.kind === 'counter' ? 'since start' : 'now'})`;
}

/** The rows of one value table: every label set any of its metrics has. */
function valueRows(
  series: readonly KindedValue[],
  columns: readonly string[],
  labelNames: readonly string[],
): ValueRow[] {
  const rows = groupBy(series, (s) => labelValues(s, labelNames).join('\u0000'));
  return [...rows.entries()]
    .map(([key, members]) => ({
      key,
      labels: labelValues(members[0] ?? { name: '', labels: {} }, labelNames),
      cells: columns.map((column) => {
        const found = members.find((s) => columnKey(s) === column);
        return found === undefined ? '—' : formatMetricValue(found.value, unitOf(found.name));
      }),
    }))
    .sort(byLabels);
}

/** One value table from its metrics (each a list of series of one name). */
function valueTable(metrics: readonly (readonly KindedValue[])[]): ValueTable {
  const heads = metrics.map((members) => members[0]).filter((s) => s !== undefined);
  const all = metrics.flat();
  const labelNames = labelNamesOf(all);
  const columns = heads.map(columnKey);
  return {
    key: columns.join('+'),
    labelHeaders: labelHeaders(labelNames),
    columns: heads.map((s) => ({ name: s.name, title: columnTitle(s), help: s.help })),
    rows: valueRows(all, columns, labelNames),
  };
}

/** Counters and gauges with the same label names share a table, one column per metric, known ones first. */
export function valueTables(series: readonly KindedValue[]): ValueTable[] {
  const rank = metricRank(valueTitles);
  const metrics = [...groupBy(series, columnKey).values()].sort((a, b) =>
    rank(a[0]?.name ?? '', b[0]?.name ?? ''),
  );
  // A Map keeps insertion order: tables come in the order of their first metric, columns in rank order.
  const tables = groupBy(metrics, (members) => labelNamesOf(members).join(','));
  return [...tables.values()].map(valueTable);
}

/**
 * The page's sections. The six named ones are always there (an empty one says what its emptiness
 * means: no failed call is news too); Other only when some series fits nowhere else.
 */
export function metricsSections(snapshot: MetricsSnapshot): MetricsSection[] {
  const values: KindedValue[] = [
    ...snapshot.counters.map((s) => ({ ...s, kind: 'counter' as const })),
    ...snapshot.gauges.map((s) => ({ ...s, kind: 'gauge' as const })),
  ];
  return sectionOrder
    .map((id) => ({
      id,
      ...sectionWords[id],
      histograms: histogramTables(snapshot.histograms.filter((s) => sectionOf(s.name) === id)),
      values: valueTables(values.filter((s) => sectionOf(s.name) === id)),
    }))
    .filter((section) => section.id !== 'other' || section.histograms.length + section.values.length > 0);
}

/** Whether the snapshot holds no series at all: nothing has been recorded since start. */
export function isEmptySnapshot(snapshot: MetricsSnapshot): boolean {
  return snapshot.histograms.length + snapshot.counters.length + snapshot.gauges.length === 0;
}

/** Samples every histogram holds in the window, together. */
export function samplesInWindow(snapshot: MetricsSnapshot): number {
  return snapshot.histograms.reduce((sum, s) => sum + s.count, 0);
}
