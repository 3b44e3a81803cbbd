// Every test file gets its own user-data folder, so logs, config and journals of one test never
// leak into another, and the secret scan (tests/security) can read every folder a run wrote.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const runRoot = process.env.BULWARK_TEST_RUN_DIR ?? join(process.cwd(), '.tmp', 'test-run');
mkdirSync(runRoot, { recursive: true });
process.env.BULWARK_TEST_RUN_DIR = runRoot;
