// The router with in-memory channels (the real ones are tested against protocol peers in
// tests/integration/alerts): it never waits for a channel, journals every outcome, and escalates
// an unacknowledged critical alert to SMS on the driven clock.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConnectionError } from '../../shared/errors.ts';
import type { Alert, AlertChannelName, AlertInput } from '../../shared/ipc/channels/alerts.ts';
import { configSchema, type ConfigOverrides } from '../config/schema.ts';
import { silentLogger } from '../observability/logger.ts';
import { openJournal, type Journal } from '../store/journal.ts';
import { createAlertRouter, type AlertRouter } from './router.ts';
import type { AlertSink, DeliveryContext } from './sink.ts';

interface TestChannel {
  readonly sink: AlertSink;
  readonly sent: Alert[];
  /** Makes every send wait until released (a hung channel), or fail. */
  behaviour: 'ok' | 'hang' | 'fail';
  release(): void;
}

function channel(name: AlertChannelName): TestChannel {
  const waiting: (() => void)[] = [];
  const state: TestChannel = {
    sent: [],
    behaviour: 'ok',
    release: () => {
      for (const resume of waiting.splice(0)) resume();
    },
    sink: {
      name,
      send: async (alert: Alert, context: DeliveryContext) => {
        if (state.behaviour === 'hang') {
          await new Promise<void>((resolve, reject) => {
            waiting.push(resolve);
            context.signal.addEventListener(
              'abort',
              () => {
                reject(context.signal.reason as Error);
              },
              { once: true },
            );
          });
        }
        if (state.behaviour === 'fail')
          throw new ConnectionError(
            'channel-unreachable',
            `${name}.example refused the connection (ECONNREFUSED)`,
          );
        state.sent.push(alert);
        return { attempts: 1 };
      },
      test: () => Promise.resolve({ attempts: 1 }),
    },
  };
  return state;
}

const allOn: ConfigOverrides = {
  alerts: {
    escalateAfterMs: 60_000,
    channels: {
      email: { enabled: true, host: 'smtp.example.com', from: 'a@example.com', to: ['b@example.com'] },
      sms: { enabled: true, accountSid: `AC${'0'.repeat(32)}`, from: '+14155550100', to: '+14155550123' },
      slack: { enabled: true },
      telegram: { enabled: true, chatId: '42' },
    },
  },
};

function rig(overrides: ConfigOverrides = allOn): {
  router: AlertRouter;
  journal: Journal;
  channels: Record<AlertChannelName, TestChannel>;
  published: string[];
} {
  const config = configSchema.parse(overrides);
  const channels = {
    desktop: channel('desktop'),
    email: channel('email'),
    sms: channel('sms'),
    slack: channel('slack'),
    telegram: channel('telegram'),
  };
  const journal = openJournal({ filePath: ':memory:', now: () => Date.now() });
  const published: string[] = [];
  const router = createAlertRouter({
    config: () => config.alerts,
    sinks: Object.values(channels).map((c) => c.sink),
    journal,
    events: {
      publish: (event) => {
        published.push(event);
      },
    },
    clock: { now: () => Date.now() },
    logger: silentLogger,
  });
  return { router, journal, channels, published };
}

const critical: AlertInput = {
  severity: 'critical',
  code: 'stop-unplaceable',
  message: 'XBTUSDTM: the stop could not be placed',
  symbol: 'XBTUSDTM',
  details: { attempts: 3 },
  at: 1,
};

function deliveries(journal: Journal): Record<string, unknown>[] {
  return journal
    .queryEvents({ kind: 'alert-delivery', limit: 100 })
    .map((event) => event.data)
    .reverse();
}

