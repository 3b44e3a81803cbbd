/**
 * Alerts benchmark (plain Node 24: `node bench/alerts.bench.ts`). Prints one JSON object.
 *
 * The alert system as the engine builds it (tests/integration/alerts/alerts-rig.ts: router, the
 * real sinks, settings file, secrets in a private OS keyring, journal, log file), its channels
 * pointed at the loopback protocol peers the integration tests use (tests/integration/alerts/peers:
 * an SMTP server with STARTTLS and login, the Twilio, Slack and Telegram HTTP peers), app default
 * delivery settings. Critical alerts are raised one at a time through `router.raise`; each is
 * timed per channel from the raise to its delivery record saying `sent` (the peer accepted it).
 *
 * - criticalToDeliveredP95Ms / P50Ms: per channel.
 * - withSlackHungP95Ms: the other channels while Slack takes every request and never answers.
 * - hungSlackDelayRatio: the worst of those channels' p95 with Slack hung ÷ its p95 without, in
 *   this run (about 1: a hung channel delays no other).
 *
 * The desktop channel is left out: outside Electron its notifier is a recorder, not a desktop.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AlertChannelName } from '../src/shared/ipc/channels/alerts.ts';
import { alertChannelSecrets as secrets } from '../tests/fixtures/test-secrets.ts';
import { useTestKeyring } from '../tests/harness/keyring.ts';
import { startAlertsRig, type AlertsRig } from '../tests/integration/alerts/alerts-rig.ts';
import { startSlackPeer, type SlackPeer } from '../tests/integration/alerts/peers/slack-peer.ts';
import { startSmtpPeer, type SmtpPeer } from '../tests/integration/alerts/peers/smtp-peer.ts';
import { startTelegramPeer, type TelegramPeer } from '../tests/integration/alerts/peers/telegram-peer.ts';
import { startTwilioPeer, type TwilioPeer } from '../tests/integration/alerts/peers/twilio-peer.ts';

type Channel = Exclude<AlertChannelName, 'desktop'>;
const channels: readonly Channel[] = ['email', 'sms', 'slack', 'telegram'];
const accountSid = `AC${'9c8b7a6d'.repeat(4)}`;
const chatId = '13579';

const quantile = (values: readonly number[], q: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
};
const round = (value: number, digits = 1): number => Number(value.toFixed(digits));

interface Peers {
  readonly smtp: SmtpPeer;
  readonly twilio: TwilioPeer;
  readonly slack: SlackPeer;
  readonly telegram: TelegramPeer;
}

async function startRig(): Promise<{ rig: AlertsRig; peers: Peers; stop(): Promise<void> }> {
  const keyring = await useTestKeyring();
  const [smtp, twilio, slack, telegram] = await Promise.all([
    startSmtpPeer({ user: 'trader@example.com', password: secrets.smtpPassword }),
    startTwilioPeer(accountSid, secrets.twilioAuthToken),
    startSlackPeer(secrets.slackWebhookToken),
    startTelegramPeer(secrets.telegramBotToken, chatId),
  ]);
  const rig = startAlertsRig('bench', {
    alerts: {
      channels: {
        desktop: { enabled: false },
        email: {
          enabled: true,
          host: '127.0.0.1',
          port: smtp.port,
          security: 'starttls',
          username: 'trader@example.com',
          from: 'bulwark@example.com',
          to: ['trader@example.com'],
        },
        sms: { enabled: true, accountSid, from: '+14155550100', to: '+14155550123', apiBaseUrl: twilio.url },
        slack: { enabled: true },
        telegram: { enabled: true, chatId, apiBaseUrl: telegram.url },
      },
    },
  });
  const { settings } = rig.alerts;
  await settings.setSecret({ channel: 'email', secret: secrets.smtpPassword });
  await settings.setSecret({ channel: 'sms', secret: secrets.twilioAuthToken });
  await settings.setSecret({ channel: 'slack', secret: slack.webhookUrl });
  await settings.setSecret({ channel: 'telegram', secret: secrets.telegramBotToken });
  return {
    rig,
    peers: { smtp, twilio, slack, telegram },
    async stop() {
      slack.mode = 'answer';
      await rig.stop();
      await Promise.all([smtp.stop(), twilio.stop(), slack.stop(), telegram.stop()]);
      await keyring.stop();
    },
  };
}

/**
 * Raises `count` critical alerts one after another (each once `awaited` channels delivered it)
 * and returns, per channel, the raise → `sent` times in ms. Throws on any failed delivery.
 */
