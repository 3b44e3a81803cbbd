import { useEffect, useRef, useState, type RefObject } from 'react';
import { toTradingError } from '../../../../shared/errors.ts';
import { call } from '../../bridge/index.ts';
import { marketStore, seriesKey } from '../../stores/market.store.ts';
import type { Timeframe } from '../../stores/settings.store.ts';
import { useTicketStore } from '../../stores/ticket.store.ts';
import { tradingStore } from '../../stores/trading.store.ts';
import type { HeldOrderLines } from '../chart-trading/held-order-lines.ts';
import { wireOrderDrag } from '../chart-trading/wire-order-drag.ts';
import { wireStopDrag } from '../chart-trading/wire-stop-drag.ts';
import { tradingColors } from '../../theme/theme.ts';
import { followBars, followPositionLines, followPriceFormat } from './chart-feed.ts';
import {
  chartBarSink,
  createCandleChart,
  followCrosshair,
  positionLineStyles,
  type CandleChart,
} from './chart-setup.ts';
import { followFills } from './fill-feed.ts';
import type { FillMarker } from './fill-markers.ts';
import { followHistoryScroll } from './history-scroll.ts';
import { createOhlcvLegend, type OhlcvLegend } from './ohlcv-legend.ts';
import { followOrderLines } from './order-line-feed.ts';
import { createPriceLineManager, type PriceLineManager } from './price-lines.ts';
import { timeframeSeconds } from './timeframe-seconds.ts';

/** The prices autoscale keeps on screen: the position's lines and the open orders' lines. */
interface InView {
  prices: number[];
  orders: number[];
}

/** What the feeds write to: created once per mount. */
interface ChartParts {
  readonly chart: CandleChart;
  readonly legend: OhlcvLegend;
  readonly lines: PriceLineManager;
  /** The open limit orders' lines, held while one is dragged. */
  readonly orderLines: HeldOrderLines;
}

/** The newest 1 000 fills of the symbol: more than one chart's worth of markers. */
const readFills = (symbol: string) => call('trading:query-journal', { kind: 'fill', symbol, limit: 1_000 });

/** A click on the chart fills the ticket: the limit price, or the stop price with Shift. */
function pickPrice(price: string, withShift: boolean): void {
  const ticket = useTicketStore.getState();
  if (withShift) ticket.setStopPrice(price);
  else ticket.setLimitPrice(price);
}

function createParts(
  container: HTMLElement,
  legendElement: HTMLElement,
  inView: InView,
  symbol: () => string,
): { parts: ChartParts; dispose: () => void } {
  const chart = createCandleChart(container, () => [...inView.prices, ...inView.orders]);
  const legend = createOhlcvLegend(legendElement, tradingColors);
  const stopCrosshair = followCrosshair(chart, legend);
  // Attached first: a press on an order's line is the order drag's and goes no further.
  const orders = wireOrderDrag({ container, chart: chart.chart, series: chart.series, symbol });
  // The position's lines go through the drag's hands, so a stop being dragged is not pulled back by a tick.
  const trading = wireStopDrag({
    container,
    chart: chart.chart,
    series: chart.series,
    lines: createPriceLineManager(chart.series, positionLineStyles),
    symbol,
    onPickPrice: pickPrice,
  });
  const parts = { chart, legend, lines: trading.lines, orderLines: orders.lines };
  return {
    parts,
    dispose: () => {
      orders.detach();
      trading.detach();
      stopCrosshair();
      chart.chart.remove();
    },
  };
}

/** Everything that follows one series (symbol and timeframe): bars, paging, fills. */
function followSeries(parts: ChartParts, symbol: string, timeframe: Timeframe): () => void {
  const key = seriesKey(symbol, timeframe);
  const stops = [
    followBars(chartBarSink(parts.chart, parts.legend), marketStore, key),
    followHistoryScroll(parts.chart.chart.timeScale(), marketStore, { symbol, timeframe }),
    followFills(
      {
        symbol,
        key,
        barSeconds: timeframeSeconds[timeframe],
        colors: tradingColors,
        setMarkers: (markers: FillMarker[]) => {
          parts.chart.markers.setMarkers(markers);
        },
      },
      { trading: tradingStore, market: marketStore },
      readFills,
    ),
  ];
  return () => {
    for (const stop of stops) stop();
  };
}

/** Everything that follows the symbol alone: its tick precision, the position's lines and its open orders' lines. */
function followSymbol(parts: ChartParts, symbol: string, inView: InView): () => void {
  const stopFormat = followPriceFormat(
    (format) => {
      parts.chart.series.applyOptions({ priceFormat: format });
      parts.legend.setPricePrecision(format.precision);
    },
    marketStore,
    symbol,
  );
  const stopLines = followPositionLines(parts.lines, tradingStore, symbol, inView);
  const stopOrders = followOrderLines(parts.orderLines, tradingStore, symbol, inView);
  return () => {
    stopFormat();
    stopLines();
    stopOrders();
  };
}

/**
 * The chart is created once per mount (refs, empty deps) and fed by store subscriptions, never
 * by React renders: ticks reach the canvas and the legend at most once per animation frame
 * (chart-feed.ts), and a symbol or timeframe switch re-subscribes and calls `setData`, it does
 * not rebuild the chart. Price lines are created once and moved (price-lines.ts).
 */
export function useCandleChart(
  containerRef: RefObject<HTMLDivElement | null>,
  legendRef: RefObject<HTMLDivElement | null>,
  symbol: string,
  timeframe: Timeframe,
): { readonly chartError: string | undefined } {
  const partsRef = useRef<ChartParts | null>(null);
  const [chartError, setChartError] = useState<string | undefined>(undefined);
  // Mutable on purpose: autoscale reads it on every pass, and it must not cause a render.
  const inViewRef = useRef<InView>({ prices: [], orders: [] });
  // The chart outlives a symbol switch; the drag asks for the symbol at the moment it starts.
  const symbolRef = useRef(symbol);
  symbolRef.current = symbol;
  useEffect(() => {
    const container = containerRef.current;
    const legendElement = legendRef.current;
    if (container === null || legendElement === null) return undefined;
    let created: ReturnType<typeof createParts>;
    try {
      created = createParts(container, legendElement, inViewRef.current, () => symbolRef.current);
    } catch (error) {
      // No usable canvas (a headless test DOM, a broken GPU process): say so, keep the rest of the app.
      setChartError(toTradingError(error).message);
      return undefined;
    }
    partsRef.current = created.parts;
    return () => {
      partsRef.current = null;
      created.dispose();
    };
  }, [containerRef, legendRef]);
  useEffect(
    () => (partsRef.current === null ? undefined : followSeries(partsRef.current, symbol, timeframe)),
    [symbol, timeframe],
  );
  useEffect(
    () => (partsRef.current === null ? undefined : followSymbol(partsRef.current, symbol, inViewRef.current)),
    [symbol],
  );
  return { chartError };
}
