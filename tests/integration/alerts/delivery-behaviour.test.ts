// The router's promises held against the real channels and their peers, with failures injected in
// the peers: a flapping condition sends one alert and one "cleared", retries ride out a 5xx, the
// per-key rate limit caps a storm, and an unacknowledged critical alert is re-sent by SMS.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertInput } from '../../../src/shared/ipc/channels/alerts.ts';
import { alertChannelSecrets as secrets } from '../../fixtures/test-secrets.ts';
import { useTestKeyring } from '../../harness/keyring.ts';
import { deliveryRows, startAlertsRig, type AlertsRig } from './alerts-rig.ts';
import { startSlackPeer, type SlackPeer } from './peers/slack-peer.ts';
import { startTelegramPeer, type TelegramPeer } from './peers/telegram-peer.ts';
import { startTwilioPeer, type TwilioPeer } from './peers/twilio-peer.ts';
import { until } from './engine-peers.ts';

const accountSid = `AC${'0f1e2d3c'.repeat(4)}`;
const chatId = '24680';
const escalateAfterMs = 800;

describe('delivery behaviour against the peers', () => {
  let keyring: Awaited<ReturnType<typeof useTestKeyring>>;
  let twilio: TwilioPeer;
  let slack: SlackPeer;
  let telegram: TelegramPeer;
  let rig: AlertsRig;
  const raise = (input: AlertInput) => rig.alerts.router.raise(input);

  beforeAll(async () => {
    keyring = await useTestKeyring();
    [twilio, slack, telegram] = await Promise.all([
      startTwilioPeer(accountSid, secrets.twilioAuthToken),
      startSlackPeer(secrets.slackWebhookToken),
      startTelegramPeer(secrets.telegramBotToken, chatId),
    ]);
    rig = startAlertsRig('behaviour', {
      alerts: {
        escalateAfterMs,
        maxSendsPerKey: 2,
        delivery: {
          attempts: 3,
          backoffInitialMs: 20,
          backoffMaxMs: 50,
          attemptTimeoutMs: 2_000,
          totalTimeoutMs: 10_000,
        },
        channels: {
          desktop: { enabled: false },
          sms: {
            enabled: true,
            accountSid,
            from: '+14155550100',
            to: '+14155550123',
            apiBaseUrl: twilio.url,
          },
          slack: { enabled: true },
          telegram: { enabled: true, chatId, apiBaseUrl: telegram.url },
        },
      },
    });
    await rig.alerts.settings.setSecret({ channel: 'sms', secret: secrets.twilioAuthToken });
    await rig.alerts.settings.setSecret({ channel: 'slack', secret: slack.webhookUrl });
    await rig.alerts.settings.setSecret({ channel: 'telegram', secret: secrets.telegramBotToken });
  });
  afterAll(async () => {
    await rig.stop();
    await Promise.all([twilio.stop(), slack.stop(), telegram.stop()]);
    await keyring.stop();
  });

  it('a flapping breaker sends one alert and one "cleared" per channel; the rest is journaled as duplicates', async () => {
    const before = telegram.messages.length;
    for (let i = 0; i < 6; i += 1) {
      raise({
        severity: 'warning',
        code: 'exchange-unreachable',
        message: 'KuCoin unreachable',
        details: { host: 'general' },
        at: Date.now(),
      });
      raise({
        severity: 'info',
        code: 'exchange-reachable',
        message: 'KuCoin reachable',
        details: { host: 'general' },
        at: Date.now(),
      });
    }
    await rig.alerts.router.idle();
    const texts = telegram.messages.slice(before).map((m) => m.text.split('\n')[0]);
    expect(texts).toEqual([
      '[PAPER] Warning: KuCoin unreachable',
      '[PAPER] Info: Cleared: KuCoin reachable again',
    ]);
    const rows = deliveryRows(rig.journal).filter(
      (row) => row.key === 'breaker:general' && row.channel === 'telegram',
    );
    expect(rows.filter((row) => row.outcome === 'sent')).toHaveLength(2);
    expect(rows.filter((row) => row.outcome === 'suppressed-duplicate')).toHaveLength(10);
  });

  it('two 500s from Slack are retried; the delivery journals three attempts', async () => {
    slack.failNext(2, { status: 500, body: 'rollup_error', contentType: 'text/html' });
    const alert = raise({
      severity: 'warning',
      code: 'clock-untrusted',
      message: 'clock',
      details: {},
      at: Date.now(),
    });
    await rig.alerts.router.idle();
    expect(
      deliveryRows(rig.journal).find((row) => row.alertId === alert.id && row.channel === 'slack'),
    ).toMatchObject({ outcome: 'sent', attempts: 3 });
  });

  it('a storm of one condition is capped by the per-key rate limit', async () => {
    const key = 'storm:XBTUSDTM';
    // Warning, then critical (news: a higher severity), then its clear: each passes de-duplication,
    // so only the limit of 2 per key stops the third.
    raise({ severity: 'warning', code: 'storm', key, message: 'warning', details: {}, at: Date.now() });
    raise({ severity: 'critical', code: 'storm', key, message: 'critical', details: {}, at: Date.now() });
    const cleared = raise({
      severity: 'info',
      code: 'storm',
      key,
      clears: true,
      message: 'cleared',
      details: {},
      at: Date.now(),
    });
    await rig.alerts.router.idle();
    const rows = deliveryRows(rig.journal).filter((row) => row.key === key && row.channel === 'telegram');
    expect(rows.map((row) => row.outcome).sort()).toEqual(['rate-limited', 'sent', 'sent']);
    expect(rows.find((row) => row.outcome === 'rate-limited')).toMatchObject({
      alertId: cleared.id,
      reason: '2 alerts for this condition were already sent within 60 min (the limit)',
    });
  });

  it('a critical alert nobody acknowledges is sent again by SMS; an acknowledged one is not', async () => {
    const before = twilio.messages.length;
    const ignored = raise({
      severity: 'critical',
      code: 'position-naked',
      symbol: 'XBTUSDTM',
      message: 'XBTUSDTM: 4 lots without stop',
      details: {},
      at: Date.now(),
    });
    const seen = raise({
      severity: 'critical',
      code: 'position-naked',
      symbol: 'ETHUSDTM',
      message: 'ETHUSDTM: 2 lots without stop',
      details: {},
      at: Date.now(),
    });
    rig.alerts.handlers['alerts:acknowledge-alert']({ id: seen.id });
    await until(
      'the reminder',
      () => twilio.messages.some((m) => m.body.includes('Not acknowledged: Position')),
      10_000,
    );
    await rig.alerts.router.idle();
    const bodies = twilio.messages.slice(before).map((m) => m.body);
    expect(bodies.filter((body) => body.includes('Not acknowledged: Position'))).toEqual([
      'Bulwark [PAPER] CRITICAL: Not acknowledged: Position without a full stop — XBTUSDTM: XBTUSDTM: 4 lots without stop',
    ]);
    expect(
      deliveryRows(rig.journal).filter((row) => row.escalation === true && row.code === 'position-naked'),
    ).toEqual([expect.objectContaining({ alertId: ignored.id, channel: 'sms', outcome: 'sent' })]);
    expect(rig.alerts.router.recent().find((a) => a.id === seen.id)?.acknowledgedAt).toBeTypeOf('number');
  });
});
