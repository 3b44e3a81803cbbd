// A locked and a never-unlocked keyring. Always a private bus and daemon, even on a desktop:
// this file locks the login collection and must never lock a developer's real keyring.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SecretStoreError } from '../../../src/shared/errors.ts';
import { createOsKeychainBackend } from '../../../src/main/secrets/keychain-backend.ts';
import { createSecretStore, type SecretStore } from '../../../src/main/secrets/secret-store.ts';
import { silentLogger } from '../../../src/main/observability/logger.ts';
import { startPrivateKeyring, uniqueKeychainService, type PrivateKeyring } from '../../harness/keyring.ts';
import { liveKeyA, liveKeyB } from '../../fixtures/test-secrets.ts';

const storeFor = (service: string): SecretStore =>
  createSecretStore({
    backend: createOsKeychainBackend('linux'),
    platform: 'linux',
    service,
    logger: silentLogger,
  });
const stored = (creds: typeof liveKeyA) => ({
  credentials: { ...creds, keyVersion: '3' as const },
  savedAt: 1,
});

describe('SecretStore on a keyring the trader has not unlocked', () => {
  let keyring: PrivateKeyring;
  const savedAddress = process.env.DBUS_SESSION_BUS_ADDRESS;
  beforeAll(async () => {
    keyring = await startPrivateKeyring();
    process.env.DBUS_SESSION_BUS_ADDRESS = keyring.busAddress;
  });
  afterAll(async () => {
    await keyring.stop();
    if (savedAddress === undefined) delete process.env.DBUS_SESSION_BUS_ADDRESS;
    else process.env.DBUS_SESSION_BUS_ADDRESS = savedAddress;
  });

  it('a locked keyring: reading and saving give keychain-locked with the Linux remedy', async () => {
    const store = storeFor(uniqueKeychainService('locked'));
    await store.save('live', stored(liveKeyA));
    keyring.lock();
    const failure = await store.load('live').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SecretStoreError);
    expect(failure).toMatchObject({ code: 'keychain-locked' });
    expect((failure as Error).message).toMatch(
      /is locked\. Install and unlock gnome-keyring.*never stores API keys in a plain file/s,
    );
    await expect(store.save('live', stored(liveKeyB))).rejects.toMatchObject({ code: 'keychain-locked' });
    await expect(store.remove('live')).rejects.toBeInstanceOf(SecretStoreError);
  });

  it('a keyring that was never unlocked refuses to save, with the remedy', async () => {
    await keyring.replaceWithNeverUnlocked();
    const failure = await storeFor(uniqueKeychainService('never'))
      .save('live', stored(liveKeyA))
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(SecretStoreError);
    expect(failure).toMatchObject({ code: 'keychain-no-keyring' });
    expect((failure as Error).message).toMatch(
      /has no unlocked default keyring\. Install and unlock gnome-keyring/,
    );
    expect((failure as Error).message).toContain('unlock gnome-keyring');
  });
});
