import { call, subscribe, subscribeAll } from '../bridge/index.ts';
import { toTradingError } from '../../../shared/errors.ts';
import type { ConnectionStore } from './connection.store.ts';
import type { TradingStore } from './trading.store.ts';
import * as actions from './trading.actions.ts';
import { beginTrailingSnapshot, receiveTrailingSnapshot, receiveTrailingUpdate } from './trading.trailing.ts';

function refreshTrailing(store: TradingStore, message: (error: unknown) => string): Promise<void> {
  beginTrailingSnapshot(store);
  return call('trading:get-trailing', {}).then(
    (states) => {
      receiveTrailingSnapshot(store, states);
    },
    (error: unknown) => {
      actions.markUnavailable(store, 'trailingLoad', message(error));
    },
  );
}

/** Fetches the snapshots (positions, orders, state, trailing); each failure is recorded on its own slice, never guessed around. */
export function refreshTradingSnapshots(store: TradingStore): Promise<void> {
  const message = (error: unknown): string => toTradingError(error).message;
  return Promise.all([
    call('trading:list-positions').then(
      (positions) => {
        actions.receivePositionsSnapshot(store, positions);
      },
      (error: unknown) => {
        actions.markUnavailable(store, 'positionsLoad', message(error));
      },
    ),
    call('trading:list-orders', { scope: 'recent' }).then(
      (orders) => {
        actions.receiveOrdersSnapshot(store, orders);
      },
      (error: unknown) => {
        actions.markUnavailable(store, 'ordersLoad', message(error));
      },
    ),
    call('trading:get-state').then(
      (view) => {
        actions.receiveTradingState(store, view);
      },
      (error: unknown) => {
        actions.markUnavailable(store, 'tradingStateLoad', message(error));
      },
    ),
    refreshTrailing(store, message),
  ]).then(() => undefined);
}

function subscribeTradingEvents(store: TradingStore): () => void {
  try {
    const unsubscribe = subscribeAll([
      () =>
        subscribe('trading:position-updated', (update) => {
          actions.receivePositionUpdate(store, update);
        }),
      () =>
        subscribe('trading:order-updated', (order) => {
          actions.receiveOrderUpdate(store, order);
        }),
      () =>
        subscribe('trading:state-changed', (change) => {
          actions.receiveStateChanged(store, change);
        }),
      () =>
        subscribe('trading:protection-changed', (change) => {
          actions.receiveProtectionChanged(store, change);
        }),
      () =>
        subscribe('trading:trailing-updated', (update) => {
          receiveTrailingUpdate(store, update);
        }),
      () =>
        subscribe('trading:liquidation-warning', (warning) => {
          actions.receiveLiquidationWarning(store, warning);
        }),
    ]);
    actions.markEventsUnavailable(store, undefined);
    return unsubscribe;
  } catch (error) {
    actions.markEventsUnavailable(store, toTradingError(error).message);
    return () => undefined;
  }
}

/**
 * Feeds the trading store: subscribes to trading events first (so nothing between snapshot and
 * subscription is lost), then fetches snapshots, and fetches them again whenever the engine
 * comes back after going stale (events may have been missed meanwhile).
 * @returns a function that stops the feed.
 */
export function startTradingFeed(store: TradingStore, connection: ConnectionStore): () => void {
  const unsubscribeEvents = subscribeTradingEvents(store);
  void refreshTradingSnapshots(store);
  const unsubscribeConnection = connection.subscribe((state, previous) => {
    if (state.connection === 'live' && previous.connection === 'stale') void refreshTradingSnapshots(store);
  });
  return () => {
    unsubscribeEvents();
    unsubscribeConnection();
  };
}
