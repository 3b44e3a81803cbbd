import type { ISeriesApi } from 'lightweight-charts';
import type { Bar, BarHistory, MarketStore } from '../../stores/market.store.ts';
import type { TradingStore } from '../../stores/trading.store.ts';
import { toCandle } from './chart-setup.ts';
import { animationFrameScheduler, createFrameCoalescer, type FrameScheduler } from './frame-coalescer.ts';
import { positionLinePrices } from './position-lines.ts';
import { priceFormatFor } from './price-format.ts';
import type { PriceLineManager } from './price-lines.ts';

/** The part of a candlestick series the feeds drive (a fake in tests: the real one needs a canvas). */
export type CandleSeries = Pick<ISeriesApi<'Candlestick'>, 'setData' | 'update' | 'applyOptions'>;

/** Feeds one series key's history (setData) and ticks (coalesced update) into the series. */
export function followBars(
  series: CandleSeries,
  marketStore: MarketStore,
  key: string,
  scheduler: FrameScheduler = animationFrameScheduler,
): () => void {
  // `null` = nothing set yet: the first sync always calls setData, so a symbol or timeframe
  // switch clears the previous series' bars even when the new one has no history yet.
  let history: BarHistory | undefined | null = null;
  let lastTime = Number.NEGATIVE_INFINITY;
  const coalescer = createFrameCoalescer<Bar>((_key, bar) => {
    // `update` with an older time throws; a late tick for a closed bar is dropped, not drawn.
    if (bar.time < lastTime) return;
    lastTime = bar.time;
    series.update(toCandle(bar));
  }, scheduler);
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
export function followPriceFormat(
  series: CandleSeries,
  marketStore: MarketStore,
  symbol: string,
): () => void {
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
export function followPositionLines(
  lines: PriceLineManager,
  tradingStore: TradingStore,
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
