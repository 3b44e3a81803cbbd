// Kill -9 drill driver: runs the app's paper venue with its account file in its own process, so the
// drill can SIGKILL it mid-request. Prints one JSON line `{"type":"ready","restUrl":…}` once it
// listens, then serves until killed.
//   node tests/integration/paper/paper-venue-driver.ts <account file> <credentials JSON>
import { defaultConfig } from '../../../src/main/config/schema.ts';
import { silentLogger } from '../../../src/main/observability/logger.ts';
import { systemClock } from '../../../src/main/time/clock.ts';
import { startVenue } from '../../../src/main/venue/index.ts';
import { openPaperAccountStore } from '../../../src/main/venue/persist/paper-account-store.ts';
import {
  PAPER_TRADER_USER_ID,
  closingStoreOnStop,
  resumedVenueClock,
} from '../../../src/main/wiring/paper-account.ts';

const [filePath = '', credentialsText = '{}'] = process.argv.slice(2);
const credentials = JSON.parse(credentialsText) as { apiKey: string; apiSecret: string; passphrase: string };
const config = defaultConfig().venue;
const store = openPaperAccountStore({ filePath, logger: silentLogger });
const venue = await startVenue({
  port: 0,
  seed: 7,
  // The synthetic market of the app, in real time (a restart resumes the venue clock, ADR 0160).
  // A 1 s rate-limit window: the drill's checks read every acknowledged order after each restart.
  config: { ...config, historyWarmupMs: 600_000, rateLimitWindowMs: 1_000 },
  venueClock: resumedVenueClock(store, systemClock, 1),
  clock: systemClock,
  persistence: store,
  logger: silentLogger,
  keys: [
    { ...credentials, keyVersion: '2', permissions: ['General', 'Futures'], userId: PAPER_TRADER_USER_ID },
  ],
});
const running = closingStoreOnStop(venue, store);
process.stdout.write(JSON.stringify({ type: 'ready', restUrl: running.restUrl }) + '\n');
process.on('SIGTERM', () => {
  void running.stop().then(() => process.exit(0));
});
