/** A push message from a KuCoin stream (docs/reference/kucoin-futures.md#ws-subscribe envelope): `data` is parsed by whoever subscribed. */
export interface StreamMessage {
  readonly topic: string;
  readonly subject: string;
  readonly data: unknown;
  /** Set on private channels. */
  readonly channelType?: string;
}

/** Lifecycle events of one stream, for the supervisor, the trading layer and the health panel. */
export type StreamEvent =
  | {
      readonly type: 'connected';
      readonly connectId: string;
      readonly reconnect: boolean;
      readonly at: number;
    }
  | { readonly type: 'disconnected'; readonly reason: string; readonly at: number }
  | {
      readonly type: 'reconnect-scheduled';
      readonly attempt: number;
      readonly delayMs: number;
      readonly at: number;
    }
  | { readonly type: 'resubscribed'; readonly topics: number; readonly at: number }
  /** After a private stream reconnects: pushes may have been missed, reconcile over REST (docs/reference/kucoin-futures.md#ws-reconnect). */
  | { readonly type: 'reconcile-needed'; readonly at: number }
  /**
   * The private token request was refused for the credentials (AuthError, KuCoin 400001/400003–400009):
   * retrying cannot help, so the stream stops retrying until `restart()` (e.g. after the key changed).
   * `code`/`message` are the mapped AuthError's, ready for an alert.
   */
  | {
      readonly type: 'auth-failed';
      readonly code: string;
      readonly message: string;
      readonly kucoinCode: string | undefined;
      readonly at: number;
    };

/** Connection state of a stream. */
export const streamStates = ['idle', 'connecting', 'open', 'reconnecting', 'auth-failed', 'stopped'] as const;
/** A stream's connection state. */
export type StreamState = (typeof streamStates)[number];

/** Counters for the health panel and tests. */
export interface StreamStats {
  readonly state: StreamState;
  readonly connects: number;
  readonly tokensFetched: number;
  readonly messages: number;
  readonly lastMessageAt: number | undefined;
  readonly topics: readonly string[];
}
