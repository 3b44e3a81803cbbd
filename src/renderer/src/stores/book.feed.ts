import { call, subscribe, subscribeAll } from '../bridge/index.ts';
import { toTradingError } from '../../../shared/errors.ts';
import type { BookSnapshot, PublicTrade } from '../../../shared/ipc/channels/market.ts';
import { isPerpetualSymbol } from '../domain/wire-patterns.ts';
import { createFrameCoalescer } from './frame-coalescer.ts';
import { paneClock } from './pane-clock.ts';
import type { BookStore } from './book.store.ts';
import type { ConnectionStore } from './connection.store.ts';
import { useSettingsStore } from './settings.store.ts';

const message = (error: unknown): string => toTradingError(error).message;

/** Asks main to watch `symbol` and takes its answer as the book and tape (ADR 0530). */
export function watchBook(store: BookStore, symbol: string): Promise<void> {
  store.setState({ symbol, book: undefined, trades: [], load: { kind: 'loading' } });
  return call('market:watch-book', { symbol }).then(
    ({ book, trades }) => {
      // A newer watch (the trader switched again) wins over a late answer.
      if (store.getState().symbol !== symbol) return;
      store.setState({ book, trades, load: { kind: 'ready' } });
    },
    (error: unknown) => {
      if (store.getState().symbol !== symbol) return;
      store.setState({ load: { kind: 'unavailable', message: message(error) } });
    },
  );
}

type BookPush =
  | { readonly kind: 'book'; readonly book: BookSnapshot }
  | { readonly kind: 'trades'; readonly symbol: string; readonly trades: readonly PublicTrade[] };

/**
 * Book and tape pushes arrive separately, up to ten a second each: the latest of each (per symbol)
 * is applied on the pane clock — together, in one frame, at most ten times a second — so the two
 * panels cost the window one redraw instead of one per push (ADR 0560).
 */
function subscribeBookEvents(store: BookStore): () => void {
  const frame = createFrameCoalescer<BookPush>((_kind, push) => {
    if (push.kind === 'book') {
      if (push.book.symbol === store.getState().symbol)
        store.setState({ book: push.book, load: { kind: 'ready' } });
    } else if (push.symbol === store.getState().symbol) store.setState({ trades: push.trades });
  }, paneClock);
  const unsubscribe = subscribeAll([
    () =>
      subscribe('market:book-updated', (book) => {
        frame.push(`book:${book.symbol}`, { kind: 'book', book });
      }),
    () =>
      subscribe('market:trades-updated', ({ symbol, trades }) => {
        frame.push(`trades:${symbol}`, { kind: 'trades', symbol, trades });
      }),
  ]);
  return () => {
    unsubscribe();
    frame.dispose();
  };
}

/**
 * Feeds the book store: follows the chart's symbol (one watched symbol at a time, main unwatches
 * the previous one) and watches again when the engine comes back after going stale.
 * @returns a function that stops the feed.
 */
export function startBookFeed(store: BookStore, connection?: ConnectionStore): () => void {
  let unsubscribeEvents: () => void;
  try {
    unsubscribeEvents = subscribeBookEvents(store);
  } catch (error) {
    store.setState({ load: { kind: 'unavailable', message: message(error) } });
    return () => undefined;
  }
  const follow = (symbol: string): void => {
    // Half-typed symbols ("XB") are not asked for.
    if (isPerpetualSymbol(symbol)) void watchBook(store, symbol);
  };
  follow(useSettingsStore.getState().symbol);
  const unsubscribeSettings = useSettingsStore.subscribe((state, previous) => {
    if (state.symbol !== previous.symbol) follow(state.symbol);
  });
  const unsubscribeConnection = connection?.subscribe((state, previous) => {
    if (state.connection === 'live' && previous.connection === 'stale')
      follow(useSettingsStore.getState().symbol);
  });
  return () => {
    unsubscribeEvents();
    unsubscribeSettings();
    unsubscribeConnection?.();
  };
}
