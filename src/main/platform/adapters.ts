import type { Clock } from '../time/clock.ts';

/** Folders the engine writes to; Electron's app.getPath in the app, temp folders in tests. */
export interface AppPaths {
  /** Settings, journal and other per-user state. */
  readonly userData: string;
  /** Log files. */
  readonly logs: string;
}

/** How urgent a desktop notification is. */
export type NotificationUrgency = 'normal' | 'critical';

/** One desktop notification. */
export interface DesktopNotification {
  readonly title: string;
  readonly body: string;
  readonly urgency: NotificationUrgency;
}

/** Desktop notifications; Electron's Notification in the app, a recorder in tests. */
export interface Notifier {
  /**
   * Shows a notification. A click brings Bulwark's window to the front, then calls `onClick`
   * (the engine then shows the alert's position). Throws when the desktop cannot show
   * notifications, so the alert router journals the failure instead of pretending it was seen.
   */
  notify(notification: DesktopNotification, onClick?: () => void): void;
}

/**
 * The small platform interfaces the engine is built from. Everything Electron-specific reaches
 * the engine through these, so the engine runs the same under vitest and in the app.
 */
export interface PlatformAdapters {
  readonly paths: AppPaths;
  readonly notifier: Notifier;
  readonly clock: Clock;
}
