// Settings → Alerts' channels through the real keychain and settings file: secrets are write-only
// (present and last four come back, never the value), settings are refused with the field's
// message, a channel cannot be switched on without its secret, and nothing secret lands in
// settings.json, the journal or the log.
import { readFileSync, readdirSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ValidationError } from '../../../src/shared/errors.ts';
import { channelUpdateSchema } from '../../../src/shared/ipc/channels/alerts.ts';
import { alertChannelSecrets as secrets } from '../../fixtures/test-secrets.ts';
import { useTestKeyring } from '../../harness/keyring.ts';
import { startAlertsRig, type AlertsRig } from './alerts-rig.ts';

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

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

describe('alert channel settings and secrets', () => {
  let keyring: Awaited<ReturnType<typeof useTestKeyring>>;
  let rig: AlertsRig;
  beforeAll(async () => {
    keyring = await useTestKeyring();
    rig = startAlertsRig('settings', {});
  });
  afterAll(async () => {
    await rig.stop();
    await keyring.stop();
  });

  it('a stored secret comes back as present and its last four characters only', async () => {
    const view = await rig.alerts.handlers['alerts:set-channel-secret']({
      channel: 'telegram',
      secret: secrets.telegramBotToken,
    });
    expect(view.secret).toEqual({
      required: true,
      present: true,
      last4: secrets.telegramBotToken.slice(-4),
      label: 'Bot token',
    });
    const all = await rig.alerts.handlers['alerts:get-settings']();
    expect(JSON.stringify(all)).not.toContain(secrets.telegramBotToken);
    expect(all.channels.map((c) => c.channel)).toEqual(['desktop', 'email', 'sms', 'slack', 'telegram']);
    expect(all.rules[0]).toEqual({
      severity: 'critical',
      channels: ['desktop', 'email', 'sms', 'slack', 'telegram'],
    });
  });

  it('a channel cannot be switched on before its secret is stored', async () => {
    const attempt = rig.alerts.handlers['alerts:update-channel']({
      channel: 'slack',
      settings: { enabled: true },
    });
    await expect(attempt).rejects.toBeInstanceOf(ValidationError);
    await expect(attempt).rejects.toMatchObject({
      details: {
        issues: [
          { path: 'settings.enabled', message: 'Store the Webhook URL before turning slack alerts on.' },
        ],
      },
    });
  });

  it('settings are saved to settings.json and read back; the secret is not there', async () => {
    const view = await rig.alerts.handlers['alerts:update-channel']({
      channel: 'telegram',
      settings: { enabled: true, chatId: '-1001234567890' },
    });
    expect(view).toMatchObject({
      channel: 'telegram',
      settings: { enabled: true, chatId: '-1001234567890', apiBaseUrl: 'https://api.telegram.org' },
    });
    const file = readFileSync(join(rig.userData, 'settings.json'), 'utf8');
    expect(JSON.parse(file)).toMatchObject({
      alerts: { channels: { telegram: { enabled: true, chatId: '-1001234567890' } } },
    });
    expect(file).not.toContain(secrets.telegramBotToken);
  });

  it('the secret of a channel that is on cannot be deleted; once off it can', async () => {
    await expect(
      rig.alerts.handlers['alerts:delete-channel-secret']({ channel: 'telegram' }),
    ).rejects.toThrow('Turn telegram alerts off before deleting its Bot token.');
    await rig.alerts.handlers['alerts:update-channel']({
      channel: 'telegram',
      settings: { enabled: false, chatId: '-1001234567890' },
    });
    const view = await rig.alerts.handlers['alerts:delete-channel-secret']({ channel: 'telegram' });
    expect(view.secret).toMatchObject({ present: false, last4: '' });
    const result = await rig.alerts.handlers['alerts:test-channel']({ channel: 'telegram' });
    expect(result).toMatchObject({
      delivered: false,
      code: 'channel-secret-missing',
      reason: 'No Bot token is stored for telegram alerts: enter it in Settings → Alerts.',
    });
  });

  it('invalid settings are refused by the channel schema with each field’s message', () => {
    const parsed = channelUpdateSchema.safeParse({
      channel: 'email',
      settings: {
        enabled: true,
        host: 'smtp.example.com',
        port: 70_000,
        security: 'none',
        from: 'not-an-address',
        to: ['x@'],
      },
    });
    expect(parsed.success).toBe(false);
    const issues = parsed.error?.issues.map((issue) => [issue.path.join('.'), issue.message]);
    expect(issues).toEqual(
      expect.arrayContaining([
        ['settings.port', 'The port is 1–65535.'],
        ['settings.from', 'Enter an email address like trader@example.com.'],
        ['settings.to.0', 'Enter an email address like trader@example.com.'],
      ]),
    );
    const sms = channelUpdateSchema.safeParse({
      channel: 'sms',
      settings: { enabled: true, accountSid: 'AC1', to: '0170 1234567' },
    });
    expect(sms.error?.issues.map((issue) => issue.message)).toEqual(
      expect.arrayContaining([
        'The Account SID starts with AC followed by 32 hex characters (Twilio Console → Account Info).',
        'Enter the number in international format, e.g. +14155550123.',
      ]),
    );
  });

  it('no channel secret is in any file the alert system wrote', async () => {
    await rig.alerts.handlers['alerts:set-channel-secret']({
      channel: 'email',
      secret: secrets.smtpPassword,
    });
    await rig.alerts.handlers['alerts:set-channel-secret']({
      channel: 'sms',
      secret: secrets.twilioAuthToken,
    });
    await rig.alerts.handlers['alerts:set-channel-secret']({
      channel: 'slack',
      secret: `http://127.0.0.1:${await closedPort()}/services/T0/B0/${secrets.slackWebhookToken}`,
    });
    await rig.alerts.handlers['alerts:test-channel']({ channel: 'slack' }); // refused on loopback, logged with its retries
    const written = (): string =>
      filesUnder(rig.userData)
        .map((file) => readFileSync(file).toString('latin1'))
        .join('\n');
    await vi.waitFor(() => {
      expect(written()).toContain('"event":"alert-delivery"');
    }); // electron-log writes asynchronously
    for (const value of [
      secrets.smtpPassword,
      secrets.twilioAuthToken,
      secrets.slackWebhookToken,
      secrets.telegramBotToken,
    ])
      expect(written()).not.toContain(value);
  });
});
