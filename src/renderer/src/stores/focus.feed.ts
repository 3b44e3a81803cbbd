import { subscribe } from '../bridge/index.ts';
import { useSettingsStore } from './settings.store.ts';
import type { TradingStore } from './trading.store.ts';
import { useUiStore } from './ui.store.ts';

/**
 * A click on a desktop notification (main has already brought the window forward) shows what
 * the alert was about: its symbol on the chart and the terminal with the dock on Positions when
 * that symbol has a position, on Alerts otherwise (a stream or channel alert has no position).
 * @returns a function that stops listening.
 */
export function startNotificationFocusFeed(trading: TradingStore): () => void {
  try {
    return subscribe('alerts:focus-requested', (request) => {
      const symbol = request.symbol;
      if (symbol !== undefined) useSettingsStore.getState().setSymbol(symbol);
      const hasPosition = symbol !== undefined && trading.getState().positions[symbol] !== undefined;
      useUiStore.getState().showDockTab(hasPosition ? 'positions' : 'alerts');
    });
  } catch {
    // No bridge (a page opened outside the app): there is no notification to follow.
    return () => undefined;
  }
}
