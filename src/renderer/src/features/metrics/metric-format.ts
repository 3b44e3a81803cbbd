/**
 * How the Metrics page writes a number. The unit comes from the series name, as the registry
 * names them (src/main/observability/metrics/catalog.ts): `_ms` milliseconds, `_per_second` a
 * rate, `_seconds` seconds, `_ratio` a share of 1; anything else is a plain count.
 */

/** What a series counts in, read from its name. */
export type MetricUnit = 'ms' | 'per-second' | 'seconds' | 'ratio' | 'count';

/** The unit a series' values are in, from the suffix of its name. */
export function unitOf(name: string): MetricUnit {
  if (name.endsWith('_ms')) return 'ms';
  if (name.endsWith('_per_second')) return 'per-second';
  if (name.endsWith('_seconds') || name.endsWith('_seconds_total')) return 'seconds';
  if (name.endsWith('_ratio')) return 'ratio';
  return 'count';
}

// One formatter per precision, fixed to en-US so a column reads the same on every machine (and in
// the tests): `1,234.5`, never `1 234,5` in one row and `1234.5` in the next.
const formatters = new Map<number, Intl.NumberFormat>();
function grouped(value: number, maxDecimals: number): string {
  let formatter = formatters.get(maxDecimals);
  if (formatter === undefined) {
    formatter = new Intl.NumberFormat('en-US', { maximumFractionDigits: maxDecimals });
    formatters.set(maxDecimals, formatter);
  }
  return formatter.format(value);
}

/**
 * Decimals worth showing for a duration or rate: sub-millisecond REST calls on the paper venue
 * need two, a 40 ms order round-trip needs one, above 100 the decimals are noise.
 */
function decimalsFor(value: number): number {
  const size = Math.abs(value);
  if (size < 1) return 2;
  return size < 100 ? 1 : 0;
}

/**
 * A value with its unit: `0.42 ms`, `38.6 ms`, `1,204 ms`, `12.5 /s`, `3 s`, `87.5 %`, `1,024`.
 * A value that is not a finite number reads `—`: the page never prints a number it was not given.
 */
export function formatMetricValue(value: number, unit: MetricUnit): string {
  if (!Number.isFinite(value)) return '—';
  switch (unit) {
    case 'ms':
      return `${grouped(value, decimalsFor(value))} ms`;
    case 'per-second':
      return `${grouped(value, decimalsFor(value))} /s`;
    case 'seconds':
      return `${grouped(value, 1)} s`;
    case 'ratio':
      return `${grouped(value * 100, 1)} %`;
    case 'count':
      return grouped(value, 2);
  }
}

/** A sample count: `0`, `1,532`. */
export function formatCount(value: number): string {
  return Number.isFinite(value) ? grouped(value, 0) : '—';
}

/** The sliding window in words: `45 s`, `5 min`, `1.5 min`, `1 h`. */
export function formatWindow(windowMs: number): string {
  const seconds = windowMs / 1000;
  if (seconds < 120) return `${grouped(seconds, 1)} s`;
  if (seconds < 3600 || seconds % 3600 !== 0) return `${grouped(seconds / 60, 1)} min`;
  return `${grouped(seconds / 3600, 1)} h`;
}
