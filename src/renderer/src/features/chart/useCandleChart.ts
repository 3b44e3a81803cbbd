import type { ISeriesApi } from 'lightweight-charts';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { toTradingError } from '../../../../shared/errors.ts';
import { marketStore } from '../../stores/market.store.ts';
import { tradingStore } from '../../stores/trading.store.ts';
import { followBars, followPositionLines, followPriceFormat } from './chart-feed.ts';
import { createCandleChart, positionLineStyles } from './chart-setup.ts';
import { createPriceLineManager, type PriceLineManager } from './price-lines.ts';

/**
 * The chart is created once per mount (refs, empty deps) and fed by store subscriptions, never
 * by React renders; a symbol or timeframe switch re-subscribes and calls `setData`, it does not
 * rebuild the chart. Price lines are created once and moved (price-lines.ts).
 */
export function useCandleChart(
  containerRef: RefObject<HTMLDivElement | null>,
  symbol: string,
  key: string,
): { readonly chartError: string | undefined } {
  const seriesRef = useRef<ISeriesApi<'Candlestick'> | null>(null);
  const linesRef = useRef<PriceLineManager | null>(null);
  const [chartError, setChartError] = useState<string | undefined>(undefined);
  // Mutable on purpose: autoscale reads it on every pass, and it must not cause a render.
  const inViewRef = useRef<{ prices: number[] }>({ prices: [] });
  useEffect(() => {
    const container = containerRef.current;
    if (container === null) return undefined;
    let created: ReturnType<typeof createCandleChart>;
    try {
      created = createCandleChart(container, () => inViewRef.current.prices);
    } catch (error) {
      // No usable canvas (a headless test DOM, a broken GPU process): say so, keep the rest of the app.
      setChartError(toTradingError(error).message);
      return undefined;
    }
    const { chart, series } = created;
    seriesRef.current = series;
    linesRef.current = createPriceLineManager(series, positionLineStyles);
    return () => {
      seriesRef.current = null;
      linesRef.current = null;
      chart.remove();
    };
  }, [containerRef]);
  useEffect(
    () => (seriesRef.current === null ? undefined : followBars(seriesRef.current, marketStore, key)),
    [key],
  );
  useEffect(
    () =>
      seriesRef.current === null ? undefined : followPriceFormat(seriesRef.current, marketStore, symbol),
    [symbol],
  );
  useEffect(
    () =>
      linesRef.current === null
        ? undefined
        : followPositionLines(linesRef.current, tradingStore, symbol, inViewRef.current),
    [symbol],
  );
  return { chartError };
}
