// No Secret Service at all: the store must say so with the remedy and never fall back (not to
// a file, not to the kernel keyring). Its own file because libdbus fixes the session-bus
// address at the first connection of a process (tests/harness/keyring.ts).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SecretStoreError } from '../../../src/shared/errors.ts';
import { createOsKeychainBackend } from '../../../src/main/secrets/keychain-backend.ts';
import { createSecretStore } from '../../../src/main/secrets/secret-store.ts';
import { silentLogger } from '../../../src/main/observability/logger.ts';
import { uniqueKeychainService } from '../../harness/keyring.ts';
import { liveKeyA } from '../../fixtures/test-secrets.ts';

const saved = { ...process.env };

function restore(name: 'DBUS_SESSION_BUS_ADDRESS' | 'DISPLAY' | 'XDG_RUNTIME_DIR'): void {
  const value = saved[name];
  if (value === undefined) Reflect.deleteProperty(process.env, name);
  else process.env[name] = value;
}

describe('SecretStore with no keychain on the machine', () => {
  beforeAll(() => {
    // No bus address, no $XDG_RUNTIME_DIR/bus to discover, no X display to autolaunch one on.
    // process.env's own setters reach the real environment, which is what libdbus reads.
    delete process.env.DBUS_SESSION_BUS_ADDRESS;
    delete process.env.DISPLAY;
    process.env.XDG_RUNTIME_DIR = mkdtempSync(join(tmpdir(), 'bw-nobus-'));
  });
  afterAll(() => {
    restore('DBUS_SESSION_BUS_ADDRESS');
    restore('DISPLAY');
    restore('XDG_RUNTIME_DIR');
  });

  it('saving and loading give keychain-missing with the Linux remedy', async () => {
    const store = createSecretStore({
      backend: createOsKeychainBackend('linux'),
      platform: 'linux',
      service: uniqueKeychainService('missing'),
      logger: silentLogger,
    });
    const failure = await store
      .save('live', { credentials: { ...liveKeyA, keyVersion: '3' }, savedAt: 1 })
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(SecretStoreError);
    expect(failure).toMatchObject({ code: 'keychain-missing' });
    expect((failure as Error).message).toMatch(
      /is not available on this computer\. Install and unlock gnome-keyring.*D-Bus session bus/s,
    );
    expect((failure as Error).message).toContain('never stores API keys in a plain file');
    await expect(store.load('live')).rejects.toMatchObject({ code: 'keychain-missing' });
  });
});
