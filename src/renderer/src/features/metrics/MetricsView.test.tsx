import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createFakeBulwark,
  failure,
  installFakeBulwark,
  removeFakeBulwark,
  type FakeBulwark,
} from '../../bridge/fake-bulwark.test-helper.ts';
import { formatClockTime } from '../../components/format.ts';
import { byTestId, hasTestId, render, type Rendered } from '../../test/render.test-helper.tsx';
import type { MetricsSnapshot } from './metric-sections.ts';
import { MetricsView } from './MetricsView.tsx';

const T = Date.UTC(2026, 11, 5, 9, 30);

/** A snapshot as main's registry makes one after a few minutes of paper trading. */
function busySnapshot(at = T): MetricsSnapshot {
  const help = (name: string) => `${name} help`;
  return {
    at,
    windowMs: 300_000,
    histograms: [
      {
        name: 'order_submit_to_ack_ms',
        help: help('ack'),
        labels: { purpose: 'entry' },
        count: 4,
        p50: 38.64,
        p95: 61.2,
        p99: 61.2,
        max: 61.2,
        total: 4,
      },
      {
        name: 'order_submit_to_fill_ms',
        help: help('fill'),
        labels: { purpose: 'entry' },
        count: 0,
        p50: 0,
        p95: 0,
        p99: 0,
        max: 0,
        total: 2,
      },
      {
        name: 'rest_request_ms',
        help: help('rest'),
        labels: { route: 'GET /api/v1/positions' },
        count: 120,
        p50: 0.42,
        p95: 1.5,
        p99: 3.25,
        max: 1_204.4,
        total: 1_532,
      },
      {
        name: 'ws_messages_per_second',
        help: help('ws'),
        labels: { stream: 'public' },
        count: 290,
        p50: 12.46,
        p95: 30,
        p99: 41,
        max: 55,
        total: 290,
      },
    ],
    counters: [
      {
        name: 'rest_calls_total',
        help: 'REST calls per KuCoin rate-limit pool.',
        labels: { pool: 'public' },
        value: 310,
      },
      {
        name: 'rest_weight_total',
        help: 'Rate-limit weight spent per pool.',
        labels: { pool: 'public' },
        value: 1_240,
      },
      {
        name: 'rest_errors_total',
        help: 'Failed REST calls by error class.',
        labels: { class: 'timeout' },
        value: 2,
      },
      { name: 'ws_reconnects_total', help: help('reconnects'), labels: { stream: 'public' }, value: 0 },
      {
        name: 'position_unprotected_seconds_total',
        help: help('naked total'),
        labels: { symbol: 'XBTUSDTM' },
        value: 2.5,
      },
      {
        name: 'alert_deliveries_total',
        help: help('deliveries'),
        labels: { channel: 'desktop', outcome: 'sent' },
        value: 3,
      },
      { name: 'journal_rows_total', help: 'Rows the journal wrote.', labels: {}, value: 77 },
    ],
    gauges: [
      {
        name: 'position_unprotected_seconds',
        help: help('naked now'),
        labels: { symbol: 'XBTUSDTM' },
        value: 0,
      },
      { name: 'rate_limit_headroom_ratio', help: help('headroom'), labels: { pool: 'public' }, value: 0.875 },
    ],
  };
}

function cells(row: Element): string[] {
  return [...row.querySelectorAll('th, td')].map((cell) => cell.textContent);
}

const flush = () =>
  act(async () => {
    await vi.advanceTimersByTimeAsync(0);
  });
const wait = (ms: number) =>
  act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });

let rendered: Rendered | undefined;
beforeEach(() => {
  vi.useFakeTimers({ now: T });
});
afterEach(() => {
  rendered?.unmount();
  rendered = undefined;
  removeFakeBulwark();
  vi.useRealTimers();
});

function install(answer: Parameters<typeof createFakeBulwark>[0][string]): FakeBulwark {
  const fake = createFakeBulwark({ 'metrics:get-snapshot': answer });
  installFakeBulwark(fake);
  return fake;
}

