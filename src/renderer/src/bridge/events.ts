import type { EventName, PayloadOf } from '../../../shared/ipc/contract.ts';
import { bulwarkApi } from './call.ts';

/**
 * Subscribes to an event main pushes. The callback gets only the payload.
 * @returns the unsubscribe function (call it in the effect's cleanup).
 * @throws ConnectionError when the bridge is missing.
 */
export function subscribe<E extends EventName>(event: E, callback: (payload: PayloadOf<E>) => void): () => void {
  return bulwarkApi().on(event, callback);
}

/**
 * Subscribes to several events at once and returns one function that undoes them all, so a feed
 * can wire a store in one place and tear it down in one call.
 */
export function subscribeAll(subscriptions: readonly (() => () => void)[]): () => void {
  const unsubscribers = subscriptions.map((start) => start());
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}
