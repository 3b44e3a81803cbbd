/**
 * The alert system as the engine builds it — router, the five real sinks, the settings service over
 * a real settings file, secrets in the real (private) keychain, deliveries in a real journal — with
 * its channels pointed at loopback protocol peers. Nothing of ours is stubbed; the desktop is a
 * recorder (tests/harness/engine.ts does the same), failures are injected in the peers.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAlerts, type Alerts } from '../../../src/main/alerts/index.ts';
import { createConfigStore } from '../../../src/main/config/store.ts';
import { createEventPublisher } from '../../../src/main/ipc/events.ts';
import { createLogger, silentLogger } from '../../../src/main/observability/logger.ts';
import type { DesktopNotification } from '../../../src/main/platform/adapters.ts';
import { createOsKeychainBackend, createSecretStore } from '../../../src/main/secrets/index.ts';
import { openJournal, type Journal } from '../../../src/main/store/journal.ts';
import { systemClock } from '../../../src/main/time/clock.ts';
import { testRunDir } from '../../harness/engine.ts';
import { uniqueKeychainService } from '../../harness/keyring.ts';
import { testTls } from './peers/http-peer.ts';

/** A running alert system and what it did. */
export interface AlertsRig {
  readonly alerts: Alerts;
  /** Where settings.json, the journal and logs/main.log are (the secret scan reads them). */
  readonly userData: string;
  readonly journal: Journal;
  readonly notifications: (DesktopNotification & { click: () => void })[];
  readonly published: { event: string; payload: unknown }[];
  stop(): Promise<void>;
}

/** Builds the alert system with `settings` as the user's settings.json. */
export function startAlertsRig(
  label: string,
  settings: Record<string, unknown>,
  options: { trustTestCa?: boolean } = {},
): AlertsRig {
  const userData = mkdtempSync(join(testRunDir(), `alerts-${label}-`));
  writeFileSync(join(userData, 'settings.json'), JSON.stringify(settings));
  const configStore = createConfigStore({ filePath: join(userData, 'settings.json'), logger: silentLogger });
  const { problems } = configStore.load();
  if (problems.length > 0)
    throw new Error(`test settings invalid: ${problems.map((p) => p.message).join('; ')}`);
  const journal = openJournal({ filePath: join(userData, 'journal.sqlite'), now: () => Date.now() });
  const events = createEventPublisher({ throttleMs: 0, logger: silentLogger });
  const published: AlertsRig['published'] = [];
  events.subscribe((event, payload) => published.push({ event, payload }));
  const notifications: AlertsRig['notifications'] = [];
  // A real log file: the post-suite secret scan proves no channel secret reaches it.
  const logger = createLogger({
    filePath: join(userData, 'logs', 'main.log'),
    maxSizeBytes: 4 * 1024 * 1024,
    level: 'debug',
  });
  const secretStore = createSecretStore({
    backend: createOsKeychainBackend('linux'),
    platform: 'linux',
    service: uniqueKeychainService(label),
    logger,
  });
  const alerts = createAlerts({
    configStore,
    secretStore,
    journal,
    events,
    origin: 'paper',
    clock: systemClock,
    logger,
    notifier: {
      notify: (notification, onClick) => notifications.push({ ...notification, click: () => onClick?.() }),
    },
    ...(options.trustTestCa === false ? {} : { smtpTrustedCaPem: testTls.ca }),
  });
  return {
    alerts,
    userData,
    journal,
    notifications,
    published,
    async stop() {
      await alerts.stop();
      events.stop();
      journal.close();
    },
  };
}

/** The journaled deliveries, oldest first. */
export function deliveryRows(journal: Journal): Record<string, unknown>[] {
  return journal
    .queryEvents({ kind: 'alert-delivery', limit: 1000 })
    .map((event) => event.data)
    .reverse();
}
