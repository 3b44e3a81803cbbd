/**
 * The whole engine in paper mode (tests/harness/engine.ts: the same startEngine the app runs) with
 * every alert channel pointed at a loopback protocol peer, set up the way a trader would: secrets
 * through `alerts:set-channel-secret` (into the private test keychain), channels switched on through
 * `alerts:update-channel`, all over the engine's real IPC router.
 */
import type { IpcRouter } from '../../../src/main/ipc/router.ts';
import { alertChannelSecrets as secrets } from '../../fixtures/test-secrets.ts';
import { startTestEngine, type TestEngine } from '../../harness/engine.ts';
import { useTestKeyring } from '../../harness/keyring.ts';
import { testTls } from './peers/http-peer.ts';
import { startSlackPeer, type SlackPeer } from './peers/slack-peer.ts';
import { startSmtpPeer, type SmtpPeer } from './peers/smtp-peer.ts';
import { startTelegramPeer, type TelegramPeer } from './peers/telegram-peer.ts';
import { startTwilioPeer, type TwilioPeer } from './peers/twilio-peer.ts';

export const accountSid = `AC${'5e6f7a8b'.repeat(4)}`;
export const chatId = '987654321';
export const sender = { url: 'app://bulwark/index.html', isMainFrame: true };

/** A running engine, its router and the peers. */
export interface EngineWithPeers {
  readonly test: TestEngine;
  readonly router: IpcRouter;
  readonly smtp: SmtpPeer;
  readonly twilio: TwilioPeer;
  readonly slack: SlackPeer;
  readonly telegram: TelegramPeer;
  stop(): Promise<void>;
}

/** Calls a channel and returns its value; fails the test with the error when the call failed. */
export async function call(router: IpcRouter, channel: string, payload: unknown): Promise<unknown> {
  const answer = await router.handle(channel, payload, sender);
  if (!answer.ok) throw new Error(`${channel} failed: ${JSON.stringify(answer.error)}`);
  return answer.value;
}

/** Waits until `check` returns a value (polling every 50 ms), or fails after `timeoutMs`. */
export async function until<T>(
  what: string,
  check: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function setUpChannels(
  router: IpcRouter,
  peers: { smtp: SmtpPeer; twilio: TwilioPeer; slack: SlackPeer; telegram: TelegramPeer },
): Promise<void> {
  await call(router, 'alerts:set-channel-secret', { channel: 'email', secret: secrets.smtpPassword });
  await call(router, 'alerts:set-channel-secret', { channel: 'sms', secret: secrets.twilioAuthToken });
  await call(router, 'alerts:set-channel-secret', { channel: 'slack', secret: peers.slack.webhookUrl });
  await call(router, 'alerts:set-channel-secret', { channel: 'telegram', secret: secrets.telegramBotToken });
  await call(router, 'alerts:update-channel', {
    channel: 'email',
    settings: {
      enabled: true,
      host: '127.0.0.1',
      port: peers.smtp.port,
      security: 'starttls',
      username: 'trader@example.com',
      from: 'bulwark@example.com',
      to: ['trader@example.com'],
    },
  });
  await call(router, 'alerts:update-channel', {
    channel: 'sms',
    settings: {
      enabled: true,
      accountSid,
      from: '+14155550100',
      to: '+14155550123',
      apiBaseUrl: peers.twilio.url,
    },
  });
  await call(router, 'alerts:update-channel', { channel: 'slack', settings: { enabled: true } });
  await call(router, 'alerts:update-channel', {
    channel: 'telegram',
    settings: { enabled: true, chatId, apiBaseUrl: peers.telegram.url },
  });
}

/** Starts the peers, the keyring and the engine with `settings`, and switches every channel on. */
export async function startEngineWithPeers(
  label: string,
  settings: Record<string, unknown>,
): Promise<EngineWithPeers> {
  const keyring = await useTestKeyring();
  const [smtp, twilio, slack, telegram] = await Promise.all([
    startSmtpPeer({ user: 'trader@example.com', password: secrets.smtpPassword }),
    startTwilioPeer(accountSid, secrets.twilioAuthToken),
    startSlackPeer(secrets.slackWebhookToken),
    startTelegramPeer(secrets.telegramBotToken, chatId),
  ]);
  const test = await startTestEngine({ label, settings, overrides: { smtpTrustedCaPem: testTls.ca } });
  const router = test.engine.createRouter(['app://bulwark']);
  await setUpChannels(router, { smtp, twilio, slack, telegram });
  return {
    test,
    router,
    smtp,
    twilio,
    slack,
    telegram,
    async stop() {
      try {
        await test.stop();
        await Promise.all([smtp.stop(), twilio.stop(), slack.stop(), telegram.stop()]);
      } finally {
        await keyring.stop();
      }
    },
  };
}
