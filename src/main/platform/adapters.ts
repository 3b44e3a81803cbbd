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

/** Desktop notifications; Electron's Notification in the app, a recorder in tests. */
export interface Notifier {
  notify(notification: { title: string; body: string; urgency: NotificationUrgency }): void;
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
