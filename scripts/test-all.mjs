#!/usr/bin/env node
// `npm test`: typecheck, lint, API reference staleness (docs/API_REFERENCE.md), unit + integration + renderer tests (with v8 coverage), build,
// end-to-end tests in Chromium, then the security suite's post-run checks. Every step runs even
// after a failure so one run shows everything that is wrong; the exit code is non-zero on any.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(`Bulwark needs Node 24 or newer (this is ${process.version}); see README.md.`);
  process.exit(1);
}

// One folder for everything this run writes (user data, logs, journals): the secret scan reads it.
const runDir = join(process.cwd(), '.tmp', 'test-run');
rmSync(runDir, { recursive: true, force: true });
mkdirSync(runDir, { recursive: true });
const env = { ...process.env, BULWARK_TEST_RUN_DIR: runDir, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' };

const steps = [
  ['typecheck', 'npx', ['tsc', '-b', 'tsconfig.node.json', 'tsconfig.web.json']],
  ['lint', 'npx', ['eslint', '--max-warnings', '0', '.']],
  ['format (else: npm run format)', 'npx', ['prettier', '--check', '.']],
  ['API reference matches the code (else: npm run docs:api)', 'node', ['scripts/gen-api-docs.ts', '--check']],
  [
    'no import cycles',
    'npx',
    ['depcruise', 'src', '--config', '.dependency-cruiser.cjs', '--output-type', 'err'],
  ],
  ['unit, integration and renderer tests (coverage)', 'npx', ['vitest', 'run', '--coverage']],
  ['build', 'npx', ['electron-vite', 'build']],
  ['e2e (Chromium, real engine)', 'npx', ['playwright', 'test']],
];
if (existsSync('tests/security/secret-scan.ts')) {
  steps.push(['secret scan of every file the run wrote', 'node', ['tests/security/secret-scan.ts', runDir]]);
}
if (existsSync('tests/security/post-run.ts')) {
  steps.push(['security post-run checks', 'node', ['tests/security/post-run.ts']]);
}

const results = [];
for (const [name, command, args] of steps) {
  console.log(`\n━━ ${name} ━━`);
  const started = Date.now();
  const { status } = spawnSync(command, args, { stdio: 'inherit', env });
  results.push({ name, ok: status === 0, seconds: Math.round((Date.now() - started) / 1000) });
}

console.log('\n━━ summary ━━');
for (const { name, ok, seconds } of results) console.log(`${ok ? 'PASS' : 'FAIL'}  ${name}  (${seconds} s)`);
const failed = results.filter((r) => !r.ok).length;
console.log(`steps: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
