import { describe, expect, it } from 'vitest';
import { sectionOf } from './metric-names.ts';
import {
  isEmptySnapshot,
  metricsSections,
  samplesInWindow,
  type HistogramSeries,
  type MetricsSnapshot,
  type ValueSeries,
} from './metric-sections.ts';

function histogram(name: string, labels: Record<string, string>, summary: Partial<HistogramSeries> = {}) {
  return {
    name,
    help: `${name} help`,
    labels,
    count: 3,
    p50: 10,
    p95: 20,
    p99: 30,
    max: 40,
    total: 9,
    ...summary,
  };
}

function value(name: string, labels: Record<string, string>, amount: number): ValueSeries {
  return { name, help: `${name} help`, labels, value: amount };
}

function snapshot(parts: Partial<MetricsSnapshot> = {}): MetricsSnapshot {
  return { at: 1, windowMs: 300_000, histograms: [], counters: [], gauges: [], ...parts };
}

describe('which section a series goes to', () => {
  it('follows the name prefixes of main’s registry', () => {
    expect(sectionOf('order_submit_to_ack_ms')).toBe('latency');
    expect(sectionOf('order_submit_to_fill_ms')).toBe('latency');
    expect(sectionOf('rest_request_ms')).toBe('latency');
    expect(sectionOf('rest_calls_total')).toBe('rate-limits');
    expect(sectionOf('rest_weight_total')).toBe('rate-limits');
    expect(sectionOf('rate_limit_headroom_ratio')).toBe('rate-limits');
    expect(sectionOf('rest_errors_total')).toBe('errors');
    expect(sectionOf('ws_messages_per_second')).toBe('streams');
    expect(sectionOf('ws_reconnects_total')).toBe('streams');
    expect(sectionOf('position_unprotected_seconds')).toBe('protection');
    expect(sectionOf('position_unprotected_seconds_total')).toBe('protection');
    expect(sectionOf('alert_deliveries_total')).toBe('alerts');
    expect(sectionOf('alert_delivery_ms')).toBe('alerts');
  });

  it('ignores the Prometheus prefix, and puts what it does not know under Other', () => {
    expect(sectionOf('bulwark_rest_request_ms')).toBe('latency');
    expect(sectionOf('journal_write_ms')).toBe('other');
  });
});

