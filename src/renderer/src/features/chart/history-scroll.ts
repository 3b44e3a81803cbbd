import type { LogicalRange } from 'lightweight-charts';
import { loadOlderCandles, shouldLoadOlder } from '../../stores/market.paging.ts';
import { seriesKey, type MarketStore } from '../../stores/market.store.ts';
import type { Timeframe } from '../../stores/settings.store.ts';

/** The part of lightweight-charts' time scale the history scroll listens to. */
export interface VisibleRangeSource {
  subscribeVisibleLogicalRangeChange(handler: (range: LogicalRange | null) => void): void;
  unsubscribeVisibleLogicalRangeChange(handler: (range: LogicalRange | null) => void): void;
}

/**
 * Loads the page before the first bar when the trader scrolls (or zooms out) to within
 * `loadOlderWithinBars` of it: the logical range counts bars from the first loaded one, so its
 * `from` is the distance from the left edge to the start of the loaded history. Putting the page
 * in front changes the range again, so a view wider than what is loaded keeps filling until it is
 * full or the exchange has nothing older (market.paging.ts).
 */
export function followHistoryScroll(
  timeScale: VisibleRangeSource,
  marketStore: MarketStore,
  series: { readonly symbol: string; readonly timeframe: Timeframe },
  loadOlder: typeof loadOlderCandles = loadOlderCandles,
  now: () => number = Date.now,
): () => void {
  const key = seriesKey(series.symbol, series.timeframe);
  let stopped = false;
  const onRange = (range: LogicalRange | null): void => {
    if (range === null) return;
    // Decided after the current store update and redraw have finished: the range can change in
    // the middle of `setData`, inside a store listener, where starting another update would
    // hand the remaining listeners a stale state.
    queueMicrotask(() => {
      if (stopped || !shouldLoadOlder(marketStore.getState(), key, range.from, now())) return;
      void loadOlder(marketStore, series.symbol, series.timeframe, now);
    });
  };
  timeScale.subscribeVisibleLogicalRangeChange(onRange);
  return () => {
    stopped = true;
    timeScale.unsubscribeVisibleLogicalRangeChange(onRange);
  };
}
