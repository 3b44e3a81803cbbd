/**
 * The health checks, one function each, in one list. Each reads the sources and says green, amber
 * or red with a reason a trader can act on. A new check is one function and one line in
 * {@link healthChecks}.
 */
import type { HealthReading } from '../../../shared/ipc/channels/health.ts';
import type { ObservabilityConfig } from '../../config/sections/observability.ts';
import type { HealthSources, StreamReading } from './sources.ts';

type Thresholds = ObservabilityConfig['health'];
/** One check. */
export type HealthCheck = (sources: HealthSources, thresholds: Thresholds) => HealthReading[];

const green = (check: string, reason: string): HealthReading => ({ check, level: 'green', reason });
const amber = (check: string, reason: string): HealthReading => ({ check, level: 'amber', reason });
const red = (check: string, reason: string): HealthReading => ({ check, level: 'red', reason });
const seconds = (ms: number): string => `${Math.max(0, Math.round(ms / 1000))} s`;

const breakers: HealthCheck = ({ exchange }) => {
  const futures =
    exchange.breaker === 'open'
      ? red(
          'breaker-futures',
          "KuCoin's futures API is unreachable (circuit breaker open): no orders go out until a probe succeeds; the exchange-side stops still protect open positions.",
        )
      : exchange.breaker === 'half-open'
        ? amber(
            'breaker-futures',
            "KuCoin's futures API failed repeatedly and is being probed (breaker half-open).",
          )
        : green('breaker-futures', "KuCoin's futures API answers.");
  const general =
    exchange.generalBreaker === 'open'
      ? amber(
          'breaker-general',
          "KuCoin's account API is unreachable (breaker open): key checks wait; trading is not affected.",
        )
      : green('breaker-general', "KuCoin's account API answers.");
  return [futures, general];
};

const restConnectivity: HealthCheck = ({ rest, now }) => {
  const failure = rest.lastFailure;
  if (failure !== undefined && rest.consecutiveFailures >= 3) {
    return [
      amber(
        'rest',
        `The last ${rest.consecutiveFailures} requests to KuCoin failed (${failure.code} on ${failure.route}).`,
      ),
    ];
  }
  if (rest.lastOkAt === undefined) return [amber('rest', 'No answer from KuCoin yet.')];
  return [green('rest', `KuCoin answered ${seconds(now - rest.lastOkAt)} ago.`)];
};

const authentication: HealthCheck = ({ exchange, rest, credentials, mode }) => {
  if (mode === 'live' && credentials === 'absent')
    return [
      red(
        'auth',
        'No KuCoin API key is stored: live trading is unavailable. Add one in Settings → Connection.',
      ),
    ];
  if (exchange.streams.private === 'auth-failed') {
    return [
      red(
        'auth',
        'KuCoin refused the API key for the private stream: order updates come from polling only. Check the key in Settings → Connection.',
      ),
    ];
  }
  const failure = rest.lastFailure;
  if (failure?.errorClass === 'AuthError' && (rest.lastOkAt === undefined || rest.lastOkAt < failure.at)) {
    return [red('auth', `KuCoin refused the API key (${failure.code}). Check it in Settings → Connection.`)];
  }
  return [green('auth', 'KuCoin accepts the API key.')];
};

const timeSync: HealthCheck = ({ exchange }) => {
  const { clock } = exchange;
  if (clock.state === 'healthy')
    return [green('clock', `Clock in sync with KuCoin (±${Math.round(clock.uncertaintyMs)} ms).`)];
  if (clock.state === 'unsynced')
    return [amber('clock', 'The clock is not synced with KuCoin yet: new orders wait until it is.')];
  const uncertainty = clock.uncertaintyMs < 0 ? 'unknown' : `±${Math.round(clock.uncertaintyMs)} ms`;
  return [
    red(
      'clock',
      `The clock cannot be trusted (${uncertainty}, allowed ±${Math.round(clock.maxUncertaintyMs)} ms): new orders are refused until it resyncs.`,
    ),
  ];
};