describe('the sections of a snapshot', () => {
  it('are the six named ones in the trader’s order, Other only when needed', () => {
    expect(metricsSections(snapshot()).map((s) => s.title)).toEqual([
      'Latency',
      'Rate-limit pools',
      'Errors by class',
      'Streams',
      'Protection',
      'Alert deliveries',
    ]);
    const withStranger = snapshot({ counters: [value('journal_rows_total', {}, 4)] });
    expect(metricsSections(withStranger).at(-1)?.title).toBe('Other');
  });

  it('give each histogram a table: labels, p50 / p95 / p99 / max with the unit, samples in window and total', () => {
    const sections = metricsSections(
      snapshot({
        histograms: [
          histogram('rest_request_ms', { route: 'GET /api/v1/positions' }, { p50: 41.26, max: 1_204.4 }),
          histogram('order_submit_to_ack_ms', { purpose: 'entry' }),
          histogram('rest_request_ms', { route: 'DELETE /api/v1/orders' }),
        ],
      }),
    );
    const latency = sections.find((s) => s.id === 'latency');
    expect(latency?.histograms.map((t) => t.title)).toEqual([
      'Order round-trip: submitted → acknowledged by KuCoin',
      'REST latency per endpoint',
    ]);
    const rest = latency?.histograms[1];
    expect(rest?.labelHeaders).toEqual(['Endpoint']);
    expect(rest?.help).toBe('rest_request_ms help');
    expect(rest?.rows.map((r) => r.labels[0])).toEqual(['DELETE /api/v1/orders', 'GET /api/v1/positions']);
    expect(rest?.rows[1]).toMatchObject({
      p50: '41.3 ms',
      p95: '20 ms',
      p99: '30 ms',
      max: '1,204 ms',
      inWindow: '3',
      total: '9',
    });
  });

  it('show — for a histogram with no sample in the window, never 0 ms', () => {
    const sections = metricsSections(
      snapshot({
        histograms: [
          histogram(
            'order_submit_to_fill_ms',
            { purpose: 'entry' },
            { count: 0, p50: 0, p95: 0, p99: 0, max: 0, total: 7 },
          ),
        ],
      }),
    );
    expect(sections[0]?.histograms[0]?.rows[0]).toMatchObject({
      p50: '—',
      p95: '—',
      p99: '—',
      max: '—',
      inWindow: '0',
      total: '7',
    });
  });

  it('put counters and gauges with the same labels side by side: calls, weight and quota left per pool', () => {
    const sections = metricsSections(
      snapshot({
        counters: [
          value('rest_weight_total', { pool: 'public' }, 1_240),
          value('rest_calls_total', { pool: 'public' }, 310),
          value('rest_calls_total', { pool: 'private' }, 42),
        ],
        gauges: [value('rate_limit_headroom_ratio', { pool: 'public' }, 0.875)],
      }),
    );
    const pools = sections.find((s) => s.id === 'rate-limits')?.values;
    expect(pools).toHaveLength(1);
    expect(pools?.[0]?.labelHeaders).toEqual(['Pool']);
    expect(pools?.[0]?.columns.map((c) => c.title)).toEqual([
      'Calls since start',
      'Weight spent since start',
      'Quota left now',
    ]);
    // The private pool has no weight or quota series: nothing is shown for it, not 0.
    expect(pools?.[0]?.rows.map((r) => [...r.labels, ...r.cells])).toEqual([
      ['private', '42', '—', '—'],
      ['public', '310', '1,240', '87.5 %'],
    ]);
  });

  it('keep metrics with other labels in a table of their own (deliveries per channel and outcome)', () => {
    const sections = metricsSections(
      snapshot({
        counters: [
          value('alert_deliveries_total', { channel: 'telegram', outcome: 'sent' }, 3),
          value('alert_deliveries_total', { channel: 'telegram', outcome: 'failed' }, 1),
        ],
        histograms: [histogram('alert_delivery_ms', { channel: 'telegram' })],
      }),
    );
    const alerts = sections.find((s) => s.id === 'alerts');
    expect(alerts?.histograms[0]?.title).toBe('Alert raised → accepted by the channel');
    expect(alerts?.values[0]?.labelHeaders).toEqual(['Channel', 'Outcome']);
    expect(alerts?.values[0]?.rows.map((r) => [...r.labels, ...r.cells])).toEqual([
      ['telegram', 'failed', '1'],
      ['telegram', 'sent', '3'],
    ]);
  });

  it('show seconds unprotected now and since start per contract', () => {
    const sections = metricsSections(
      snapshot({
        counters: [value('position_unprotected_seconds_total', { symbol: 'XBTUSDTM' }, 2.5)],
        gauges: [value('position_unprotected_seconds', { symbol: 'XBTUSDTM' }, 0)],
      }),
    );
    const protection = sections.find((s) => s.id === 'protection')?.values[0];
    expect(protection?.labelHeaders).toEqual(['Contract']);
    expect(protection?.columns.map((c) => c.title)).toEqual(['Unprotected now', 'Unprotected since start']);
    expect(protection?.rows[0]?.cells).toEqual(['0 s', '2.5 s']);
  });

  it('hide no series: an unknown one shows under Other with its own name, kind and labels', () => {
    const sections = metricsSections(
      snapshot({
        counters: [value('journal_rows_total', {}, 4)],
        gauges: [value('journal_queue_depth', { store: 'paper' }, 2)],
        histograms: [histogram('journal_write_ms', {})],
      }),
    );
    const other = sections.find((s) => s.id === 'other');
    expect(other?.histograms[0]).toMatchObject({ title: 'journal_write_ms', labelHeaders: ['Series'] });
    expect(other?.histograms[0]?.rows[0]?.labels).toEqual(['all']);
    expect(other?.values.map((t) => t.columns.map((c) => c.title))).toEqual([
      ['journal_queue_depth (now)'],
      ['journal_rows_total (since start)'],
    ]);
    expect(other?.values[0]?.rows[0]).toMatchObject({ labels: ['paper'], cells: ['2'] });
  });
});

describe('an empty snapshot', () => {
  it('is one with no series at all; samples count only what the window holds', () => {
    expect(isEmptySnapshot(snapshot())).toBe(true);
    const idle = snapshot({ histograms: [histogram('rest_request_ms', { route: 'x' }, { count: 0 })] });
    expect(isEmptySnapshot(idle)).toBe(false);
    expect(samplesInWindow(idle)).toBe(0);
    expect(samplesInWindow(snapshot({ histograms: [histogram('a_ms', {}), histogram('b_ms', {})] }))).toBe(6);
  });
});
