import { call, subscribe } from '../bridge/index.ts';
import { toTradingError } from '../../../shared/errors.ts';
import { mergeAlerts, type AlertsStore } from './alerts.store.ts';

/**
 * Feeds the alerts list: `alerts:alert-raised` first, then the `alerts:list-alerts` snapshot.
 * @returns a function that stops the feed.
 */
export function startAlertsFeed(store: AlertsStore): () => void {
  let unsubscribe = (): void => undefined;
  try {
    unsubscribe = subscribe('alerts:alert-raised', (alert) => {
      store.setState({ alerts: mergeAlerts(store.getState().alerts, [alert]) });
    });
  } catch (error) {
    store.setState({ load: { kind: 'unavailable', message: toTradingError(error).message } });
  }
  call('alerts:list-alerts').then(
    (alerts) => {
      store.setState({ alerts: mergeAlerts(store.getState().alerts, alerts), load: { kind: 'ready' } });
    },
    (error: unknown) => {
      store.setState({ load: { kind: 'unavailable', message: toTradingError(error).message } });
    },
  );
  return unsubscribe;
}
