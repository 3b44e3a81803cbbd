#!/usr/bin/env node
// `npm run docs:screenshots`: refreshes the images of docs/USER_GUIDE.md and README.md from the
// e2e flows. Builds the renderer, runs the e2e specs that take the screenshots (real engine, paper
// venue, Chromium — see playwright.config.ts), then copies each named screenshot from artifacts/e2e/
// to docs/images/. A screenshot this run did not write is an error: an old image is never kept
// silently under a new run's name. On Linux without a desktop session (no D-Bus session bus) the
// specs run inside a private, unlocked gnome-keyring, as .ci/run does: otherwise the settings pages
// would be photographed saying the keychain is unavailable.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const artifacts = join(root, 'artifacts', 'e2e');
const images = join(root, 'docs', 'images');

/** e2e screenshot (artifacts/e2e/<name>.png) → the image the docs use, with the spec that takes it. */
const shots = [
  { from: 'terminal-protected-1280x800', to: 'bulwark-trade.png', spec: 'tests/e2e/terminal.spec.ts' },
  {
    from: 'chart-trading-stop-dragged-1280x800',
    to: 'chart-trading.png',
    spec: 'tests/e2e/chart-trading.spec.ts',
  },
  {
    from: 'chart-trading-order-amended-1280x800',
    to: 'chart-order-amended.png',
    spec: 'tests/e2e/chart-trading.spec.ts',
  },
  { from: 'trade-position-protected', to: 'position-protected.png', spec: 'tests/e2e/trade-flow.spec.ts' },
  { from: 'trailing-positions-moved', to: 'trailing-moved.png', spec: 'tests/e2e/trailing-journal.spec.ts' },
  { from: 'paper-live-data', to: 'paper-live-data.png', spec: 'tests/e2e/paper-live-data.spec.ts' },
  { from: 'settings-alerts-1280x800', to: 'settings-alerts.png', spec: 'tests/e2e/settings-risk.spec.ts' },
  { from: 'track-record-paper', to: 'track-record.png', spec: 'tests/e2e/track-record.spec.ts' },
  { from: 'connection-saved', to: 'connection-saved.png', spec: 'tests/e2e/connection.spec.ts' },
];

function run(command, args, extraEnv = {}) {
  const env = { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1', ...extraEnv };
  const { status } = spawnSync(command, args, { stdio: 'inherit', cwd: root, env });
  return status === 0;
}

function has(tool) {
  return spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
}

/** Runs the specs, inside a private keyring when this Linux machine has no session bus. */
function runSpecs(specs) {
  const needsKeyring = process.platform === 'linux' && process.env.DBUS_SESSION_BUS_ADDRESS === undefined;
  if (!needsKeyring) return run('npx', ['playwright', 'test', ...specs]);
  if (!has('dbus-run-session') || !has('gnome-keyring-daemon')) {
    console.error(
      'docs:screenshots: no D-Bus session and no gnome-keyring to start one: install dbus and gnome-keyring (apt-get install -y dbus gnome-keyring), or run it from a desktop session.',
    );
    return false;
  }
  const home = mkdtempSync(join(tmpdir(), 'bulwark-docs-keyring-'));
  const env = { XDG_RUNTIME_DIR: join(home, 'run'), XDG_DATA_HOME: join(home, 'data') };
  mkdirSync(env.XDG_RUNTIME_DIR, { recursive: true, mode: 0o700 });
  mkdirSync(env.XDG_DATA_HOME, { recursive: true });
  const inner = `printf docs-keyring | gnome-keyring-daemon --unlock --components=secrets >/dev/null && npx playwright test ${specs.join(' ')}`;
  const ok = run('dbus-run-session', ['--', 'bash', '-c', inner], env);
  rmSync(home, { recursive: true, force: true });
  return ok;
}

const startedMs = Date.now();
if (!run('npx', ['electron-vite', 'build'])) {
  console.error('docs:screenshots: the build failed (see above); no image was changed.');
  process.exit(1);
}
const specs = [...new Set(shots.map((shot) => shot.spec))];
const testsPassed = runSpecs(specs);

mkdirSync(images, { recursive: true });
const missing = [];
for (const { from, to } of shots) {
  const source = join(artifacts, `${from}.png`);
  // Written by this run, or it is an old screenshot of a flow that failed now.
  if (!existsSync(source) || statSync(source).mtimeMs < startedMs) {
    missing.push(`${from}.png (for docs/images/${to})`);
    continue;
  }
  copyFileSync(source, join(images, to));
  console.log(`docs/images/${to} ← artifacts/e2e/${from}.png`);
}
if (missing.length > 0) {
  console.error(
    `docs:screenshots: these screenshots were not taken by this run (a flow failed or was renamed):\n  ${missing.join('\n  ')}`,
  );
  console.error(
    'Fix the failing spec, or update the list in scripts/docs-screenshots.mjs if a screenshot was renamed.',
  );
}
if (!testsPassed) console.error('docs:screenshots: some e2e specs failed (see above).');
process.exit(missing.length === 0 && testsPassed ? 0 : 1);
