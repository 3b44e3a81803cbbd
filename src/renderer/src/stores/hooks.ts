import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { alertsStore, type AlertsState } from './alerts.store.ts';
import { bookStore, type BookState } from './book.store.ts';
import { connectionStore, type ConnectionState } from './connection.store.ts';
import { healthStore, type HealthState } from './health.store.ts';
import { marketStore, type MarketState } from './market.store.ts';
import { quoteStore, type QuoteState } from './quote.store.ts';
import { tradingStore, type TradingStoreState } from './trading.store.ts';

/** Reads one slice of the connection store; pass an atomic selector (zustand 5 needs stable results). */
export function useConnection<T>(selector: (state: ConnectionState) => T): T {
  return useStore(connectionStore, selector);
}

/**
 * Reads one slice of the trading store. Select a field (`s => s.positions`) and derive lists with
 * `useMemo`, or wrap a derived selector in `useShallow` — a fresh array per call would loop.
 */
export function useTrading<T>(selector: (state: TradingStoreState) => T): T {
  return useStore(tradingStore, selector);
}

/**
 * Reads a SLOW slice of the market store (load status, bar count). Ticks must not go through
 * React: the chart subscribes to the store directly.
 */
export function useMarket<T>(selector: (state: MarketState) => T): T {
  return useStore(marketStore, selector);
}

/**
 * Reads a FAST slice of the market store (a last price) at most once per `everyMs`, for a view
 * that needs it only roughly (the ticket's reference price): the value it shows is at most
 * `everyMs` old, and the view re-renders at most that often instead of on every tick. Pass a
 * stable selector (`useCallback`).
 */
export function useMarketSampled<T>(selector: (state: MarketState) => T, everyMs: number): T {
  const [value, setValue] = useState(() => selector(marketStore.getState()));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const sample = (): void => {
      timer = undefined;
      setValue(selector(marketStore.getState()));
    };
    sample();
    const unsubscribe = marketStore.subscribe(() => {
      timer ??= setTimeout(sample, everyMs);
    });
    return () => {
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [selector, everyMs]);
  return value;
}

/** Reads one slice of the exchange health store. */
export function useHealth<T>(selector: (state: HealthState) => T): T {
  return useStore(healthStore, selector);
}

/** Reads one slice of the alerts store. */
export function useAlerts<T>(selector: (state: AlertsState) => T): T {
  return useStore(alertsStore, selector);
}

/** Reads one slice of the quote store (the market strip: about four updates a second). */
export function useQuotes<T>(selector: (state: QuoteState) => T): T {
  return useStore(quoteStore, selector);
}

/** Reads one slice of the order book store (pushed at most 10 times a second: ADR 0530). */
export function useBook<T>(selector: (state: BookState) => T): T {
  return useStore(bookStore, selector);
}
