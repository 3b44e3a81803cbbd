import { Notification } from 'electron';
import type { BrowserWindow } from 'electron';
import type { DesktopNotification, Notifier } from '../platform/adapters.ts';

/** Brings the window to the front, whatever state the trader left it in (minimised, hidden, behind). */
export function focusWindow(window: BrowserWindow): void {
  if (window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

/**
 * Native desktop notifications from main (the renderer needs no permission for these). A click
 * brings Bulwark's window forward and then runs the engine's `onClick` (which shows the alert's
 * position). Shown notifications are kept referenced until closed: a notification the garbage
 * collector takes no longer delivers its click.
 * @throws Error when this desktop cannot show notifications (the router journals it as failed).
 */
export function createDesktopNotifier(window: () => BrowserWindow | undefined): Notifier {
  const shown = new Set<Notification>();
  return {
    notify({ title, body, urgency }: DesktopNotification, onClick?: () => void) {
      if (!Notification.isSupported()) throw new Error('this desktop does not support notifications');
      const notification = new Notification({
        title,
        body,
        urgency,
        silent: urgency !== 'critical',
        timeoutType: urgency === 'critical' ? 'never' : 'default',
      });
      shown.add(notification);
      notification.on('click', () => {
        const target = window();
        if (target !== undefined) focusWindow(target);
        onClick?.();
      });
      notification.on('close', () => shown.delete(notification));
      notification.on('failed', () => shown.delete(notification));
      notification.show();
    },
  };
}