describe('alert router', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('a critical alert reaches every channel once and each delivery is journaled', async () => {
    const { router, journal, channels, published } = rig();
    const alert = router.raise(critical);
    await router.idle();
    for (const c of Object.values(channels)) expect(c.sent.map((a) => a.id)).toEqual([alert.id]);
    expect(deliveries(journal).map((d) => [d.channel, d.outcome])).toEqual(
      expect.arrayContaining([
        ['desktop', 'sent'],
        ['email', 'sent'],
        ['sms', 'sent'],
        ['slack', 'sent'],
        ['telegram', 'sent'],
      ]),
    );
    expect(journal.queryEvents({ kind: 'alert', limit: 10 })).toHaveLength(1);
    expect(published).toContain('alerts:alert-raised');
    await router.stop();
  });

  it('a hung channel holds up nothing: raise returns, the others deliver, later alerts too', async () => {
    const { router, channels } = rig();
    channels.slack.behaviour = 'hang';
    const first = router.raise(critical);
    const second = router.raise({ ...critical, code: 'position-emergency-close', message: 'closed' });
    await Promise.all(
      (['desktop', 'email', 'sms', 'telegram'] as const).map((name) =>
        vi.waitFor(() => {
          expect(channels[name].sent).toHaveLength(2);
        }),
      ),
    );
    expect(channels.slack.sent).toHaveLength(0);
    channels.slack.behaviour = 'ok';
    channels.slack.release();
    await router.idle();
    expect(channels.slack.sent.map((a) => a.id)).toEqual([first.id, second.id]);
    await router.stop();
  });

  it('a failing channel is journaled with the exact reason; the duplicate is journaled as suppressed', async () => {
    const { router, journal, channels } = rig();
    channels.telegram.behaviour = 'fail';
    router.raise(critical);
    router.raise(critical);
    await router.idle();
    const rows = deliveries(journal).filter((d) => d.channel === 'telegram');
    expect(rows).toEqual([
      expect.objectContaining({
        outcome: 'suppressed-duplicate',
        reason: 'the same condition was already sent',
      }),
      expect.objectContaining({
        outcome: 'failed',
        errorCode: 'channel-unreachable',
        reason: 'telegram.example refused the connection (ECONNREFUSED)',
      }),
    ]);
    await router.stop();
  });

  it('info stays in the app; a disabled channel gets nothing', async () => {
    const { router, channels } = rig({ alerts: { channels: { email: { enabled: false } } } });
    router.raise({
      severity: 'info',
      code: 'order-filled',
      message: 'filled',
      details: { fillId: 'a' },
      at: 1,
    });
    router.raise(critical);
    await router.idle();
    expect(channels.desktop.sent.map((a) => a.code)).toEqual(['stop-unplaceable']);
    expect(channels.email.sent).toHaveLength(0);
    expect(channels.slack.sent).toHaveLength(0); // not enabled in this config
    await router.stop();
  });

  it('an unacknowledged critical alert is re-sent on SMS once; an acknowledged one is not', async () => {
    vi.useFakeTimers();
    const { router, journal, channels } = rig();
    const ignored = router.raise(critical);
    const seen = router.raise({
      ...critical,
      symbol: 'ETHUSDTM',
      message: 'ETHUSDTM: the stop could not be placed',
    });
    await router.idle();
    expect(channels.sms.sent.map((a) => a.id)).toEqual([ignored.id, seen.id]);
    router.acknowledge(seen.id);
    await vi.advanceTimersByTimeAsync(60_000);
    await router.idle();
    expect(channels.sms.sent.map((a) => a.id)).toEqual([ignored.id, seen.id, ignored.id]);
    expect(channels.sms.sent[2]?.title).toBe('Not acknowledged: Stop could not be placed');
    expect(channels.email.sent).toHaveLength(2);
    expect(deliveries(journal).filter((d) => d.escalation === true)).toEqual([
      expect.objectContaining({ channel: 'sms', outcome: 'sent', alertId: ignored.id }),
    ]);
    await vi.advanceTimersByTimeAsync(600_000);
    expect(channels.sms.sent).toHaveLength(3);
    await router.stop();
  });

  it('a condition that clears before the escalation time is not escalated', async () => {
    vi.useFakeTimers();
    const { router, channels } = rig();
    router.raise({
      severity: 'critical',
      code: 'exchange-unreachable',
      message: 'down',
      details: { host: 'futures' },
      at: 1,
    });
    router.raise({
      severity: 'info',
      code: 'exchange-reachable',
      message: 'up',
      details: { host: 'futures' },
      at: 2,
    });
    await vi.advanceTimersByTimeAsync(120_000);
    await router.idle();
    expect(channels.sms.sent.map((a) => a.code)).toEqual(['exchange-unreachable', 'exchange-reachable']);
    await router.stop();
  });

  it('acknowledging an unknown alert says so', () => {
    const { router } = rig();
    expect(() => router.acknowledge(99)).toThrow(/no recent alert #99/);
  });

  it('stop gives up a hung delivery and journals why', async () => {
    const { router, journal, channels } = rig();
    channels.email.behaviour = 'hang';
    router.raise(critical);
    await vi.waitFor(() => {
      expect(channels.sms.sent).toHaveLength(1);
    });
    await router.stop();
    expect(deliveries(journal).find((d) => d.channel === 'email')).toMatchObject({
      outcome: 'failed',
      errorCode: 'channel-stopped',
    });
  });
});
