import { startConnectionFeed } from './connection.feed.ts';
import { connectionStore } from './connection.store.ts';

/**
 * Starts every store feed from main once for the page's lifetime.
 * @returns a function that stops them all.
 */
export function startFeeds(): () => void {
  const stops = [startConnectionFeed(connectionStore)];
  return () => {
    for (const stop of stops) stop();
  };
}
