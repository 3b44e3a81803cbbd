import type { Alert, AlertChannelName, SecretChannelName } from '../../../shared/ipc/channels/alerts.ts';
import type { AlertsConfig } from '../../config/sections/alerts.ts';
import type { Logger } from '../../observability/logger.ts';
import type { Notifier } from '../../platform/adapters.ts';
import type { Clock } from '../../time/clock.ts';
import type { AlertOrigin } from '../format.ts';
import type { AlertSink } from '../sink.ts';

/** What every sink is built from. */
export interface SinkContext {
  /** The alerts section in force: a sink reads its channel's settings on every send. */
  readonly config: () => AlertsConfig;
  /**
   * The channel's secret from the OS keychain (through the SecretStore). Throws ValidationError
   * `channel-secret-missing` when none is stored, SecretStoreError when the keychain fails.
   */
  readonly secret: (channel: SecretChannelName) => Promise<string>;
  readonly origin: AlertOrigin;
  readonly notifier: Notifier;
  /** The trader clicked the alert's desktop notification. */
  readonly onNotificationClicked: (alert: Alert) => void;
  /** An extra certificate authority the SMTP server's certificate may chain to (tests' own peer). */
  readonly smtpTrustedCaPem?: string;
  readonly clock: Clock;
  readonly logger: Logger;
}

/** One channel: its name and how to build its sink. */
export interface SinkDefinition {
  readonly name: AlertChannelName;
  create(context: SinkContext): AlertSink;
}
