/**
 * A channel is a sink behind this small interface: its name, `send(alert)` and `test()`. Each one
 * lives in its own file in `sinks/` and is one line in the list there (src/main/alerts/sinks/index.ts).
 */
import type { Alert, AlertChannelName } from '../../shared/ipc/channels/alerts.ts';

/** What a delivery gives a sink: when to give up, and where to report a retry. */
export interface DeliveryContext {
  /** Aborts when the delivery's whole time limit is up or the app stops. */
  readonly signal: AbortSignal;
  /** Called before each retry with the attempt number (2 = the first retry) and the exact reason. */
  onRetry(attempt: number, reason: string): void;
}

/** What a channel answered when it accepted an alert. */
export interface DeliveryReceipt {
  /** Tries it took, the first included. */
  readonly attempts: number;
  /** The provider's id for the message (Twilio's SM… sid, Telegram's message_id, the SMTP message id). */
  readonly providerId?: string;
}

/**
 * One alert channel. `send` and `test` resolve with the receipt once the provider accepted the
 * message, or reject with a TradingError whose message is the exact reason (wrong token,
 * unreachable host, TLS failure, the provider's own error code) — never with a secret in it.
 */
export interface AlertSink {
  readonly name: AlertChannelName;
  send(alert: Alert, context: DeliveryContext): Promise<DeliveryReceipt>;
  /** Sends a test alert with the current settings and secret. */
  test(context: DeliveryContext): Promise<DeliveryReceipt>;
}
