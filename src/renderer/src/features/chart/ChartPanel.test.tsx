import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createFakeBulwark,
  installFakeBulwark,
  removeFakeBulwark,
  type FakeBulwark,
} from '../../bridge/fake-bulwark.test-helper.ts';
import { createMarketStore, marketStore, type Bar } from '../../stores/market.store.ts';
import { useSettingsStore } from '../../stores/settings.store.ts';
import { createTradingStore, tradingStore } from '../../stores/trading.store.ts';
import { byTestId, render, type Rendered } from '../../test/render.test-helper.tsx';
import { ChartPanel } from './ChartPanel.tsx';
import { xbtContract } from '../../test/fixtures.test-helper.ts';

/**
 * happy-dom has no 2D canvas: a stand-in chart library that records what the panel asks of it
 * and lets the test move the crosshair and scroll, the way lightweight-charts would call back.
 */
const chartLib = vi.hoisted(() => {
  interface FakeSeries {
    type: string;
    paneIndex: number | undefined;
    setData: { time: unknown }[][];
    updates: { time: unknown }[];
    setDataCalls: number;
    /** The object the panel got from addSeries: crosshair events key their data by it. */
    api: unknown;
  }
  const state = {
    series: [] as FakeSeries[],
    markers: [] as unknown[][],
    /** The series the markers plugin was attached to. */
    markerHost: undefined as unknown,
    crosshair: undefined as ((event: unknown) => void) | undefined,
    range: undefined as ((range: { from: number; to: number } | null) => void) | undefined,
  };
  const makeSeries = (type: string, paneIndex: number | undefined) => {
    const record: FakeSeries = { type, paneIndex, setData: [], updates: [], setDataCalls: 0, api: undefined };
    state.series.push(record);
    const api = {
      setData: (data: { time: unknown }[]) => {
        record.setData.push(data);
        record.setDataCalls++;
      },
      update: (point: { time: unknown }) => record.updates.push(point),
      applyOptions: () => undefined,
      createPriceLine: () => ({ applyOptions: () => undefined, options: () => ({}) }),
    };
    record.api = api;
    return api;
  };
  const chart = {
    addSeries: (definition: { type: string }, _options: unknown, paneIndex?: number) =>
      makeSeries(definition.type, paneIndex),
    panes: () => [{ setStretchFactor: () => undefined }, { setStretchFactor: () => undefined }],
    subscribeCrosshairMove: (handler: (event: unknown) => void) => {
      state.crosshair = handler;
    },
    unsubscribeCrosshairMove: () => {
      state.crosshair = undefined;
    },
    timeScale: () => ({
      subscribeVisibleLogicalRangeChange: (handler: (range: { from: number; to: number } | null) => void) => {
        state.range = handler;
      },
      unsubscribeVisibleLogicalRangeChange: () => {
        state.range = undefined;
      },
    }),
    remove: () => undefined,
  };
  return { state, chart };
});

vi.mock('lightweight-charts', () => ({
  createChart: () => chartLib.chart,
  createSeriesMarkers: (host: unknown) => {
    chartLib.state.markerHost = host;
    return {
      setMarkers: (markers: unknown[]) => chartLib.state.markers.push(markers),
      markers: () => [],
      detach: () => undefined,
    };
  },
  CandlestickSeries: { type: 'Candlestick' },
  HistogramSeries: { type: 'Histogram' },
  LineSeries: { type: 'Line' },
  ColorType: { Solid: 'solid' },
  LineStyle: { Solid: 0, Dotted: 1, Dashed: 2 },
}));

const key = 'XBTUSDTM:15m';
const t0 = 1_700_000_100; // a 15-minute boundary
const bars: Bar[] = [
  { time: t0, open: 90_000, high: 90_050.5, low: 89_950, close: 90_020.2, volume: 1_500 },
  { time: t0 + 900, open: 90_020.2, high: 90_030, low: 89_900.1, close: 89_910, volume: 812 },
];
const contract = { ...xbtContract, maxLeverage: 100 };

const legend = (): HTMLElement => byTestId('chart-legend-ohlcv');
const nextFrame = (): Promise<void> =>
  act(
    () =>
      new Promise<void>((resolve) => {
        requestAnimationFrame(() => {
          resolve();
        });
      }),
  );
const candles = () => chartLib.state.series.find((s) => s.type === 'Candlestick');
const volume = () => chartLib.state.series.find((s) => s.type === 'Histogram');

let fake: FakeBulwark;
let rendered: Rendered | undefined;

