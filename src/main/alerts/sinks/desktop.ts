/**
 * Desktop: Electron's Notification from main (src/main/app/notifier.ts). Critical ones stay on
 * screen and make a sound; a click brings the window forward on the alert's position.
 */
import { ConnectionError } from '../../../shared/errors.ts';
import type { Alert } from '../../../shared/ipc/channels/alerts.ts';
import { headline, testAlert } from '../format.ts';
import type { SinkContext, SinkDefinition } from './sink-context.ts';

function show(context: SinkContext, alert: Alert): void {
  try {
    context.notifier.notify(
      {
        title: headline(alert, context.origin),
        body: alert.message,
        urgency: alert.severity === 'critical' && !alert.clears ? 'critical' : 'normal',
      },
      () => {
        context.onNotificationClicked(alert);
      },
    );
  } catch (error) {
    throw new ConnectionError(
      'desktop-unavailable',
      `The desktop did not show the notification: ${error instanceof Error ? error.message : String(error)}`,
      { retryable: false },
    );
  }
}

/** The desktop channel. */
export const desktopSink: SinkDefinition = {
  name: 'desktop',
  create: (context) => ({
    name: 'desktop',
    send: (alert) => {
      show(context, alert);
      return Promise.resolve({ attempts: 1 });
    },
    test: () => {
      show(context, testAlert('desktop', context.clock.now()));
      return Promise.resolve({ attempts: 1 });
    },
  }),
};
