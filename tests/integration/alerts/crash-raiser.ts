// Raises one critical alert through the real alert system and then waits (its Slack peer hangs),
// so the test can kill -9 this process between the raise and the delivery.
//   node tests/integration/alerts/crash-raiser.ts
// Env: RAISER_DIR (settings.json, journal.sqlite), RAISER_KEYCHAIN_SERVICE, RAISER_SLACK_URL.
import { join } from 'node:path';
import { createAlerts } from '../../../src/main/alerts/index.ts';
import { createConfigStore } from '../../../src/main/config/store.ts';
import { createEventPublisher } from '../../../src/main/ipc/events.ts';
import { silentLogger } from '../../../src/main/observability/logger.ts';
import { createOsKeychainBackend, createSecretStore } from '../../../src/main/secrets/index.ts';
import { openJournal } from '../../../src/main/store/journal.ts';
import { systemClock } from '../../../src/main/time/clock.ts';

const dir = process.env.RAISER_DIR ?? '';
const configStore = createConfigStore({ filePath: join(dir, 'settings.json'), logger: silentLogger });
configStore.load();
const journal = openJournal({ filePath: join(dir, 'journal.sqlite'), now: () => Date.now() });
const secretStore = createSecretStore({
  backend: createOsKeychainBackend('linux'),
  platform: 'linux',
  service: process.env.RAISER_KEYCHAIN_SERVICE ?? '',
  logger: silentLogger,
});
const alerts = createAlerts({
  configStore,
  secretStore,
  journal,
  events: createEventPublisher({ throttleMs: 0, logger: silentLogger }),
  origin: 'paper',
  clock: systemClock,
  logger: silentLogger,
  notifier: { notify: () => undefined },
});
await alerts.settings.setSecret({ channel: 'slack', secret: process.env.RAISER_SLACK_URL ?? '' });
const alert = alerts.router.raise({
  severity: 'critical',
  code: 'stop-unplaceable',
  symbol: 'XBTUSDTM',
  at: Date.now(),
  message: 'KuCoin refused the protective stop 3 times: the XBTUSDTM long is unprotected.',
  details: { attempts: 3, positionLots: 4 },
});
process.stdout.write(`${JSON.stringify({ type: 'raised', id: alert.id })}\n`);
setInterval(() => undefined, 60_000);
