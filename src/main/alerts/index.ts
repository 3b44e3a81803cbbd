/**
 * The alert system (ADR 0600): one `Alert` type, one way to raise it (`router.raise`), channels as
 * sinks in one list (sinks/index.ts), rules and de-duplication in config, deliveries with retries,
 * journaled, escalation of unacknowledged critical alerts to SMS, and the `alerts:*` IPC handlers.
 */
import type { Alert, AlertChannelName } from '../../shared/ipc/channels/alerts.ts';
import type { ConfigStore } from '../config/store.ts';
import type { EventPublisher } from '../ipc/events.ts';
import type { Logger } from '../observability/logger.ts';
import type { Notifier } from '../platform/adapters.ts';
import type { Clock } from '../time/clock.ts';
import type { AlertJournal } from './alert-journal.ts';
import { createChannelSecrets, type ChannelSecretStore } from './channel-secrets.ts';
import { createChannelSettings, type ChannelSettingsService, type LastDelivery } from './channel-settings.ts';
import type { DeliveryRecord } from './delivery.ts';
import type { AlertOrigin } from './format.ts';
import { createAlertsHandlers, type AlertsHandlers } from './handlers.ts';
import { createAlertRouter, type AlertRouter } from './router.ts';
import { sinkDefinitions } from './sinks/index.ts';
import { undeliveredAlerts } from './undelivered.ts';
import type { Journal } from '../store/journal.ts';

export type { AlertRouter } from './router.ts';
export type { AlertSink, DeliveryContext, DeliveryReceipt } from './sink.ts';
export type { DeliveryRecord } from './delivery.ts';
export type { AlertsHandlers } from './handlers.ts';
export { alertCatalog } from './catalog.ts';

/** What the engine builds the alert system from. */
export interface CreateAlertsOptions {
  readonly configStore: Pick<ConfigStore, 'current' | 'update'>;
  readonly secretStore: ChannelSecretStore;
  readonly journal: AlertJournal & Pick<Journal, 'queryEvents'>;
  readonly events: Pick<EventPublisher, 'publish'>;
  readonly notifier: Notifier;
  readonly origin: AlertOrigin;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Test seam: a certificate authority the SMTP peer's certificate chains to. */
  readonly smtpTrustedCaPem?: string;
}

/** The running alert system. */
export interface Alerts {
  readonly router: AlertRouter;
  readonly settings: ChannelSettingsService;
  readonly handlers: AlertsHandlers;
  /** The last delivery outcome of each channel (health, settings page). */
  lastDeliveries(): ReadonlyMap<AlertChannelName, LastDelivery>;
  stop(): Promise<void>;
}

function focusOf(alert: Alert, at: number): { alertId: number; symbol?: string; at: number } {
  return { alertId: alert.id, at, ...(alert.symbol === undefined ? {} : { symbol: alert.symbol }) };
}

/** Alerts resumed at start at most: a journal full of old undelivered alerts must not flood the phone. */
const resumeAtMost = 20;

/** The last real delivery attempt of each channel, kept up to date as the router delivers. */
function trackLastDeliveries(router: AlertRouter): ReadonlyMap<AlertChannelName, LastDelivery> {
  const last = new Map<AlertChannelName, LastDelivery>();
  router.onDelivery((record: DeliveryRecord) => {
    // Suppressions say nothing about whether the channel works: keep the last real attempt.
    if (record.outcome !== 'sent' && record.outcome !== 'failed') return;
    last.set(record.channel, {
      at: record.at,
      outcome: record.outcome,
      alertId: record.alertId,
      ...(record.reason === undefined ? {} : { reason: record.reason }),
    });
  });
  return last;
}

/** Builds the router over every sink in the list, the settings service and the handlers. */
export function createAlerts(options: CreateAlertsOptions): Alerts {
  const logger = options.logger.child({ component: 'alerts' });
  const secrets = createChannelSecrets(options.secretStore);
  const config = () => options.configStore.current().alerts;
  const sinks = sinkDefinitions.map((definition) =>
    definition.create({
      config,
      secret: (channel) => secrets.get(channel),
      origin: options.origin,
      notifier: options.notifier,
      clock: options.clock,
      logger,
      onNotificationClicked: (alert) => {
        options.events.publish('alerts:focus-requested', focusOf(alert, options.clock.now()));
      },
      ...(options.smtpTrustedCaPem === undefined ? {} : { smtpTrustedCaPem: options.smtpTrustedCaPem }),
    }),
  );
  const router = createAlertRouter({
    config,
    sinks,
    journal: options.journal,
    events: options.events,
    clock: options.clock,
    logger,
  });
  const last = trackLastDeliveries(router);
  // An alert raised just before a crash never reached its channels: it goes out now (ADR 0602).
  const resumed = router.resume(
    undeliveredAlerts(
      options.journal,
      options.clock.now() - config().delivery.resumeUndeliveredWithinMs,
      resumeAtMost,
    ),
  );
  if (resumed > 0) logger.warn('alerts-resumed-after-restart', { deliveries: resumed });
  const settings = createChannelSettings({
    configStore: options.configStore,
    secrets,
    lastDelivery: (channel) => last.get(channel),
  });
  return {
    router,
    settings,
    handlers: createAlertsHandlers(router, settings),
    lastDeliveries: () => last,
    stop: () => router.stop(),
  };
}