function publicStream(stream: StreamReading, now: number, staleMs: number): HealthReading {
  if (stream.state === 'open') {
    const silentMs = stream.lastMessageAt === undefined ? 0 : now - stream.lastMessageAt;
    if (stream.topics > 0 && silentMs > staleMs)
      return amber(
        'stream-public',
        `No market data for ${seconds(silentMs)}: prices on screen may be stale.`,
      );
    return green('stream-public', 'Market data stream live.');
  }
  if (stream.state === 'stopped' || stream.state === 'auth-failed')
    return red('stream-public', `The market data stream is ${stream.state}: prices on screen are stale.`);
  return amber('stream-public', `The market data stream is ${stream.state}.`);
}

const streams: HealthCheck = ({ streams: readings, privateDownSince, now }, thresholds) => {
  const out = [publicStream(readings.public, now, thresholds.marketDataStaleMs)];
  const state = readings.private.state;
  if (state === 'absent') return out;
  if (state === 'open') return [...out, green('stream-private', 'Order update stream live.')];
  const downMs = privateDownSince === undefined ? 0 : now - privateDownSince;
  if (state === 'auth-failed' || downMs >= thresholds.privateStreamRedAfterMs) {
    return [
      ...out,
      red(
        'stream-private',
        `The order update stream has been down for ${seconds(downMs)}: orders and positions are read by polling, and trading is reduced.`,
      ),
    ];
  }
  return [...out, amber('stream-private', `The order update stream is ${state}.`)];
};

const rateHeadroom: HealthCheck = ({ exchange }, thresholds) =>
  exchange.limiter
    .filter((pool) => pool.limit > 0)
    .map((pool) => {
      const check = `rate-${pool.pool.toLowerCase()}`;
      if (pool.pausedForMs > 0)
        return amber(
          check,
          `KuCoin is overloaded (429 without quota headers): ${pool.pool} requests pause for ${seconds(pool.pausedForMs)}.`,
        );
      if (pool.remaining / pool.limit < thresholds.rateHeadroomAmberShare) {
        return amber(
          check,
          `Only ${pool.remaining} of ${pool.limit} ${pool.pool} request weight left in this window (resets in ${seconds(pool.resetInMs)}); cancels and stops keep their reserve.`,
        );
      }
      return green(check, `${pool.pool} rate limit: ${pool.remaining} of ${pool.limit} left.`);
    });

const keychain: HealthCheck = ({ keychain: probe, credentials }) => {
  if (!probe.ok && probe.at !== undefined)
    return [
      amber(
        'keychain',
        `The OS keychain does not answer (${probe.problem ?? 'no answer'}): alert secrets and key changes are unavailable.`,
      ),
    ];
  if (credentials === 'ephemeral')
    return [amber('keychain', 'No OS keychain: the paper-trading key lives in memory for this run only.')];
  return [green('keychain', 'The OS keychain answers.')];
};

const marketData: HealthCheck = ({ tradingDataStale }) =>
  tradingDataStale === undefined
    ? []
    : [
        red(
          'market-data',
          `Positions and stops could not be read: ${tradingDataStale}. Trading is reduced until they are.`,
        ),
      ];

const journal: HealthCheck = ({ journal: probe }) =>
  probe.ok || probe.at === undefined
    ? [green('journal', 'The journal is writable.')]
    : [
        red(
          'journal',
          `The journal cannot be written (${probe.problem ?? 'unknown error'}): orders cannot be recorded, so new ones fail until it can.`,
        ),
      ];

const alertChannels: HealthCheck = ({ channels }) =>
  channels
    .filter((channel) => channel.enabled)
    .map((channel) => {
      const check = `alert-${channel.channel}`;
      if (channel.last?.outcome === 'failed')
        return amber(
          check,
          `${channel.channel} alerts are failing: ${channel.last.reason ?? 'no reason given'}`,
        );
      return green(
        check,
        channel.last === undefined
          ? `${channel.channel} alerts are on (none sent yet).`
          : `${channel.channel} alerts delivered.`,
      );
    });

/** Every check, in the order the status lists them. */
export const healthChecks: readonly HealthCheck[] = [
  breakers,
  restConnectivity,
  authentication,
  timeSync,
  streams,
  rateHeadroom,
  keychain,
  marketData,
  journal,
  alertChannels,
];
