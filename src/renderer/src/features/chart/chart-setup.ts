import {
  CandlestickSeries,
  ColorType,
  createChart,
  LineStyle,
  type AutoscaleInfo,
  type IChartApi,
  type ISeriesApi,
  type UTCTimestamp,
} from 'lightweight-charts';
import { tradingColors } from '../../theme/theme.ts';
import type { Bar } from '../../stores/market.store.ts';
import { includePrices } from './autoscale.ts';
import type { PriceLineStyles } from './price-lines.ts';

/** How the four position lines look on the chart. */
export const positionLineStyles: PriceLineStyles = {
  entry: { color: tradingColors.entry, title: 'Entry', lineStyle: LineStyle.Solid },
  stop: { color: tradingColors.stop, title: 'Stop', lineStyle: LineStyle.Dashed },
  trailing: { color: tradingColors.trailing, title: 'Trailing stop', lineStyle: LineStyle.Dashed },
  liquidation: { color: tradingColors.liquidation, title: 'Liquidation', lineStyle: LineStyle.Dotted },
};

/**
 * Creates the chart (dark, sized by its container) and its candle series. `keepInView` returns
 * the prices autoscale must include (entry, stop, trailing), read at every autoscale pass.
 */
export function createCandleChart(
  container: HTMLElement,
  keepInView: () => readonly number[],
): { chart: IChartApi; series: ISeriesApi<'Candlestick'> } {
  const chart = createChart(container, {
    autoSize: true,
    layout: {
      background: { type: ColorType.Solid, color: 'transparent' },
      textColor: '#c1c2c5',
      attributionLogo: true,
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
  return { chart, series };
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
