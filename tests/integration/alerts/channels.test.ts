// Each channel against a loopback peer that speaks the provider's documented protocol: the SMTP
// server receives the mail over STARTTLS with login; Twilio, Slack and Telegram peers check every
// field and answer with their documented success and error bodies. "Send test alert" answers
// delivered or the exact error; retries ride out injected failures.
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertChannelSecrets as secrets } from '../../fixtures/test-secrets.ts';
import { useTestKeyring } from '../../harness/keyring.ts';
import { deliveryRows, startAlertsRig, type AlertsRig } from './alerts-rig.ts';
import { json } from './peers/http-peer.ts';
import { startSlackPeer, type SlackPeer } from './peers/slack-peer.ts';
import { startSmtpPeer, type SmtpPeer } from './peers/smtp-peer.ts';
import { startTelegramPeer, telegramError, type TelegramPeer } from './peers/telegram-peer.ts';
import { startTwilioPeer, twilioError, type TwilioPeer } from './peers/twilio-peer.ts';

const accountSid = `AC${'a1b2c3d4'.repeat(4)}`;
const chatId = '123456789';
const fast = {
  attempts: 3,
  backoffInitialMs: 20,
  backoffMaxMs: 100,
  attemptTimeoutMs: 2_000,
  totalTimeoutMs: 10_000,
  maxRetryAfterMs: 2_000,
};

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) =>
    server.close(() => {
      resolve();
    }),
  );
  return port;
}

