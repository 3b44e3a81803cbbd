/**
 * A real Secret Service for tests: a private D-Bus session bus and gnome-keyring-daemon with a
 * fresh keyring in a temp folder, so tests exercise the same `@napi-rs/keyring` path as the
 * app without touching (or locking) anybody's real keyring.
 *
 * The keyring's data folder lives under BULWARK_TEST_RUN_DIR, so the secret scan also proves
 * that what gnome-keyring writes to disk is encrypted. Needs Debian packages dbus and
 * gnome-keyring (docs/adr/0400-keychain-napi-rs-keyring.md).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** A running private keyring. */
export interface PrivateKeyring {
  /** The D-Bus address to put in DBUS_SESSION_BUS_ADDRESS. */
  readonly busAddress: string;
  /** Where gnome-keyring writes its (encrypted) keyring files. */
  readonly keyringDir: string;
  /** Locks the login collection, as the OS does after a timeout or screen lock. */
  lock(): void;
  /**
   * Replaces the keyring daemon on the same bus with one on a fresh, never-unlocked keyring
   * (no login collection): how a keyring looks when the trader never logged in to it.
   */
  replaceWithNeverUnlocked(): Promise<void>;
  /** Stops the keyring daemon and the bus. Idempotent. */
  stop(): Promise<void>;
}

const keyringPassword = 'bulwark-test-keyring-unlock';

function requireTool(name: string): void {
  const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  if (found.status !== 0) {
    throw new Error(
      `${name} is not installed: run \`apt-get install -y dbus gnome-keyring\` to run the keychain tests.`,
    );
  }
}

function runDir(): string {
  const root = process.env.BULWARK_TEST_RUN_DIR ?? join(process.cwd(), '.tmp', 'test-run');
  const dir = join(root, 'keyring');
  mkdirSync(dir, { recursive: true });
  return mkdtempSync(join(dir, 'kr-'));
}

async function firstLine(child: ChildProcess, what: string): Promise<string> {
  if (child.stdout === null) throw new Error(`${what} has no stdout`);
  const lines = createInterface({ input: child.stdout });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => {
      reject(new Error(`${what} exited with ${String(code)} before it was ready`));
    });
    lines.once('line', (line) => {
      resolve(line.trim());
    });
  });
}

