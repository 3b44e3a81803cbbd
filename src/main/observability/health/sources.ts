/**
 * What the health checks read: plain snapshots of the running services, gathered by the engine's
 * wiring (src/main/wiring/observability.ts). The checks themselves stay pure functions of these.
 */
import type { AlertChannelName } from '../../../shared/ipc/channels/alerts.ts';
import type { ExchangeHealth } from '../../../shared/ipc/channels/market.ts';

/** A stream's liveness. */
export interface StreamReading {
  readonly state: ExchangeHealth['streams']['private'];
  readonly lastMessageAt: number | undefined;
  readonly topics: number;
}

/** What REST has been doing lately (from the client's onRequestCompleted). */
export interface RestActivity {
  readonly lastOkAt: number | undefined;
  readonly consecutiveFailures: number;
  readonly lastFailure:
    | { readonly at: number; readonly code: string; readonly errorClass: string; readonly route: string }
    | undefined;
}

/** A probe's last answer (keychain, journal). */
export interface ProbeReading {
  readonly ok: boolean;
  readonly at: number | undefined;
  readonly problem?: string;
}

/** One alert channel as health sees it. */
export interface ChannelReading {
  readonly channel: AlertChannelName;
  readonly enabled: boolean;
  readonly last:
    { readonly at: number; readonly outcome: string; readonly reason?: string | undefined } | undefined;
}

/** Everything the checks read, at one moment. */
export interface HealthSources {
  readonly now: number;
  readonly mode: 'paper' | 'live';
  readonly exchange: ExchangeHealth;
  readonly streams: { readonly public: StreamReading; readonly private: StreamReading };
  /** Since when the private stream has not been open (undefined: open or absent). */
  readonly privateDownSince: number | undefined;
  readonly rest: RestActivity;
  readonly credentials: 'keychain' | 'ephemeral' | 'absent';
  readonly keychain: ProbeReading;
  readonly journal: ProbeReading;
  /** The trading engine's own verdict that positions and stops are unread (its market-data-stale trigger). */
  readonly tradingDataStale: string | undefined;
  readonly channels: readonly ChannelReading[];
}
