import type { ISeriesApi } from 'lightweight-charts';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { toTradingError } from '../../../../shared/errors.ts';
import { marketStore, type Bar, type BarHistory } from '../../stores/market.store.ts';
import { tradingStore } from '../../stores/trading.store.ts';
import { createCandleChart, positionLineStyles, toCandle } from './chart-setup.ts';
import { createFrameCoalescer } from './frame-coalescer.ts';
import { positionLinePrices } from './position-lines.ts';
import { priceFormatFor } from './price-format.ts';
import { createPriceLineManager, type PriceLineManager } from './price-lines.ts';

/** Feeds one series key's history (setData) and ticks (coalesced update) into the series. */
function followBars(series: ISeriesApi<'Candlestick'>, key: string): () => void {
  let history: BarHistory | undefined;
  let lastTime = Number.NEGATIVE_INFINITY;
  const coalescer = createFrameCoalescer<Bar>((_key, bar) => {
    // `update` with an older time throws; a late tick for a closed bar is dropped, not drawn.
    if (bar.time < lastTime) return;
    lastTime = bar.time;
    series.update(toCandle(bar));
  });
  const sync = (state: ReturnType<typeof marketStore.getState>): void => {
    const next = state.history[key];
    if (next !== history) {
      history = next;
      coalescer.dispose();
      series.setData((next?.bars ?? []).map(toCandle));
      lastTime = next?.bars.at(-1)?.time ?? Number.NEGATIVE_INFINITY;
    }
    const bar = state.latest[key];
    if (bar !== undefined) coalescer.push(key, bar);
  };
  sync(marketStore.getState());
  const unsubscribe = marketStore.subscribe((state, previous) => {
    if (state.history[key] !== previous.history[key] || state.latest[key] !== previous.latest[key])
      sync(state);
  });
  return () => {
    unsubscribe();
    coalescer.dispose();
  };
}

/** Shows prices at the symbol's tick precision once its contract is known. */
function followPriceFormat(series: ISeriesApi<'Candlestick'>, symbol: string): () => void {
  const sync = (): void => {
    const contract = marketStore.getState().contracts[symbol];
    const format = contract === undefined ? undefined : priceFormatFor(contract.tickSize);
    if (format !== undefined) series.applyOptions({ priceFormat: format });
  };
  sync();
  return marketStore.subscribe((state, previous) => {
    if (state.contracts[symbol] !== previous.contracts[symbol]) sync();
  });
}

/** The lines' prices autoscale keeps on screen (not liquidation: see autoscale.ts). */
function inViewPrices(prices: ReturnType<typeof positionLinePrices>): number[] {
  return [prices.entry, prices.stop, prices.trailing].filter((price) => price !== undefined);
}

/** Moves the position's lines for `symbol` whenever its position or trailing stop changes. */
function followPositionLines(
  lines: PriceLineManager,
  symbol: string,
  inView: { prices: number[] },
): () => void {
  const sync = (): void => {
    const state = tradingStore.getState();
    const prices = positionLinePrices(state.positions[symbol], state.trailing[symbol]?.stopPrice);
    inView.prices = inViewPrices(prices);
    lines.setAll(prices);
  };
  sync();
  return tradingStore.subscribe((state, previous) => {
    if (
      state.positions[symbol] !== previous.positions[symbol] ||
      state.trailing[symbol] !== previous.trailing[symbol]
    ) {
      sync();
    }
  });
}

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
  useEffect(() => (seriesRef.current === null ? undefined : followBars(seriesRef.current, key)), [key]);
  useEffect(
    () => (seriesRef.current === null ? undefined : followPriceFormat(seriesRef.current, symbol)),
    [symbol],
  );
  useEffect(
    () =>
      linesRef.current === null
        ? undefined
        : followPositionLines(linesRef.current, symbol, inViewRef.current),
    [symbol],
  );
  return { chartError };
}