describe('alert channels against their protocol peers', () => {
  let keyring: Awaited<ReturnType<typeof useTestKeyring>>;
  let smtp: SmtpPeer;
  let twilio: TwilioPeer;
  let slack: SlackPeer;
  let telegram: TelegramPeer;
  let rig: AlertsRig;

  beforeAll(async () => {
    keyring = await useTestKeyring();
    [smtp, twilio, slack, telegram] = await Promise.all([
      startSmtpPeer({ user: 'trader@example.com', password: secrets.smtpPassword }),
      startTwilioPeer(accountSid, secrets.twilioAuthToken),
      startSlackPeer(secrets.slackWebhookToken),
      startTelegramPeer(secrets.telegramBotToken, chatId),
    ]);
    rig = startAlertsRig('channels', {
      alerts: {
        delivery: fast,
        channels: {
          email: {
            host: '127.0.0.1',
            port: smtp.port,
            security: 'starttls',
            username: 'trader@example.com',
            from: 'bulwark@example.com',
            to: ['trader@example.com'],
          },
          sms: { accountSid, from: '+14155550100', to: '+14155550123', apiBaseUrl: twilio.url },
          telegram: { chatId, apiBaseUrl: telegram.url },
        },
      },
    });
    const { settings } = rig.alerts;
    await settings.setSecret({ channel: 'email', secret: secrets.smtpPassword });
    await settings.setSecret({ channel: 'sms', secret: secrets.twilioAuthToken });
    await settings.setSecret({ channel: 'slack', secret: slack.webhookUrl });
    await settings.setSecret({ channel: 'telegram', secret: secrets.telegramBotToken });
  });
  afterAll(async () => {
    await rig.stop();
    await Promise.all([smtp.stop(), twilio.stop(), slack.stop(), telegram.stop()]);
    await keyring.stop();
  });

  describe('e-mail (nodemailer over SMTP)', () => {
    it('the test alert arrives over STARTTLS after login, with its headers and body', async () => {
      const result = await rig.alerts.handlers['alerts:test-channel']({ channel: 'email' });
      expect(result).toMatchObject({ channel: 'email', delivered: true, attempts: 1 });
      const mail = smtp.mails.at(-1);
      expect(mail).toMatchObject({
        from: 'bulwark@example.com',
        to: ['trader@example.com'],
        secure: true,
        user: 'trader@example.com',
      });
      expect(mail?.headers.get('subject')).toBe('[PAPER] Info: Test alert from Bulwark');
      expect(mail?.headers.get('x-bulwark-severity')).toBe('info');
      expect(mail?.headers.get('from')).toBe('bulwark@example.com');
      expect(mail?.text).toContain('E-mail alerts reach you.');
      expect(mail?.text).toMatch(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC · Bulwark paper trading · alert #\d+/);
    });

    it('a wrong password is refused with the server’s own words and not retried', async () => {
      await rig.alerts.settings.setSecret({ channel: 'email', secret: 'not the password' });
      const logins = smtp.logins.length;
      const result = await rig.alerts.handlers['alerts:test-channel']({ channel: 'email' });
      await rig.alerts.settings.setSecret({ channel: 'email', secret: secrets.smtpPassword });
      expect(result).toMatchObject({ delivered: false, code: 'smtp-auth-failed' });
      expect(result.delivered ? '' : result.reason).toContain(
        `127.0.0.1:${smtp.port} refused the user name or password (535)`,
      );
      expect(result.delivered ? '' : result.reason).toContain('Authentication credentials invalid');
      expect(smtp.logins.length - logins).toBe(1);
    });

    it('a temporary 451 is retried with back-off and the delivery journals its attempts', async () => {
      smtp.failNext(1, 451, '4.3.0 Temporary local problem, try again');
      const mails = smtp.mails.length;
      const result = await rig.alerts.handlers['alerts:test-channel']({ channel: 'email' });
      expect(result).toMatchObject({ delivered: true, attempts: 2 });
      expect(smtp.mails.length - mails).toBe(1);
      expect(deliveryRows(rig.journal).at(-1)).toMatchObject({
        channel: 'email',
        outcome: 'sent',
        attempts: 2,
        test: true,
      });
    });

    it('a certificate the computer does not trust is a TLS failure, named as such', async () => {
      const untrusting = startAlertsRig(
        'email-tls',
        {
          alerts: {
            delivery: fast,
            channels: {
              email: {
                host: '127.0.0.1',
                port: smtp.port,
                security: 'starttls',
                from: 'bulwark@example.com',
                to: ['trader@example.com'],
              },
            },
          },
        },
        { trustTestCa: false },
      );
      try {
        const result = await untrusting.alerts.handlers['alerts:test-channel']({ channel: 'email' });
        expect(result).toMatchObject({ delivered: false, code: 'channel-tls-failed' });
        expect(result.delivered ? '' : result.reason).toMatch(
          /^TLS failure with 127\.0\.0\.1:\d+: .*\(UNABLE_TO_VERIFY_LEAF_SIGNATURE\)\.$/,
        );
      } finally {
        await untrusting.stop();
      }
    });
  });

  describe('SMS (Twilio Messages API)', () => {
    it('posts To, From and Body with basic auth and records the message sid', async () => {
      const result = await rig.alerts.handlers['alerts:test-channel']({ channel: 'sms' });
      expect(result).toMatchObject({ delivered: true, attempts: 1 });
      const message = twilio.messages.at(-1);
      expect(message).toMatchObject({ to: '+14155550123', from: '+14155550100' });
      expect(message?.body).toBe(
        'Bulwark [PAPER] Info: Test alert from Bulwark: SMS alerts reach you. This test was sent from Settings → Alerts; nothing happened to your positions.',
      );
      expect(deliveryRows(rig.journal).at(-1)).toMatchObject({
        channel: 'sms',
        outcome: 'sent',
        providerId: message?.sid,
      });
    });

    it('a wrong auth token answers 20003 Authenticate', async () => {
      await rig.alerts.settings.setSecret({ channel: 'sms', secret: secrets.wrongTwilioAuthToken });
      const result = await rig.alerts.handlers['alerts:test-channel']({ channel: 'sms' });
      await rig.alerts.settings.setSecret({ channel: 'sms', secret: secrets.twilioAuthToken });
      expect(result).toMatchObject({ delivered: false, code: 'twilio-auth-failed' });
      expect(result.delivered ? '' : result.reason).toBe(
        'Twilio refused the Account SID or Auth Token (20003 Authenticate). Copy both again from the Twilio Console.',
      );
    });

    it('an invalid To number answers 21211 with Twilio’s message and link', async () => {
      twilio.failNext(1, twilioError(400, 21211, "The 'To' number +1415555 is not a valid phone number."));
      const result = await rig.alerts.handlers['alerts:test-channel']({ channel: 'sms' });
      expect(result).toMatchObject({ delivered: false, code: 'twilio-21211' });
      expect(result.delivered ? '' : result.reason).toBe(
        "Twilio refused the SMS (error 21211): The 'To' number +1415555 is not a valid phone number.. See https://www.twilio.com/docs/errors/21211",
      );
    });

    it('two 503s are retried and the third try delivers', async () => {
      twilio.failNext(2, twilioError(503, 20500, 'Service Unavailable'));
      const before = twilio.requests.length;
      const result = await rig.alerts.handlers['alerts:test-channel']({ channel: 'sms' });
      expect(result).toMatchObject({ delivered: true, attempts: 3 });
      expect(twilio.requests.length - before).toBe(3);
    });
  });

  describe('Slack (incoming webhook)', () => {
    it('posts JSON text and blocks; Slack’s "ok" is a delivery', async () => {
      const result = await rig.alerts.handlers['alerts:test-channel']({ channel: 'slack' });
      expect(result).toMatchObject({ delivered: true });
      expect(slack.messages.at(-1)?.text).toBe('[PAPER] Info: Test alert from Bulwark');
      expect(JSON.stringify(slack.messages.at(-1)?.blocks)).toContain('Slack alerts reach you.');
      expect(slack.requests.at(-1)?.headers['content-type']).toMatch(/^application\/json/);
    });

    it('a revoked webhook answers 403 invalid_token, not retried', async () => {
      const revoked = slack.webhookUrl.replace(secrets.slackWebhookToken, secrets.wrongSlackWebhookToken);
      await rig.alerts.settings.setSecret({ channel: 'slack', secret: revoked });
      const before = slack.requests.length;
      const result = await rig.alerts.handlers['alerts:test-channel']({ channel: 'slack' });
      await rig.alerts.settings.setSecret({ channel: 'slack', secret: slack.webhookUrl });
      expect(result).toMatchObject({ delivered: false, code: 'slack-webhook-refused' });
      expect(result.delivered ? '' : result.reason).toContain(
        'Slack refused the webhook URL (invalid_token, HTTP 403)',
      );
      expect(slack.requests.length - before).toBe(1);
      // The answer names the host, never the URL: its path is the secret.
      expect(JSON.stringify(result)).not.toContain(secrets.wrongSlackWebhookToken);
    });

    it('an unreachable host is named with the socket’s reason', async () => {
      const port = await closedPort();
      await rig.alerts.settings.setSecret({
        channel: 'slack',
        secret: `http://127.0.0.1:${port}/services/T0/B0/${secrets.slackWebhookToken}`,
      });
      const result = await rig.alerts.handlers['alerts:test-channel']({ channel: 'slack' });
      await rig.alerts.settings.setSecret({ channel: 'slack', secret: slack.webhookUrl });
      expect(result).toMatchObject({
        delivered: false,
        code: 'channel-unreachable',
        reason: `127.0.0.1:${port} refused the connection (ECONNREFUSED): nothing accepts connections there.`,
      });
    });

    it('an https peer with a certificate nobody trusts is a TLS failure', async () => {
      const tlsSlack = await startSlackPeer(secrets.slackWebhookToken, { tls: true });
      try {
        await rig.alerts.settings.setSecret({ channel: 'slack', secret: tlsSlack.webhookUrl });
        const result = await rig.alerts.handlers['alerts:test-channel']({ channel: 'slack' });
        expect(result).toMatchObject({ delivered: false, code: 'channel-tls-failed' });
        expect(result.delivered ? '' : result.reason).toMatch(
          /^TLS failure with 127\.0\.0\.1:\d+: the certificate could not be verified against a trusted authority \(UNABLE_TO_VERIFY_LEAF_SIGNATURE\)\.$/,
        );
        expect(tlsSlack.messages).toHaveLength(0);
      } finally {
        await rig.alerts.settings.setSecret({ channel: 'slack', secret: slack.webhookUrl });
        await tlsSlack.stop();
      }
    });
  });

  describe('Telegram (Bot API sendMessage)', () => {
    it('sends chat_id and text; ok:true with the message id', async () => {
      const result = await rig.alerts.handlers['alerts:test-channel']({ channel: 'telegram' });
      expect(result).toMatchObject({ delivered: true });
      expect(telegram.messages.at(-1)).toMatchObject({ chatId });
      expect(telegram.messages.at(-1)?.text).toContain('Telegram alerts reach you.');
      expect(deliveryRows(rig.journal).at(-1)).toMatchObject({
        channel: 'telegram',
        providerId: String(telegram.messages.length),
      });
    });

    it('a wrong bot token answers 401 Unauthorized', async () => {
      await rig.alerts.settings.setSecret({ channel: 'telegram', secret: secrets.wrongTelegramBotToken });
      const result = await rig.alerts.handlers['alerts:test-channel']({ channel: 'telegram' });
      await rig.alerts.settings.setSecret({ channel: 'telegram', secret: secrets.telegramBotToken });
      expect(result).toMatchObject({
        delivered: false,
        code: 'telegram-unauthorized',
        reason: 'Telegram refused the bot token (401 Unauthorized). Copy it again from @BotFather.',
      });
      expect(JSON.stringify(result)).not.toContain(secrets.wrongTelegramBotToken.split(':')[1]);
    });

    it('429 with parameters.retry_after is honoured: the retry waits at least that long', async () => {
      telegram.failNext(1, telegramError(429, 'Too Many Requests: retry after 1', { retry_after: 1 }));
      const before = telegram.requests.length;
      const result = await rig.alerts.handlers['alerts:test-channel']({ channel: 'telegram' });
      expect(result).toMatchObject({ delivered: true, attempts: 2 });
      const [limited, retried] = telegram.requests.slice(before);
      // Measured at the peer: the second request arrived no sooner than Telegram asked.
      expect((retried?.at ?? 0) - (limited?.at ?? 0)).toBeGreaterThanOrEqual(1_000);
    });

    it('a retry_after longer than Bulwark waits fails at once with Telegram’s words', async () => {
      telegram.failNext(1, telegramError(429, 'Too Many Requests: retry after 60', { retry_after: 60 }));
      const before = telegram.requests.length;
      const result = await rig.alerts.handlers['alerts:test-channel']({ channel: 'telegram' });
      expect(result).toMatchObject({
        delivered: false,
        code: 'telegram-rate-limited',
        reason: 'Telegram asks to wait 60 s before the next message (429 Too Many Requests: retry after 60).',
      });
      expect(telegram.requests.length - before).toBe(1);
    });

    it('an unknown chat answers 400 chat not found', async () => {
      telegram.failNext(
        1,
        json(400, { ok: false, error_code: 400, description: 'Bad Request: chat not found' }),
      );
      const result = await rig.alerts.handlers['alerts:test-channel']({ channel: 'telegram' });
      expect(result).toMatchObject({ delivered: false, code: 'telegram-chat-not-found' });
    });
  });

  it('the desktop channel shows the notification and a click asks the window to show the alert', async () => {
    const result = await rig.alerts.handlers['alerts:test-channel']({ channel: 'desktop' });
    expect(result).toMatchObject({ delivered: true });
    const shown = rig.notifications.at(-1);
    expect(shown).toMatchObject({ title: '[PAPER] Info: Test alert from Bulwark', urgency: 'normal' });
    shown?.click();
    expect(rig.published.some((p) => p.event === 'alerts:focus-requested')).toBe(true);
  });
});
