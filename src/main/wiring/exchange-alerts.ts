import type { ExchangeClient } from '../exchange/index.ts';
import type { Clock } from '../time/clock.ts';
import type { AlertRouter } from '../alerts/index.ts';

function alertOnBreakers(client: ExchangeClient, alerts: AlertRouter): (() => void)[] {
  const breakers = [
    ['futures', client.breaker],
    ['general', client.generalBreaker],
  ] as const;
  return breakers.map(([host, breaker]) =>
    breaker.onStateChange((change) => {
      const open = change.to === 'open';
      alerts.raise({
        severity: open ? 'critical' : 'info',
        code: open ? 'exchange-unreachable' : 'exchange-reachable',
        message: open
          ? `The ${host} API is unreachable (${change.reason ?? 'repeated failures'}); calls fail fast until a probe succeeds. Exchange-side stops keep protecting open positions.`
          : `The ${host} API answers again (breaker ${change.to}).`,
        details: { host, from: change.from, to: change.to },
        at: change.at,
      });
    }),
  );
}

function alertOnKeyRefused(client: ExchangeClient, alerts: AlertRouter): (() => void)[] {
  if (client.privateStream === undefined) return [];
  return [
    client.privateStream.onEvent((event) => {
      if (event.type !== 'auth-failed') return;
      alerts.raise({
        severity: 'critical',
        code: 'private-stream-key-refused',
        message: `${event.message} Order and position updates now come from REST polling only; fix the key in Settings → Connection.`,
        details: { code: event.code, kucoinCode: event.kucoinCode ?? '' },
        at: event.at,
      });
    }),
  ];
}

function alertOnClock(client: ExchangeClient, alerts: AlertRouter, clock: Clock): () => void {
  let lastState = client.timeSync.status().state;
  return client.timeSync.onStatus((status) => {
    if (status.state === lastState) return;
    const wasHealthy = lastState === 'healthy';
    lastState = status.state;
    if (status.state !== 'healthy' && !wasHealthy) return; // unsynced → uncertain: still blocked, no news
    const healthy = status.state === 'healthy';
    alerts.raise({
      severity: healthy ? 'info' : 'warning',
      code: healthy ? 'clock-healthy' : 'clock-untrusted',
      message: healthy
        ? `Clock synced with the exchange (offset ${status.offsetMs.toFixed(0)} ms ± ${status.uncertaintyMs.toFixed(0)} ms); order entry allowed.`
        : `Clock ${status.state}: ±${status.uncertaintyMs.toFixed(0)} ms exceeds ${status.maxUncertaintyMs.toFixed(0)} ms; new orders are refused until it resyncs.`,
      details: { state: status.state, offsetMs: status.offsetMs, uncertaintyMs: status.uncertaintyMs },
      at: clock.now(),
    });
  });
}

interface StreamDeathState {
  timer: NodeJS.Timeout | undefined;
  dead: boolean;
  downSince: number;
}

function raisePrivateStreamDead(
  alerts: AlertRouter,
  clock: Clock,
  state: StreamDeathState,
  graceMs: number,
  reason: string,
): void {
  alerts.raise({
    severity: 'warning',
    code: 'private-stream-dead',
    at: clock.now(),
    details: { downForS: Math.round((clock.now() - state.downSince) / 1000), reason },
    message: `KuCoin's private stream has been down for over ${Math.round(graceMs / 1000)} s (${reason}): order and position updates come from REST polling, and trading is reduced until it is back.`,
  });
}

function raisePrivateStreamBack(alerts: AlertRouter, state: StreamDeathState, at: number): void {
  alerts.raise({
    severity: 'info',
    code: 'private-stream-back',
    at,
    details: { downForS: Math.round((at - state.downSince) / 1000) },
    message: "KuCoin's private stream is back; order updates arrive live again.",
  });
}

/** The private stream down longer than `graceMs` is dead (order updates by polling only); its return clears it. */
function alertOnPrivateStreamDeath(
  client: ExchangeClient,
  alerts: AlertRouter,
  clock: Clock,
  graceMs: number,
): (() => void)[] {
  const stream = client.privateStream;
  if (stream === undefined) return [];
  const state: StreamDeathState = { timer: undefined, dead: false, downSince: 0 };
  const off = stream.onEvent((event) => {
    if (event.type === 'disconnected' && state.timer === undefined && !state.dead) {
      state.downSince = event.at;
      state.timer = setTimeout(() => {
        state.timer = undefined;
        if (stream.stats().state === 'open') return;
        state.dead = true;
        raisePrivateStreamDead(alerts, clock, state, graceMs, event.reason);
      }, graceMs);
      state.timer.unref();
    }
    if (event.type === 'connected') {
      clearTimeout(state.timer);
      state.timer = undefined;
      if (state.dead) raisePrivateStreamBack(alerts, state, event.at);
      state.dead = false;
    }
  });
  return [
    off,
    () => {
      clearTimeout(state.timer);
    },
  ];
}

/** A REST call refused for the key (AuthError) raises one alert until a call succeeds again. */
function alertOnRestAuth(client: ExchangeClient, alerts: AlertRouter, clock: Clock): () => void {
  let failing = false;
  return client.onRequestCompleted((completed) => {
    if (completed.errorClass !== 'AuthError') {
      if (completed.outcome === 'ok') failing = false;
      return;
    }
    if (failing) return;
    failing = true;
    alerts.raise({
      severity: 'critical',
      code: 'auth-failed',
      at: clock.now(),
      details: { code: completed.outcome, route: completed.route },
      message: `KuCoin refused the API key (${completed.outcome} on ${completed.route}): signed requests fail, so orders and stops cannot be changed. Check the key in Settings → Connection.`,
    });
  });
}

/**
 * Turns the client's state changes into alerts a trader sees: a breaker opening or closing on
 * either host, the private stream refusing the key or staying down past `privateStreamGraceMs`,
 * a REST call refused for the key, the clock becoming untrustworthy for order entry and recovering.
 */
export function alertOnExchangeChanges(
  client: ExchangeClient,
  alerts: AlertRouter,
  clock: Clock,
  privateStreamGraceMs: number,
): () => void {
  const offs = [
    ...alertOnBreakers(client, alerts),
    ...alertOnKeyRefused(client, alerts),
    alertOnClock(client, alerts, clock),
    ...alertOnPrivateStreamDeath(client, alerts, clock, privateStreamGraceMs),
    alertOnRestAuth(client, alerts, clock),
  ];
  return () => {
    for (const off of offs) off();
  };
}