function dbusSend(busAddress: string, args: readonly string[]): string {
  const result = spawnSync('dbus-send', ['--session', '--print-reply', ...args], {
    encoding: 'utf8',
    env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: busAddress },
  });
  if (result.status !== 0) throw new Error(`dbus-send ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

function secretServiceOwned(busAddress: string): boolean {
  const reply = dbusSend(busAddress, [
    '--dest=org.freedesktop.DBus',
    '/org/freedesktop/DBus',
    'org.freedesktop.DBus.NameHasOwner',
    'string:org.freedesktop.secrets',
  ]);
  return reply.includes('boolean true');
}

async function waitForSecretService(busAddress: string, daemon: ChildProcess, owned = true): Promise<void> {
  // Poll the bus for the service name (an event, not a duration): at most ~10 s of 50 ms polls.
  for (let attempt = 0; attempt < 200; attempt += 1) {
    if (owned && daemon.exitCode !== null)
      throw new Error(`gnome-keyring-daemon exited with ${daemon.exitCode}`);
    if (secretServiceOwned(busAddress) === owned) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`org.freedesktop.secrets never became ${owned ? 'owned' : 'free'} on the test bus`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => {
      resolve();
    });
    child.kill('SIGTERM');
  });
}

function startDaemon(home: string, busAddress: string, unlock: boolean): ChildProcess {
  const args = ['--foreground', '--components=secrets', ...(unlock ? ['--unlock'] : [])];
  const daemon = spawn('gnome-keyring-daemon', args, {
    env: {
      ...process.env,
      HOME: home,
      XDG_DATA_HOME: join(home, 'data'),
      XDG_RUNTIME_DIR: join(home, 'run'),
      XDG_CONFIG_HOME: join(home, 'config'),
      DBUS_SESSION_BUS_ADDRESS: busAddress,
    },
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  // --unlock reads the login keyring's password from stdin; a fresh keyring is created with it.
  daemon.stdin.end(unlock ? keyringPassword : '');
  return daemon;
}

/**
 * Starts a private bus and keyring. `unlocked: false` starts the daemon without a login
 * keyring, which is how a keyring that was never unlocked looks to an app.
 */
export async function startPrivateKeyring(options: { unlocked?: boolean } = {}): Promise<PrivateKeyring> {
  requireTool('dbus-daemon');
  requireTool('gnome-keyring-daemon');
  const home = runDir();
  for (const sub of ['data', 'run', 'config']) mkdirSync(join(home, sub), { recursive: true, mode: 0o700 });
  const socketDir = mkdtempSync(join(tmpdir(), 'bwbus-'));
  const bus = spawn(
    'dbus-daemon',
    ['--session', '--nofork', '--print-address=1', `--address=unix:path=${join(socketDir, 'bus')}`],
    {
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  );
  const busAddress = await firstLine(bus, 'dbus-daemon');
  let daemon = startDaemon(home, busAddress, options.unlocked !== false);
  // A test file that dies before its afterAll must not leave daemons behind.
  const killOnExit = (): void => {
    daemon.kill('SIGTERM');
    bus.kill('SIGTERM');
  };
  process.once('exit', killOnExit);
  try {
    await waitForSecretService(busAddress, daemon);
  } catch (error) {
    await stopChild(daemon);
    await stopChild(bus);
    throw error;
  }
  return {
    busAddress,
    keyringDir: join(home, 'data', 'keyrings'),
    lock: () => {
      dbusSend(busAddress, [
        '--dest=org.freedesktop.secrets',
        '/org/freedesktop/secrets',
        'org.freedesktop.Secret.Service.Lock',
        'array:objpath:/org/freedesktop/secrets/collection/login',
      ]);
    },
    replaceWithNeverUnlocked: async () => {
      await stopChild(daemon);
      await waitForSecretService(busAddress, daemon, false);
      const freshHome = runDir();
      for (const sub of ['data', 'run', 'config'])
        mkdirSync(join(freshHome, sub), { recursive: true, mode: 0o700 });
      daemon = startDaemon(freshHome, busAddress, false);
      await waitForSecretService(busAddress, daemon);
    },
    stop: async () => {
      process.off('exit', killOnExit);
      await stopChild(daemon);
      await stopChild(bus);
    },
  };
}

/**
 * The keyring a test file uses: the session's own when DBUS_SESSION_BUS_ADDRESS is set (a
 * developer's desktop), otherwise a private one that this call starts and points the process
 * at. Returns the teardown.
 */
export async function useTestKeyring(): Promise<{
  readonly busAddress: string;
  readonly keyringDir: string;
  stop(): Promise<void>;
}> {
  const existing = process.env.DBUS_SESSION_BUS_ADDRESS;
  if (existing !== undefined && existing !== '') {
    // gnome-keyring keeps its files in $XDG_DATA_HOME/keyrings (CI sets it; desktops default to ~/.local/share).
    const dataHome = process.env.XDG_DATA_HOME ?? join(process.env.HOME ?? tmpdir(), '.local', 'share');
    return { busAddress: existing, keyringDir: join(dataHome, 'keyrings'), stop: () => Promise.resolve() };
  }
  const keyring = await startPrivateKeyring();
  process.env.DBUS_SESSION_BUS_ADDRESS = keyring.busAddress;
  return {
    busAddress: keyring.busAddress,
    keyringDir: keyring.keyringDir,
    stop: async () => {
      delete process.env.DBUS_SESSION_BUS_ADDRESS;
      await keyring.stop();
    },
  };
}

/** A keychain service name unique to this test run, so runs never see each other's entries. */
export function uniqueKeychainService(label: string): string {
  return `bulwark-test-${label}-${process.pid}-${Date.now().toString(36)}`;
}
