import { startAlertsFeed } from './alerts.feed.ts';
import { startBookFeed } from './book.feed.ts';
import { bookStore } from './book.store.ts';
import { alertsStore } from './alerts.store.ts';
import { startConnectionFeed } from './connection.feed.ts';
import { connectionStore } from './connection.store.ts';
import { startNotificationFocusFeed } from './focus.feed.ts';
import { healthStore } from './health.store.ts';
import { startMarketFeed } from './market.feed.ts';
import { marketStore } from './market.store.ts';
import { startQuoteFeed } from './quote.feed.ts';
import { quoteStore } from './quote.store.ts';
import { startTradingFeed } from './trading.feed.ts';
import { tradingStore } from './trading.store.ts';

/**
 * Starts every store feed from main once for the page's lifetime.
 * @returns a function that stops them all.
 */
export function startFeeds(): () => void {
  const stops = [
    startConnectionFeed(connectionStore),
    startTradingFeed(tradingStore, connectionStore),
    startMarketFeed(marketStore, healthStore, connectionStore),
    startAlertsFeed(alertsStore),
    startQuoteFeed(quoteStore),
    startBookFeed(bookStore, connectionStore),
    startNotificationFocusFeed(tradingStore),
  ];
  return () => {
    for (const stop of stops) stop();
  };
}