describe('MetricsView', () => {
  it('says it is asking until the first snapshot arrives, then shows the window and when it was taken', async () => {
    install(() => ({ ok: true, value: busySnapshot() }));
    rendered = render(<MetricsView />);
    expect(byTestId('load-state').dataset.load).toBe('loading');
    await flush();
    expect(hasTestId('load-state')).toBe(false);
    expect(byTestId('metrics-window').textContent).toContain('last 5 min');
    expect(byTestId('metrics-taken').textContent).toContain(`Taken at ${formatClockTime(T)}`);
  });

  it('groups the series into the trader’s sections, with captioned tables and header rows', async () => {
    install(() => ({ ok: true, value: busySnapshot() }));
    rendered = render(<MetricsView />);
    await flush();
    const headings = [...document.querySelectorAll('section h3')].map((h) => h.textContent);
    expect(headings).toEqual([
      'Latency',
      'Rate-limit pools',
      'Errors by class',
      'Streams',
      'Protection',
      'Alert deliveries',
      'Other',
    ]);
    const rest = byTestId('metrics-histogram-rest_request_ms');
    expect(rest.querySelector('caption')?.textContent).toContain('REST latency per endpoint');
    expect([...rest.querySelectorAll('thead th')].map((th) => th.getAttribute('scope'))).toEqual(
      Array(7).fill('col'),
    );
    expect(cells(rest.querySelectorAll('tbody tr')[0] ?? rest)).toEqual([
      'GET /api/v1/positions',
      '0.42 ms',
      '1.5 ms',
      '3.3 ms',
      '1,204 ms',
      '120',
      '1,532',
    ]);
    expect(rest.querySelector('tbody th')?.getAttribute('scope')).toBe('row');
    const pools = byTestId('metrics-section-rate-limits').querySelector('tbody tr');
    expect(cells(pools ?? rest)).toEqual(['public', '310', '1,240', '87.5 %']);
    expect(byTestId('metrics-section-errors').textContent).toContain('timeout');
    expect(cells(byTestId('metrics-section-protection').querySelector('tbody tr') ?? rest)).toEqual([
      'XBTUSDTM',
      '0 s',
      '2.5 s',
    ]);
    expect(byTestId('metrics-section-other').textContent).toContain('journal_rows_total');
  });

  it('shows — for a histogram with no sample in the window, never 0 ms', async () => {
    install(() => ({ ok: true, value: busySnapshot() }));
    rendered = render(<MetricsView />);
    await flush();
    const fill = byTestId('metrics-histogram-order_submit_to_fill_ms').querySelector('tbody tr');
    expect(cells(fill ?? document.body)).toEqual(['entry', '—', '—', '—', '—', '0', '2']);
  });

  it('asks every 2 s while open and stops once the page is left', async () => {
    let at = T;
    const fake = install(() => ({ ok: true, value: busySnapshot((at += 2_000)) }));
    rendered = render(<MetricsView />);
    await flush();
    expect(fake.calls).toHaveLength(1);
    await wait(2_000);
    expect(fake.calls).toHaveLength(2);
    expect(byTestId('metrics-taken').textContent).toContain(formatClockTime(T + 4_000));
    rendered.unmount();
    rendered = undefined;
    await wait(10_000);
    expect(fake.calls).toHaveLength(2);
  });

  it('says no samples yet in the last N when nothing has been recorded', async () => {
    install(() => ({
      ok: true,
      value: { at: T, windowMs: 60_000, histograms: [], counters: [], gauges: [] },
    }));
    rendered = render(<MetricsView />);
    await flush();
    expect(byTestId('empty-state').textContent).toContain('No samples yet in the last 60 s');
    expect(hasTestId('metrics-section-latency')).toBe(false);
  });

  it('shows why the metrics could not be read and what to do, and no figures', async () => {
    install(() =>
      failure({ name: 'TradingError', code: 'internal-error', message: 'The registry is gone', details: {} }),
    );
    rendered = render(<MetricsView />);
    await flush();
    expect(byTestId('metrics-error-message').textContent).toBe('The registry is gone (internal-error)');
    expect(byTestId('metrics-error').textContent).toContain('tries again every 2 s');
    expect(hasTestId('metrics-section-latency')).toBe(false);
    expect(hasTestId('load-state')).toBe(false);
  });

  it('keeps the last snapshot with its time when a later ask fails, and says so', async () => {
    let fail = false;
    install(() =>
      fail
        ? failure({ name: 'ConnectionError', code: 'bridge-call-failed', message: 'No answer', details: {} })
        : { ok: true, value: busySnapshot() },
    );
    rendered = render(<MetricsView />);
    await flush();
    fail = true;
    await wait(2_000);
    expect(byTestId('metrics-error-stale').textContent).toContain('last snapshot that arrived');
    expect(byTestId('metrics-taken').textContent).toContain(formatClockTime(T));
    fail = false;
    await wait(2_000);
    expect(hasTestId('metrics-error')).toBe(false);
  });
});
