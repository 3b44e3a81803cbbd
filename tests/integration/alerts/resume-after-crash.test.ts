// Nothing is lost when the app dies: a critical alert raised, journaled, and then the process is
// killed (kill -9) while its Slack delivery is still open. The next start sends it — once, late,
// saying so — and journals the outcome against the original alert's journal row.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlerts, type Alerts } from '../../../src/main/alerts/index.ts';
import { createConfigStore } from '../../../src/main/config/store.ts';
import { createEventPublisher } from '../../../src/main/ipc/events.ts';
import { silentLogger } from '../../../src/main/observability/logger.ts';
import { createOsKeychainBackend, createSecretStore } from '../../../src/main/secrets/index.ts';
import { openJournal, type Journal } from '../../../src/main/store/journal.ts';
import { systemClock } from '../../../src/main/time/clock.ts';
import { alertChannelSecrets as secrets } from '../../fixtures/test-secrets.ts';
import { testRunDir } from '../../harness/engine.ts';
import { uniqueKeychainService, useTestKeyring } from '../../harness/keyring.ts';
import { startSlackPeer, type SlackPeer } from './peers/slack-peer.ts';

const raiser = join(import.meta.dirname, 'crash-raiser.ts');

async function until<T>(what: string, read: () => T | undefined, timeoutMs = 20_000): Promise<T> {
  for (
    const deadline = Date.now() + timeoutMs;
    Date.now() < deadline;
    await new Promise((r) => setTimeout(r, 25))
  ) {
    const value = read();
    if (value !== undefined) return value;
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('an alert raised just before a crash', () => {
  let keyring: { stop(): Promise<void> };
  let slack: SlackPeer;
  let dir: string;
  let keychainService: string;
  let journal: Journal | undefined;
  let alerts: Alerts | undefined;

  beforeAll(async () => {
    keyring = await useTestKeyring();
    slack = await startSlackPeer(secrets.slackWebhookToken);
    dir = mkdtempSync(join(testRunDir(), 'alerts-crash-'));
    keychainService = uniqueKeychainService('alerts-crash');
    writeFileSync(
      join(dir, 'settings.json'),
      JSON.stringify({
        alerts: {
          channels: { desktop: { enabled: false }, slack: { enabled: true } },
          delivery: { attempts: 1, attemptTimeoutMs: 60_000, totalTimeoutMs: 60_000 },
        },
      }),
    );
  });
  afterAll(async () => {
    await alerts?.stop();
    journal?.close();
    slack.mode = 'answer';
    await slack.stop();
    await keyring.stop();
  });

  it('is delivered at the next start, once, against its original journal row', async () => {
    slack.mode = 'hang';
    const child = spawn(process.execPath, [raiser], {
      env: {
        ...process.env,
        RAISER_DIR: dir,
        RAISER_KEYCHAIN_SERVICE: keychainService,
        RAISER_SLACK_URL: slack.webhookUrl,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const lines: string[] = [];
    createInterface({ input: child.stdout }).on('line', (line) => lines.push(line));
    await until('the alert raised', () => lines.find((line) => line.includes('"raised"')));
    await until('Slack holding the delivery open', () => slack.requests.find((request) => !request.answered));
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;

    slack.mode = 'answer';
    const before = slack.messages.length;
    journal = openJournal({ filePath: join(dir, 'journal.sqlite'), now: () => Date.now() });
    const [raised] = journal.queryEvents({ kind: 'alert', limit: 10 });
    expect(raised?.data.code).toBe('stop-unplaceable');
    expect(journal.queryEvents({ kind: 'alert-delivery', limit: 10 })).toEqual([]);

    const configStore = createConfigStore({ filePath: join(dir, 'settings.json'), logger: silentLogger });
    configStore.load();
    const secretStore = createSecretStore({
      backend: createOsKeychainBackend('linux'),
      platform: 'linux',
      service: keychainService,
      logger: silentLogger,
    });
    alerts = createAlerts({
      configStore,
      secretStore,
      journal,
      events: createEventPublisher({ throttleMs: 0, logger: silentLogger }),
      origin: 'paper',
      clock: systemClock,
      logger: silentLogger,
      notifier: { notify: () => undefined },
    });
    await alerts.router.idle();

    const delivered = slack.messages.slice(before);
    expect(delivered).toHaveLength(1);
    expect(JSON.stringify(delivered[0])).toContain('the XBTUSDTM long is unprotected');
    expect(JSON.stringify(delivered[0])).toContain('before Bulwark restarted');
    const outcomes = journal
      .queryEvents({ kind: 'alert-delivery', limit: 10 })
      .map((row) => ({ channel: row.data.channel, outcome: row.data.outcome, alertSeq: row.data.alertSeq }));
    expect(outcomes).toEqual([{ channel: 'slack', outcome: 'sent', alertSeq: raised?.seq }]);

    // A second start finds it dealt with and sends nothing more.
    await alerts.stop();
    alerts = createAlerts({
      configStore,
      secretStore,
      journal,
      events: createEventPublisher({ throttleMs: 0, logger: silentLogger }),
      origin: 'paper',
      clock: systemClock,
      logger: silentLogger,
      notifier: { notify: () => undefined },
    });
    await alerts.router.idle();
    expect(slack.messages.length - before).toBe(1);
  });
});
