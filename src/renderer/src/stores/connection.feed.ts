import { call, subscribe } from '../bridge/index.ts';
import { toTradingError } from '../../../shared/errors.ts';
import type { ConnectionStore } from './connection.store.ts';

/**
 * Feeds the connection store from main: asks `app:get-status` once and follows `app:heartbeat`.
 * @returns a function that stops following the heartbeat.
 */
export function startConnectionFeed(store: ConnectionStore): () => void {
  const { receiveHeartbeat, receiveStatus, receiveStatusError } = store.getState();
  call('app:get-status').then(receiveStatus, (error: unknown) => {
    receiveStatusError(toTradingError(error).message);
  });
  try {
    return subscribe('app:heartbeat', receiveHeartbeat);
  } catch (error) {
    receiveStatusError(toTradingError(error).message);
    return () => undefined;
  }
}
