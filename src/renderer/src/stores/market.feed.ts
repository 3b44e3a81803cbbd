import { call, subscribe, subscribeAll } from '../bridge/index.ts';
import { toTradingError } from '../../../shared/errors.ts';
import type { Ticker } from '../../../shared/ipc/channels/market.ts';
import type { ConnectionStore } from './connection.store.ts';
import type { HealthStore } from './health.store.ts';
import { createFrameCoalescer } from './frame-coalescer.ts';
import { toBar, toBarHistory } from './market.bars.ts';
import { historyPageBars } from './market.paging.ts';
import { paneClock } from './pane-clock.ts';
import { seriesKey, type MarketStore } from './market.store.ts';
import { useSettingsStore, type Timeframe } from './settings.store.ts';
import { isPerpetualSymbol } from '../domain/wire-patterns.ts';

const message = (error: unknown): string => toTradingError(error).message;

function receiveTicker(market: MarketStore, ticker: Ticker): void {
  // Only a traded/mark price is used as a reference; a missing price is left missing, not estimated.
  if (ticker.price === undefined) return;
  market.setState({ lastPrice: { ...market.getState().lastPrice, [ticker.symbol]: ticker.price } });
}

/** Loads a series' history (initial load, symbol or timeframe switch, resync). */
export function loadCandles(market: MarketStore, symbol: string, timeframe: Timeframe): Promise<void> {
  const key = seriesKey(symbol, timeframe);
  market.setState({ historyLoad: { ...market.getState().historyLoad, [key]: { kind: 'loading' } } });
  return call('market:get-candles', { symbol, timeframe, limit: historyPageBars }).then(
    (candles) => {
      const state = market.getState();
      // A fresh history: whatever was known about reading into the past applied to the old one.
      const { [key]: _stale, ...olderBars } = state.olderBars;
      market.setState({
        history: { ...state.history, [key]: { bars: toBarHistory(candles), loadedAt: Date.now() } },
        historyLoad: { ...state.historyLoad, [key]: { kind: 'ready' } },
        olderBars,
      });
    },
    (error: unknown) => {
      market.setState({
        historyLoad: {
          ...market.getState().historyLoad,
          [key]: { kind: 'unavailable', message: message(error) },
        },
      });
    },
  );
}

function loadContracts(market: MarketStore): void {
  call('market:list-contracts').then(
    (list) => {
      market.setState({
        contracts: Object.fromEntries(list.map((contract) => [contract.symbol, contract])),
        contractsLoad: { kind: 'ready' },
      });
    },
    (error: unknown) => {
      market.setState({ contractsLoad: { kind: 'unavailable', message: message(error) } });
    },
  );
}

function loadHealth(health: HealthStore): void {
  call('exchange:get-health').then(
    (exchange) => {
      health.setState({ exchange, load: { kind: 'ready' }, receivedAt: Date.now() });
    },
    (error: unknown) => {
      health.setState({ load: { kind: 'unavailable', message: message(error) } });
    },
  );
}

function subscribeMarketEvents(market: MarketStore, health: HealthStore): () => void {
  // The last price is only read sampled (the ticket's reference, once a second): pushes, up to
  // twenty a second, are applied on the pane clock so they do not wake the store's every subscriber.
  const tickers = createFrameCoalescer<Ticker>((_symbol, ticker) => {
    receiveTicker(market, ticker);
  }, paneClock);
  try {
    const unsubscribe = subscribeAll([
      () =>
        subscribe('market:ticker-updated', (ticker) => {
          tickers.push(ticker.symbol, ticker);
        }),
      () =>
        subscribe('market:candle-updated', ({ symbol, timeframe, candle }) => {
          // Main pushes every series it follows (the verdict strip's four timeframes too, about a
          // hundred a second in a fast market); only the chart's own bar is kept, so the others
          // do not wake every market-store subscriber. A switch loads the new series' history.
          const shown = useSettingsStore.getState();
          if (symbol !== shown.symbol || timeframe !== shown.timeframe) return;
          market.setState({
            latest: { ...market.getState().latest, [seriesKey(symbol, timeframe)]: toBar(candle) },
          });
        }),
      () =>
        subscribe('exchange:health-changed', (exchange) => {
          health.setState({ exchange, load: { kind: 'ready' }, receivedAt: Date.now() });
        }),
    ]);
    market.setState({ unavailable: undefined });
    return () => {
      unsubscribe();
      tickers.dispose();
    };
  } catch (error) {
    market.setState({ unavailable: message(error) });
    return () => undefined;
  }
}

/**
 * Feeds market data and exchange health: events first, then contracts, health and the chart's
 * series; a symbol or timeframe switch loads that series (and the symbol's ticker), and so does
 * the engine coming back after going stale (candle pushes may have been missed: resync).
 * @returns a function that stops the feed.
 */
export function startMarketFeed(
  market: MarketStore,
  health: HealthStore,
  connection?: ConnectionStore,
): () => void {
  const unsubscribeEvents = subscribeMarketEvents(market, health);
  loadContracts(market);
  loadHealth(health);
  const follow = (symbol: string, timeframe: Timeframe): void => {
    // Half-typed symbols ("XB") are not asked for.
    if (!isPerpetualSymbol(symbol)) return;
    void loadCandles(market, symbol, timeframe);
    call('market:get-ticker', { symbol }).then(
      (ticker) => {
        receiveTicker(market, ticker);
      },
      () => undefined,
    );
  };
  const { symbol, timeframe } = useSettingsStore.getState();
  follow(symbol, timeframe);
  const unsubscribeSettings = useSettingsStore.subscribe((state, previous) => {
    if (state.symbol !== previous.symbol || state.timeframe !== previous.timeframe)
      follow(state.symbol, state.timeframe);
  });
  const unsubscribeConnection = connection?.subscribe((state, previous) => {
    if (state.connection !== 'live' || previous.connection !== 'stale') return;
    const settings = useSettingsStore.getState();
    follow(settings.symbol, settings.timeframe);
    loadHealth(health);
  });
  return () => {
    unsubscribeEvents();
    unsubscribeSettings();
    unsubscribeConnection?.();
  };
}
