// Every test file gets its own user-data folder, so logs, config and journals of one test never
// leak into another, and the secret scan (tests/security) can read every folder a run wrote.
//
// No test reaches an outside host (ADR 0182): the paper venue's market stays simulated or on a
// loopback stand-in, and any connection outside 127.0.0.0/8 fails the test that opened it.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { assertNoNetworkViolations, installNetworkGuard } from './network-guard.ts';

const runRoot = process.env.BULWARK_TEST_RUN_DIR ?? join(process.cwd(), '.tmp', 'test-run');
mkdirSync(runRoot, { recursive: true });
process.env.BULWARK_TEST_RUN_DIR = runRoot;

process.env.BULWARK_MARKET_DATA_OFFLINE = '1';
installNetworkGuard();
afterEach(() => {
  assertNoNetworkViolations();
});