async function raiseAndTime(
  rig: AlertsRig,
  count: number,
  awaited: readonly Channel[],
  label: string,
): Promise<Record<Channel, number[]>> {
  const times: Record<Channel, number[]> = { email: [], sms: [], slack: [], telegram: [] };
  const { router } = rig.alerts;
  for (let i = 0; i < count; i += 1) {
    const pending = new Set<Channel>(awaited);
    let raisedAt = 0;
    let alertId = -1;
    const done = new Promise<void>((resolve, reject) => {
      const off = router.onDelivery((record) => {
        const channel = record.channel as Channel;
        if (record.alertId !== alertId || !pending.has(channel)) return;
        if (record.outcome !== 'sent') {
          off();
          reject(
            new Error(
              `${channel} did not deliver alert ${alertId}: ${record.outcome} ${record.reason ?? ''}`,
            ),
          );
          return;
        }
        times[channel].push(performance.now() - raisedAt);
        pending.delete(channel);
        if (pending.size === 0) {
          off();
          resolve();
        }
      });
    });
    raisedAt = performance.now();
    alertId = router.raise({
      severity: 'critical',
      code: 'stop-unplaceable',
      symbol: 'XBTUSDTM',
      key: `bench-${label}-${i}`,
      at: Date.now(),
      message:
        'KuCoin refused the protective stop 3 times (300004 stop order quantity limit exceeded): the position is unprotected.',
      details: { attempts: 3, kucoinCode: '300004', positionLots: 4 },
    }).id;
    await done;
    // The trader saw it: no escalation re-send lands inside the next alert's timing.
    router.acknowledge(alertId);
  }
  return times;
}

function p(
  times: Record<Channel, number[]>,
  q: number,
  only: readonly Channel[],
): Partial<Record<Channel, number>> {
  return Object.fromEntries(only.map((channel) => [channel, round(quantile(times[channel], q))]));
}

async function main(): Promise<void> {
  const count = Number(process.env.BENCH_ALERTS ?? 200);
  const runDir = mkdtempSync(join(tmpdir(), 'bw-bench-alerts-'));
  process.env.BULWARK_TEST_RUN_DIR ??= runDir;
  const started = await startRig();
  const { rig, peers } = started;
  try {
    await raiseAndTime(rig, 10, channels, 'warm-up'); // the first reads each secret from the keyring
    const normal = await raiseAndTime(rig, count, channels, 'normal');
    peers.slack.mode = 'hang';
    const others = channels.filter((channel) => channel !== 'slack');
    const hung = await raiseAndTime(rig, Math.min(count, 40), others, 'hung');
    const delivered = {
      email: peers.smtp.mails.length,
      sms: peers.twilio.messages.length,
      slack: peers.slack.messages.length,
      telegram: peers.telegram.messages.length,
    };
    // A figure only counts if the peers really hold every message it timed.
    for (const channel of channels) {
      const expected = 10 + count + (channel === 'slack' ? 0 : hung[channel].length);
      if (delivered[channel] < expected)
        throw new Error(
          `the ${channel} peer accepted ${delivered[channel]} messages, ${expected} were timed as sent`,
        );
    }
    const ratio = Math.max(
      ...others.map((channel) => quantile(hung[channel], 0.95) / quantile(normal[channel], 0.95)),
    );
    process.stdout.write(
      `${JSON.stringify({
        criticalToDeliveredP95Ms: p(normal, 0.95, channels),
        criticalToDeliveredP50Ms: p(normal, 0.5, channels),
        withSlackHungP95Ms: p(hung, 0.95, others),
        hungSlackDelayRatio: round(ratio, 3),
        alertsPerPhase: { normal: count, hung: hung.email.length },
        acceptedByPeers: delivered,
        loadAverage1m: round(loadavg()[0] ?? 0, 2),
        cpus: cpus().length,
        node: process.version,
      })}\n`,
    );
  } finally {
    await started.stop();
    rmSync(runDir, { recursive: true, force: true });
  }
}

await main();
