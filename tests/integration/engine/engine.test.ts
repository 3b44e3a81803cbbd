// The composition root, as the app runs it: paper mode starts the whole chain (keychain or
// in-memory paper key, venue on loopback, signed client, trading reconciled) and stop() tears it
// down in reverse leaving nothing running — no socket, no timer, no server.
import { describe, expect, it } from 'vitest';
import { startTestEngine } from '../../harness/engine.ts';

function liveHandles(): string[] {
  return process.getActiveResourcesInfo().filter((kind) => kind !== 'TTYWrap' && kind !== 'PipeWrap');
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('engine composition (paper mode)', () => {
  it('serves status, market data and trading state through its handlers, then stops cleanly', async () => {
    const before = liveHandles();
    const testEngine = await startTestEngine({ label: 'engine-compose' });
    const { engine } = testEngine;
    const stop = (): Promise<void> => testEngine.stop();
    const router = engine.createRouter(['app://bulwark']);
    const sender = { url: 'app://bulwark/index.html', isMainFrame: true };

    const status = await router.handle('app:get-status', undefined, sender);
    expect(status).toMatchObject({ ok: true, value: { mode: 'paper' } });
    expect((status as { value: { venueUrl: string } }).value.venueUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const contracts = await router.handle('market:list-contracts', undefined, sender);
    expect(contracts.ok).toBe(true);
    expect((contracts as { value: { symbol: string }[] }).value.map((c) => c.symbol)).toContain('XBTUSDTM');

    let state: unknown;
    await until(() => {
      void router.handle('trading:get-state', undefined, sender).then((answer) => {
        state = answer;
      });
      return (state as { ok?: boolean; value?: { state?: string } } | undefined)?.value?.state === 'ACTIVE';
    }, 'trading to finish start-up reconciliation');

    const heartbeats: number[] = [];
    const off = engine.events.subscribe((event, payload) => {
      if (event === 'app:heartbeat') heartbeats.push((payload as { seq: number }).seq);
    });
    await until(() => heartbeats.length >= 1, 'a heartbeat');
    off();

    await stop();
    await stop(); // idempotent
    await until(() => liveHandles().length <= before.length, 'every socket and timer to close');
    expect(liveHandles().length).toBeLessThanOrEqual(before.length);
  });
});

describe('engine alerts from the exchange client', () => {
  it('an unreachable exchange raises one critical alert, and its recovery an info alert', async () => {
    const testEngine = await startTestEngine({
      label: 'engine-breaker',
      settings: { exchange: { breaker: { breakerFailureThreshold: 2, breakerCooldownMs: 1_000 } } },
    });
    try {
      const venue = testEngine.engine.services.venue;
      if (venue === undefined) throw new Error('paper mode runs a venue');
      const codes = (): string[] => testEngine.engine.alerts.recent().map((alert) => alert.code);
      await until(
        () => testEngine.engine.services.client.timeSync.status().state === 'healthy',
        'the clock to sync',
      );
      venue.admin.addFault({ kind: 'server-error', path: '/api/v1/**' });
      await until(() => codes().includes('exchange-unreachable'), 'the breaker to open');
      const unreachable = testEngine.engine.alerts
        .recent()
        .filter((alert) => alert.code === 'exchange-unreachable');
      expect(unreachable).toHaveLength(1);
      expect(unreachable[0]?.severity).toBe('critical');
      expect(testEngine.notifications.some((n) => n.urgency === 'critical')).toBe(true);
      venue.admin.clearFaults();
      await until(() => codes().includes('exchange-reachable'), 'the breaker to close after a probe');
    } finally {
      await testEngine.stop();
    }
  });
});
