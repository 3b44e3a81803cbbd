import {
  CandlestickSeries,
  ColorType,
  createChart,
  createSeriesMarkers,
  HistogramSeries,
  LineSeries,
  LineStyle,
  type AutoscaleInfo,
  type IChartApi,
  type ISeriesApi,
  type UTCTimestamp,
} from 'lightweight-charts';
import { tradingColors } from '../../theme/theme.ts';
import type { Bar } from '../../stores/market.store.ts';
import { includePrices } from './autoscale.ts';
import type { BarSink } from './chart-feed.ts';
import { barUnderCrosshair } from './crosshair-bar.ts';
import type { FillMarker } from './fill-markers.ts';
import type { OhlcvLegend } from './ohlcv-legend.ts';
import type { PriceLineStyles } from './price-lines.ts';
import { toVolumeBar, type VolumeColors } from './volume-bars.ts';

/** How the four position lines look on the chart. */
export const positionLineStyles: PriceLineStyles = {
  entry: { color: tradingColors.entry, title: 'Entry', lineStyle: LineStyle.Solid },
  stop: { color: tradingColors.stop, title: 'Stop', lineStyle: LineStyle.Dashed },
  trailing: { color: tradingColors.trailing, title: 'Trailing stop', lineStyle: LineStyle.Dashed },
  'take-profit': { color: tradingColors.takeProfit, title: 'Take-profit', lineStyle: LineStyle.Dashed },
  liquidation: { color: tradingColors.liquidation, title: 'Liquidation', lineStyle: LineStyle.Dotted },
};

/** Volume in the candles' colours, half transparent so the pane reads as secondary. */
export const volumeColors: VolumeColors = { up: `${tradingColors.up}80`, down: `${tradingColors.down}80` };

/** The volume pane's share of the chart's height (the candles keep the rest). */
const volumePaneShare = 0.22;

/** The chart, its candles, the volume pane's histogram and the fill markers on the candles. */
export interface CandleChart {
  readonly chart: IChartApi;
  readonly series: ISeriesApi<'Candlestick'>;
  readonly volume: ISeriesApi<'Histogram'>;
  readonly markers: FillMarkerLayer;
}

/** Where our fills are marked on the chart. */
export interface FillMarkerLayer {
  setMarkers(markers: readonly FillMarker[]): void;
}

/**
 * Our fills' markers on a series of their own that draws nothing else: one invisible point per
 * marked bar on the candles' price scale, left out of autoscale. lightweight-charts' markers plugin
 * asks for a full redraw of the chart (price axes re-measured, panes re-laid-out, and so a second
 * frame) on every data change of the series it is attached to; on the candles that was every tick.
 * On this series it is only when our fills change (ADR 0560).
 */
function createFillMarkerLayer(chart: IChartApi): FillMarkerLayer {
  const anchor = chart.addSeries(LineSeries, {
    lineVisible: false,
    pointMarkersVisible: false,
    lastValueVisible: false,
    priceLineVisible: false,
    crosshairMarkerVisible: false,
    autoscaleInfoProvider: () => null,
  });
  const plugin = createSeriesMarkers(anchor, []);
  return {
    setMarkers: (markers) => {
      const points = new Map<number, number>();
      for (const marker of markers) if (!points.has(marker.time)) points.set(marker.time, marker.price);
      anchor.setData([...points].map(([time, value]) => ({ time: time as UTCTimestamp, value })));
      plugin.setMarkers(markers.map((marker) => ({ ...marker, time: marker.time as UTCTimestamp })));
    },
  };
}

/**
 * Creates the chart (dark, sized by its container: `autoSize`), its candle series in the first
 * pane and the volume histogram in a second pane under it (lightweight-charts v5 panes: the
 * third argument of `addSeries`). `keepInView` returns the prices autoscale must include (entry,
 * stop, trailing), read at every autoscale pass.
 */
export function createCandleChart(container: HTMLElement, keepInView: () => readonly number[]): CandleChart {
  const chart = createChart(container, {
    autoSize: true,
    layout: {
      background: { type: ColorType.Solid, color: 'transparent' },
      textColor: '#c1c2c5',
      attributionLogo: true,
      panes: { separatorColor: '#2c2e33' },
    },
    grid: { vertLines: { color: '#2c2e33' }, horzLines: { color: '#2c2e33' } },
    timeScale: { timeVisible: true, secondsVisible: false },
  });
  const series = chart.addSeries(CandlestickSeries, {
    upColor: tradingColors.up,
    downColor: tradingColors.down,
    wickUpColor: tradingColors.up,
    wickDownColor: tradingColors.down,
    borderVisible: false,
    autoscaleInfoProvider: (base: () => AutoscaleInfo | null) => includePrices(base(), keepInView()),
  });
  const volume = chart.addSeries(
    HistogramSeries,
    { priceFormat: { type: 'volume' }, priceLineVisible: false, lastValueVisible: false },
    1,
  );
  const [candlePane, volumePane] = chart.panes();
  candlePane?.setStretchFactor(1 - volumePaneShare);
  volumePane?.setStretchFactor(volumePaneShare);
  return { chart, series, volume, markers: createFillMarkerLayer(chart) };
}

/** Our bar as lightweight-charts' candle (time is branded UTCTimestamp seconds). */
export function toCandle(bar: Bar): {
  time: UTCTimestamp;
  open: number;
  high: number;
  low: number;
  close: number;
} {
  return { time: bar.time as UTCTimestamp, open: bar.open, high: bar.high, low: bar.low, close: bar.close };
}

function toVolumePoint(bar: Bar): { time: UTCTimestamp; value: number; color: string } {
  const point = toVolumeBar(bar, volumeColors);
  return { ...point, time: point.time as UTCTimestamp };
}

/** Sends each bar to the candles, the volume pane and the legend's "last bar" together. */
export function chartBarSink(chart: CandleChart, legend: OhlcvLegend): BarSink {
  return {
    setBars: (bars) => {
      chart.series.setData(bars.map(toCandle));
      chart.volume.setData(bars.map(toVolumePoint));
      legend.setLast(bars.at(-1));
    },
    updateBar: (bar) => {
      chart.series.update(toCandle(bar));
      chart.volume.update(toVolumePoint(bar));
      legend.setLast(bar);
    },
  };
}

/** Shows the bar under the crosshair in the legend, and the last bar again when it leaves. */
export function followCrosshair(chart: CandleChart, legend: OhlcvLegend): () => void {
  const onMove = (event: Parameters<Parameters<IChartApi['subscribeCrosshairMove']>[0]>[0]): void => {
    legend.hover(barUnderCrosshair(event, chart.series, chart.volume));
  };
  chart.chart.subscribeCrosshairMove(onMove);
  return () => {
    chart.chart.unsubscribeCrosshairMove(onMove);
  };
}
