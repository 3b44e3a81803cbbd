import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from './App.tsx';
import {
  createFakeBulwark,
  installFakeBulwark,
  removeFakeBulwark,
  type FakeBulwark,
} from './bridge/fake-bulwark.test-helper.ts';
import { startFeeds } from './stores/feeds.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// happy-dom has no 2D canvas, so lightweight-charts cannot draw here: stand in a chart library
// that fails the way a missing canvas does, which also exercises the chart's error path.
vi.mock('lightweight-charts', () => ({
  createChart: () => {
    throw new Error('no 2D canvas in this DOM');
  },
  CandlestickSeries: {},
  ColorType: { Solid: 'solid' },
  LineStyle: { Solid: 0, Dotted: 1, Dashed: 2 },
}));

const byTestId = (id: string): HTMLElement => {
  const element = document.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  if (element === null) throw new Error(`no element with data-testid=${id}`);
  return element;
};

describe('App shell', () => {
  let fake: FakeBulwark;
  let root: Root;
  let stopFeeds: () => void;

  beforeEach(async () => {
    fake = createFakeBulwark({
      'app:get-status': () => ({
        ok: true,
        value: { mode: 'paper', version: '0.1.0', startedAt: 1, uptimeMs: 0, venueUrl: 'http://127.0.0.1:1' },
      }),
    });
    installFakeBulwark(fake);
    const container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
    await act(async () => {
      stopFeeds = startFeeds();
      root.render(<App />);
      await Promise.resolve();
    });
  });

  afterEach(() => {
    act(() => {
      root.unmount();
    });
    stopFeeds();
    removeFakeBulwark();
    document.body.innerHTML = '';
  });

  it('shows the product name and the PAPER badge from app:get-status', () => {
    expect(byTestId('product-name').textContent).toBe('Bulwark');
    expect(byTestId('mode-badge').textContent).toBe('PAPER');
  });

  it('puts each heartbeat into the status bar', () => {
    act(() => {
      fake.emit('app:heartbeat', { seq: 42, at: 1, mode: 'paper', uptimeMs: 61_000 });
    });
    expect(byTestId('status-heartbeat-seq').textContent).toBe('42');
    expect(byTestId('status-connection').dataset.connection).toBe('live');
    expect(byTestId('status-bar').textContent).toContain('1m 01s');
  });

  it('opens on the Trade view; a chart that cannot start says so and the ticket still works', () => {
    expect(byTestId('view-trade')).toBeTruthy();
    expect(byTestId('chart-error').textContent).toContain('no 2D canvas');
    expect(byTestId('order-ticket')).toBeTruthy();
  });

  it('says LIVE when the engine trades real money', () => {
    act(() => {
      fake.emit('app:heartbeat', { seq: 1, at: 1, mode: 'live', uptimeMs: 1 });
    });
    expect(byTestId('mode-badge').textContent).toBe('LIVE');
    expect(byTestId('mode-badge').dataset.mode).toBe('live');
  });

  it('lists the views in order, Metrics after Health', () => {
    const nav = document.querySelector('nav[aria-label="Views"]');
    expect([...(nav?.querySelectorAll('button') ?? [])].map((b) => b.textContent)).toEqual([
      'Trade',
      'Journal',
      'Track record',
      'Health',
      'Metrics',
      'Settings',
    ]);
  });

  it('switches views from the navbar', () => {
    act(() => {
      byTestId('nav-health').click();
    });
    expect(byTestId('view-health')).toBeTruthy();
    act(() => {
      byTestId('nav-metrics').click();
    });
    expect(byTestId('view-metrics').querySelector('h2')?.textContent).toBe('Metrics');
    expect(byTestId('nav-metrics').getAttribute('aria-current')).toBe('page');
  });
});
