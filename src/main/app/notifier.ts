import { Notification } from 'electron';
import type { Notifier } from '../platform/adapters.ts';

/** Native desktop notifications from main (the renderer needs no permission for these). */
export const desktopNotifier: Notifier = {
  notify({ title, body, urgency }) {
    if (!Notification.isSupported()) return;
    new Notification({ title, body, urgency, silent: urgency !== 'critical' }).show();
  },
};
