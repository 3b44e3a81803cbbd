import { call, subscribe } from '../bridge/index.ts';
import { toTradingError } from '../../../shared/errors.ts';
import type { Ticker } from '../../../shared/ipc/channels/market.ts';
import { paneClock } from './pane-clock.ts';
import { foldTicker, type QuoteStore } from './quote.store.ts';
import { useSettingsStore } from './settings.store.ts';

/** Prices a trader reads change at most this often on screen; the chart has its own per-frame path. */
const quoteFlushMs = 250;
/** Funding and the 24 h figures move slowly; asked again this often for the watched symbol. */
const statsRefreshMs = 30_000;

function askStats(store: QuoteStore, symbol: string): void {
  call('market:get-contract-stats', { symbol }).then(
    (stats) => {
      const state = store.getState();
      const { [symbol]: _cleared, ...errors } = state.statsError;
      store.setState({ stats: { ...state.stats, [symbol]: stats }, statsError: errors });
    },
    (error: unknown) => {
      const message = toTradingError(error).message;
      store.setState({ statsError: { ...store.getState().statsError, [symbol]: message } });
    },
  );
}

function startQuoteBatching(store: QuoteStore): () => void {
  let pending: Ticker[] = [];
  const flush = (): void => {
    if (pending.length === 0) return;
    const quotes = { ...store.getState().quotes };
    for (const ticker of pending) quotes[ticker.symbol] = foldTicker(quotes[ticker.symbol], ticker);
    pending = [];
    store.setState({ quotes });
  };
  // Applied on the pane clock, so the strip redraws in the frame the book and tape redraw in.
  const timer = setInterval(() => paneClock.request(flush), quoteFlushMs);
  const unsubscribe = subscribe('market:ticker-updated', (ticker) => {
    pending.push(ticker);
  });
  return () => {
    clearInterval(timer);
    unsubscribe();
  };
}

/**
 * Feeds the market strip: tickers batched to four updates a second, and the watched contract's
 * funding and 24 h figures asked at start, on every symbol switch and every 30 s.
 * @returns a function that stops the feed.
 */
export function startQuoteFeed(store: QuoteStore): () => void {
  const stopBatching = startQuoteBatching(store);
  askStats(store, useSettingsStore.getState().symbol);
  const timer = setInterval(() => {
    askStats(store, useSettingsStore.getState().symbol);
  }, statsRefreshMs);
  const unwatch = useSettingsStore.subscribe((state, previous) => {
    if (state.symbol !== previous.symbol) askStats(store, state.symbol);
  });
  return () => {
    stopBatching();
    clearInterval(timer);
    unwatch();
  };
}
