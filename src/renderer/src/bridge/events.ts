import type { KnownEventName, PayloadOf } from './channels.ts';
import { ConnectionError } from '../../../shared/errors.ts';
import { bulwarkApi } from './call.ts';

/**
 * Subscribes to an event main pushes. The callback gets only the payload.
 * @returns the unsubscribe function (call it in the effect's cleanup).
 * @throws ConnectionError when the bridge is missing or does not offer the event in this build.
 */
export function subscribe<E extends KnownEventName>(
  event: E,
  callback: (payload: PayloadOf<E>) => void,
): () => void {
  const api = bulwarkApi();
  try {
    return api.on(event, callback);
  } catch (error) {
    throw new ConnectionError('bridge-event-missing', `The engine does not publish ${event} in this build.`, {
      details: { event },
      cause: error,
    });
  }
}

/**
 * Subscribes to several events at once and returns one function that undoes them all, so a feed
 * can wire a store in one place and tear it down in one call. All or nothing: if one
 * subscription throws, the ones already made are undone before the error is rethrown.
 */
export function subscribeAll(subscriptions: readonly (() => () => void)[]): () => void {
  const unsubscribers: (() => void)[] = [];
  const undo = (): void => {
    for (const unsubscribe of unsubscribers.splice(0)) unsubscribe();
  };
  try {
    for (const start of subscriptions) unsubscribers.push(start());
  } catch (error) {
    undo();
    throw error;
  }
  return undo;
}
