// health:get-status of the running engine under faults injected at the venue and the peers: it
// turns red with the right reason when KuCoin is unreachable (and raises an alert), amber when market
// data goes silent or an alert channel fails, and back when the faults clear. The Prometheus
// endpoint is off by default and, when switched on, serves exposition on 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HealthStatus } from '../../../src/shared/ipc/channels/health.ts';
import { alertChannelSecrets as secrets } from '../../fixtures/test-secrets.ts';
import { startTestEngine } from '../../harness/engine.ts';
import { call, startEngineWithPeers, until, type EngineWithPeers } from './engine-peers.ts';

const settings = {
  exchange: { breaker: { breakerFailureThreshold: 2, breakerCooldownMs: 1_000 } },
  observability: {
    health: { checkIntervalMs: 200, marketDataStaleMs: 1_500, redAlertAfterMs: 0 },
    prometheus: { enabled: true, port: 0 },
  },
  alerts: { delivery: { attempts: 1, attemptTimeoutMs: 3_000, totalTimeoutMs: 5_000 } },
};

describe('health:get-status under injected faults', () => {
  let rig: EngineWithPeers;
  const status = async (): Promise<HealthStatus> =>
    (await call(rig.router, 'health:get-status', undefined)) as HealthStatus;
  const pushed: HealthStatus[] = [];

  beforeAll(async () => {
    rig = await startEngineWithPeers('health', settings);
    rig.test.engine.events.subscribe((event, payload) => {
      if (event === 'health:status-changed') pushed.push(payload as HealthStatus);
    });
    await call(rig.router, 'market:get-ticker', { symbol: 'XBTUSDTM' }); // subscribes the ticker: market data flows
  });
  afterAll(async () => {
    await rig.stop();
  });

  it('settles green once the clock is synced and the streams are live', async () => {
    const green = await until('green', async () => {
      const s = await status();
      return s.level === 'green' ? s : undefined;
    });
    expect(green.reasons).toEqual([]);
    expect(green.checks.map((c) => c.check)).toEqual(
      expect.arrayContaining([
        'breaker-futures',
        'rest',
        'auth',
        'clock',
        'stream-public',
        'stream-private',
        'keychain',
        'journal',
        'alert-email',
        'alert-telegram',
      ]),
    );
  });

  it('KuCoin unreachable: red with the reason, pushed to the status bar, raised as an alert; green again after', async () => {
    const venue = rig.test.engine.services.venue;
    if (venue === undefined) throw new Error('paper mode runs a venue');
    venue.admin.addFault({ kind: 'server-error', path: '/api/v1/**' });
    const red = await until('red', async () => {
      const s = await status();
      return s.level === 'red' ? s : undefined;
    });
    expect(red.reasons[0]).toContain("KuCoin's futures API is unreachable (circuit breaker open)");
    await until('pushed red', () => pushed.some((s) => s.level === 'red'));
    const alert = await until('health alert', () =>
      rig.test.engine.alerts.recent().find((a) => a.code === 'health-red'),
    );
    expect(alert).toMatchObject({ severity: 'critical', title: 'Bulwark health is red' });
    expect(alert.message).toContain('unreachable');
    venue.admin.clearFaults();
    await until('no longer red', async () => (await status()).level !== 'red');
    await until('recovery alert', () =>
      rig.test.engine.alerts.recent().find((a) => a.code === 'health-recovered'),
    );
  });

  it('market data silent: amber, saying for how long', async () => {
    const venue = rig.test.engine.services.venue;
    if (venue === undefined) throw new Error('paper mode runs a venue');
    venue.admin.silenceWebSockets(true);
    try {
      const amber = await until('stale market data', async () => {
        const s = await status();
        return s.checks.find((c) => c.check === 'stream-public' && c.level === 'amber');
      });
      expect(amber.reason).toMatch(/^No market data for \d+ s: prices on screen may be stale\.$/);
    } finally {
      venue.admin.silenceWebSockets(false);
    }
  });

  it('an alert channel whose last delivery failed: amber with the channel’s exact reason', async () => {
    await call(rig.router, 'alerts:set-channel-secret', {
      channel: 'telegram',
      secret: secrets.wrongTelegramBotToken,
    });
    await call(rig.router, 'alerts:test-channel', { channel: 'telegram' });
    const s = await status();
    expect(s.checks.find((c) => c.check === 'alert-telegram')).toEqual({
      check: 'alert-telegram',
      level: 'amber',
      reason:
        'telegram alerts are failing: Telegram refused the bot token (401 Unauthorized). Copy it again from @BotFather.',
    });
    await call(rig.router, 'alerts:set-channel-secret', {
      channel: 'telegram',
      secret: secrets.telegramBotToken,
    });
    await call(rig.router, 'alerts:test-channel', { channel: 'telegram' });
    expect((await status()).checks.find((c) => c.check === 'alert-telegram')?.level).toBe('green');
  });

  it('the Prometheus endpoint, switched on, serves the engine’s metrics on 127.0.0.1', async () => {
    const endpoint = rig.test.engine.services.observability.prometheus;
    expect(endpoint?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    const response = await fetch(endpoint?.url ?? '');
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toMatch(/bulwark_rest_calls_total\{pool="Public"\} \d+/);
    expect(text).toContain('# TYPE bulwark_rest_request_ms gauge');
    expect(text).toMatch(/bulwark_ws_messages_per_second\{stream="public",quantile="0.5"\}/);
  });
});

describe('the Prometheus endpoint by default', () => {
  it('is off', async () => {
    const test = await startTestEngine({ label: 'prometheus-off' });
    try {
      expect(test.engine.services.observability.prometheus).toBeUndefined();
    } finally {
      await test.stop();
    }
  });
});
