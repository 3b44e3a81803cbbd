import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Alert } from '../../../shared/ipc/channels/alerts.ts';
import type { LoadStatus } from './trading.types.ts';

/** How many alerts the list keeps in memory (the journal keeps them all). */
export const alertsKept = 500;

/** Alerts the engine raised, newest first. */
export interface AlertsState {
  readonly alerts: readonly Alert[];
  readonly load: LoadStatus;
}

/** Vanilla store for alerts (event-driven, low rate). */
export type AlertsStore = StoreApi<AlertsState>;

/** Creates an empty alerts store. */
export function createAlertsStore(): AlertsStore {
  return createStore<AlertsState>()(() => ({ alerts: [], load: { kind: 'loading' } }));
}

/** The app's alerts store. */
export const alertsStore: AlertsStore = createAlertsStore();

/** Merges alerts by id (the snapshot and events may overlap), newest first, at most {@link alertsKept}. */
export function mergeAlerts(current: readonly Alert[], incoming: readonly Alert[]): Alert[] {
  const byId = new Map<number, Alert>();
  for (const alert of [...current, ...incoming]) byId.set(alert.id, alert);
  return [...byId.values()].sort((a, b) => b.at - a.at || b.id - a.id).slice(0, alertsKept);
}
