/**
 * Gathers what the health checks read from the running engine, and runs the two probes that need
 * I/O: the keychain (a read of an entry that holds nothing) and the journal (one small write).
 */
import type { Alerts } from '../alerts/index.ts';
import type { Config } from '../config/schema.ts';
import type { ExchangeClient } from '../exchange/index.ts';
import type {
  HealthSources,
  ProbeReading,
  RestActivity,
  StreamReading,
} from '../observability/health/sources.ts';
import type { SecretStore } from '../secrets/index.ts';
import type { Journal } from '../store/journal.ts';
import type { Clock } from '../time/clock.ts';
import type { ResolvedCredentials } from './credentials.ts';

/** The inputs of {@link createHealthSources}. */
export interface HealthSourceInputs {
  readonly config: () => Config;
  readonly mode: 'paper' | 'live';
  readonly clock: Clock;
  readonly client: ExchangeClient;
  readonly credentials: ResolvedCredentials;
  readonly secretStore: Pick<SecretStore, 'probe'>;
  readonly journal: Pick<Journal, 'setSetting'>;
  readonly alerts: Pick<Alerts, 'lastDeliveries'>;
  readonly rest: () => RestActivity;
  /** The trading engine's market-data-stale reason, when that trigger holds. */
  readonly tradingDataStale: () => string | undefined;
}

function streamReading(stream: ExchangeClient['publicStream'] | undefined): StreamReading {
  if (stream === undefined) return { state: 'absent', lastMessageAt: undefined, topics: 0 };
  const stats = stream.stats();
  return { state: stats.state, lastMessageAt: stats.lastMessageAt, topics: stats.topics.length };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** One small journal write: proves the database still accepts writes. */
function probeJournal(journal: HealthSourceInputs['journal'], now: number): ProbeReading {
  try {
    journal.setSetting('health-probe', now);
    return { ok: true, at: now };
  } catch (error) {
    return { ok: false, at: now, problem: errorText(error) };
  }
}

/** Each configured alert channel, whether it is on, and how its last delivery went. */
function channelReadings(inputs: HealthSourceInputs): HealthSources['channels'] {
  const channels = inputs.config().alerts.channels;
  const last = inputs.alerts.lastDeliveries();
  return (Object.keys(channels) as (keyof typeof channels)[]).map((channel) => ({
    channel,
    enabled: channels[channel].enabled,
    last: last.get(channel),
  }));
}

/** The sources, and the probes (each runs at most once per its interval however often it is called). */
export function createHealthSources(inputs: HealthSourceInputs): {
  read: () => HealthSources;
  probe: () => Promise<void>;
} {
  let keychain: ProbeReading = { ok: true, at: undefined };
  let journal: ProbeReading = { ok: true, at: undefined };
  let privateDownSince: number | undefined;
  let lastKeychainAt = Number.NEGATIVE_INFINITY;
  let lastJournalAt = Number.NEGATIVE_INFINITY;
  const probe = async (): Promise<void> => {
    const now = inputs.clock.now();
    const thresholds = inputs.config().observability.health;
    if (now - lastJournalAt >= thresholds.journalProbeIntervalMs) {
      lastJournalAt = now;
      journal = probeJournal(inputs.journal, now);
    }
    if (now - lastKeychainAt >= thresholds.keychainProbeIntervalMs) {
      lastKeychainAt = now;
      keychain = await inputs.secretStore.probe().then(
        () => ({ ok: true, at: now }),
        (error: unknown) => ({ ok: false, at: now, problem: errorText(error) }),
      );
    }
  };
  const read = (): HealthSources => {
    const now = inputs.clock.now();
    const exchange = inputs.client.health();
    const privateState = exchange.streams.private;
    if (privateState === 'open' || privateState === 'absent') privateDownSince = undefined;
    else privateDownSince ??= now;
    const tradingDataStale = inputs.tradingDataStale();
    return {
      now,
      mode: inputs.mode,
      exchange,
      privateDownSince,
      rest: inputs.rest(),
      credentials: inputs.credentials.source,
      keychain,
      journal,
      streams: {
        public: streamReading(inputs.client.publicStream),
        private: streamReading(inputs.client.privateStream),
      },
      ...(tradingDataStale === undefined ? { tradingDataStale: undefined } : { tradingDataStale }),
      channels: channelReadings(inputs),
    };
  };
  return { read, probe };
}
