import type { Alert } from '../../shared/ipc/channels/alerts.ts';
import type { EventPublisher } from '../ipc/events.ts';
import type { Logger } from '../observability/logger.ts';
import type { Notifier } from '../platform/adapters.ts';

/** What raises an alert: trading (naked position, liquidation), the client (breaker), the engine. */
export type AlertInput = Omit<Alert, 'id'>;

/** The engine's alert desk: keeps the recent ones, pushes them to the renderer, notifies the desktop. */
export interface AlertDesk {
  raise(alert: AlertInput): void;
  recent(): Alert[];
}

const KEEP_RECENT = 200;

/** Builds the desk. Warnings and critical alerts also become desktop notifications. */
export function createAlertDesk(deps: { events: EventPublisher; notifier: Notifier; logger: Logger }): AlertDesk {
  const recent: Alert[] = [];
  let nextId = 0;
  return {
    raise(input) {
      const alert: Alert = { ...input, id: nextId };
      nextId += 1;
      recent.push(alert);
      if (recent.length > KEEP_RECENT) recent.shift();
      deps.logger[input.severity === 'critical' ? 'error' : input.severity === 'warning' ? 'warn' : 'info']('alert-raised', {
        code: alert.code,
        symbol: alert.symbol,
        message: alert.message,
      });
      deps.events.publish('alerts:alert-raised', alert, String(alert.id));
      if (alert.severity !== 'info') {
        deps.notifier.notify({
          title: alert.severity === 'critical' ? `Bulwark — CRITICAL: ${alert.code}` : `Bulwark — ${alert.code}`,
          body: alert.message,
          urgency: alert.severity === 'critical' ? 'critical' : 'normal',
        });
      }
    },
    recent: () => [...recent].reverse(),
  };
}
