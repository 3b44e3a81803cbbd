/**
 * Alerts and their deliveries in the durable journal (src/main/store/journal.ts): one `alert` row
 * per raised alert and one `alert-delivery` row per channel outcome — sent, failed with the exact
 * reason, suppressed as a duplicate or rate-limited — so "did the SMS go out?" has an answer after
 * any restart.
 */
import type { Alert } from '../../shared/ipc/channels/alerts.ts';
import type { Journal } from '../store/journal.ts';
import type { DeliveryRecord } from './delivery.ts';

/** The part of the journal alerts write to. */
export type AlertJournal = Pick<Journal, 'append'>;

/** Journals a raised alert; returns its journal sequence number. */
export function journalAlert(journal: AlertJournal, alert: Alert): number {
  const { symbol, at, details, ...rest } = alert;
  return journal.append('alert', { ...details, ...rest, alertId: alert.id }, { symbol, at });
}

/** Journals one delivery outcome. */
export function journalDelivery(journal: AlertJournal, record: DeliveryRecord): number {
  const { symbol, at, ...data } = record;
  return journal.append(
    'alert-delivery',
    { ...data, durationMs: Math.round(record.durationMs) },
    { symbol, at },
  );
}
