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

/**
 * Turns the client's state changes into alerts a trader sees (and, for warnings, a desktop
 * notification): a breaker opening or closing on either host, the private stream refusing the key,
 * the clock becoming untrustworthy for order entry and recovering.
 */
export function alertOnExchangeChanges(client: ExchangeClient, alerts: AlertRouter, clock: Clock): () => void {
  const offs = [...alertOnBreakers(client, alerts), ...alertOnKeyRefused(client, alerts), alertOnClock(client, alerts, clock)];
  return () => {
    for (const off of offs) off();
  };
}