beforeEach(async () => {
  chartLib.state.series = [];
  chartLib.state.markers = [];
  useSettingsStore.setState({ symbol: 'XBTUSDTM', timeframe: '15m' });
  tradingStore.setState(createTradingStore().getState(), true);
  marketStore.setState(createMarketStore().getState(), true);
  marketStore.setState({
    contracts: { XBTUSDTM: contract },
    history: { [key]: { bars, loadedAt: 1 } },
  });
  fake = createFakeBulwark({
    'trading:query-journal': () => ({
      ok: true,
      value: [
        {
          seq: 7,
          at: (t0 + 960) * 1000,
          kind: 'fill',
          symbol: 'XBTUSDTM',
          data: { side: 'buy', sizeLots: 2, price: '89915', tradeId: 't1' },
        },
      ],
    }),
    'market:get-candles': () => ({
      ok: true,
      value: [{ openTimeMs: (t0 - 900) * 1000, open: 1, high: 2, low: 0.5, close: 1.5, volume: 9 }],
    }),
  });
  installFakeBulwark(fake);
  rendered = render(<ChartPanel />);
  await act(async () => {
    await Promise.resolve();
  });
});

afterEach(() => {
  rendered?.unmount();
  rendered = undefined;
  removeFakeBulwark();
});

describe('chart legend', () => {
  it('shows the last bar’s O H L C V at the contract’s tick when the crosshair is on no bar', () => {
    expect(legend().textContent).toBe('O 90020.2  H 90030.0  L 89900.1  C 89910.0  V 812');
    expect(legend().dataset.direction).toBe('down');
  });

  it('shows the bar under the crosshair, and the last bar again when the crosshair leaves', () => {
    act(() => {
      chartLib.state.crosshair?.({
        time: t0,
        seriesData: new Map<unknown, unknown>([
          [candles()?.api, { time: t0, open: 90_000, high: 90_050.5, low: 89_950, close: 90_020.2 }],
          [volume()?.api, { time: t0, value: 1_500 }],
        ]),
      });
    });
    expect(legend().textContent).toBe('O 90000.0  H 90050.5  L 89950.0  C 90020.2  V 1.5K');
    expect(legend().dataset.direction).toBe('up');
    act(() => {
      chartLib.state.crosshair?.({ time: undefined, seriesData: new Map() });
    });
    expect(legend().textContent).toContain('C 89910.0');
    // The volume histogram lives in its own pane under the candles.
    expect(volume()?.paneIndex).toBe(1);
  });

  it('follows the live bar at most once per frame, without waiting for a mouse move', async () => {
    for (const close of [89_920, 89_930, 89_940.4]) {
      act(() => {
        marketStore.setState({ latest: { [key]: { ...bars[1], close, volume: 900 } as Bar } });
      });
    }
    expect(legend().textContent).toContain('C 89910.0');
    await nextFrame();
    expect(legend().textContent).toBe('O 90020.2  H 90030.0  L 89900.1  C 89940.4  V 900');
    expect(candles()?.updates).toHaveLength(1);
    expect(volume()?.updates).toEqual([{ time: t0 + 900, value: 900, color: expect.any(String) as string }]);
  });
});

describe('chart panel', () => {
  it('fills its parent’s height', () => {
    expect(byTestId('chart-panel').style.height).toBe('100%');
    expect(byTestId('chart-canvas')).toBeTruthy();
  });

  it('marks our fills from the journal: a buy below the bar it fell in', () => {
    expect(fake.calls.find((c) => c.channel === 'trading:query-journal')?.request).toMatchObject({
      kind: 'fill',
      symbol: 'XBTUSDTM',
    });
    expect(chartLib.state.markers.at(-1)).toEqual([
      expect.objectContaining({
        time: t0 + 900,
        price: 89_915,
        position: 'atPriceBottom',
        shape: 'arrowUp',
        text: 'Buy 2 @ 89915.0',
      }),
    ]);
    // On a series of their own, one point per marked bar, not on the candles: the markers plugin
    // redraws the whole chart on every data change of its series.
    const host = chartLib.state.series.find((series) => series.api === chartLib.state.markerHost);
    expect(host?.type).toBe('Line');
    expect(host?.setData.at(-1)).toEqual([{ time: t0 + 900, value: 89_915 }]);
  });

  it('loads the page before the first bar when the trader scrolls near it, and draws it in front', async () => {
    act(() => {
      chartLib.state.range?.({ from: 200, to: 300 });
    });
    expect(fake.calls.some((c) => c.channel === 'market:get-candles')).toBe(false);
    await act(async () => {
      chartLib.state.range?.({ from: 20, to: 120 });
      await Promise.resolve();
    });
    expect(fake.calls.find((c) => c.channel === 'market:get-candles')?.request).toMatchObject({
      symbol: 'XBTUSDTM',
      timeframe: '15m',
      endMs: t0 * 1000,
    });
    expect(
      candles()
        ?.setData.at(-1)
        ?.map((point) => point.time),
    ).toEqual([t0 - 900, t0, t0 + 900]);
  });
});
