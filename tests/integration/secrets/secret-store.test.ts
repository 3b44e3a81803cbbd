import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOsKeychainBackend } from '../../../src/main/secrets/keychain-backend.ts';
import { createSecretStore, type SecretStore } from '../../../src/main/secrets/secret-store.ts';
import type { StoredProfile } from '../../../src/main/secrets/profile-schema.ts';
import { silentLogger } from '../../../src/main/observability/logger.ts';
import { redactText } from '../../../src/main/observability/redact.ts';
import { uniqueKeychainService, useTestKeyring } from '../../harness/keyring.ts';
import { liveKeyA, liveKeyB } from '../../fixtures/test-secrets.ts';

const backend = createOsKeychainBackend('linux');

function storeFor(service: string): SecretStore {
  return createSecretStore({ backend, platform: 'linux', service, logger: silentLogger });
}

function stored(creds: typeof liveKeyA, savedAt = 1_700_000_000_000): StoredProfile {
  return { credentials: { ...creds, keyVersion: '3' }, savedAt };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile());
}

describe('SecretStore over a real Secret Service', () => {
  let keyring: Awaited<ReturnType<typeof useTestKeyring>>;
  beforeAll(async () => {
    keyring = await useTestKeyring();
  });
  afterAll(async () => {
    await keyring.stop();
  });

  it('stores, reads, replaces and deletes the live key', async () => {
    const store = storeFor(uniqueKeychainService('roundtrip'));
    expect(await store.load('live')).toEqual({ state: 'absent' });
    await store.save('live', stored(liveKeyA));
    const first = await store.load('live');
    expect(first.state === 'present' && first.stored.credentials.apiSecret).toBe(liveKeyA.apiSecret);
    await store.save('live', stored(liveKeyB));
    const second = await store.load('live');
    expect(second.state === 'present' && second.stored.credentials.apiKey).toBe(liveKeyB.apiKey);
    await store.remove('live');
    expect(await store.load('live')).toEqual({ state: 'absent' });
  });

  it('keeps profiles apart and deletes the replaced slot', async () => {
    const service = uniqueKeychainService('slots');
    const store = storeFor(service);
    await store.save('live', stored(liveKeyA));
    await store.save('paper', stored(liveKeyB));
    await store.save('live', stored(liveKeyB));
    // live went a → b: slot a must be gone from the keychain, not just unreferenced.
    expect(await backend.getPassword(service, 'live.a')).toBeUndefined();
    expect(await backend.getPassword(service, 'live.active')).toBe('b');
    const paper = await store.load('paper');
    expect(paper.state === 'present' && paper.stored.credentials.apiKey).toBe(liveKeyB.apiKey);
    await store.remove('live');
    await store.remove('paper');
  });

  it('registers every loaded secret with the log redactor', async () => {
    const service = uniqueKeychainService('redact');
    await backend.setPassword(service, 'live.active', 'a');
    await backend.setPassword(service, 'live.a', JSON.stringify(stored(liveKeyA)));
    await storeFor(service).load('live');
    const line = `oops ${liveKeyA.apiSecret} ${Buffer.from(liveKeyA.passphrase).toString('base64')} ${liveKeyA.apiKey}`;
    expect(redactText(line)).toBe('oops [REDACTED] [REDACTED] [REDACTED]');
    await storeFor(service).remove('live');
  });

  it('refuses a damaged entry with a remedy instead of guessing', async () => {
    const service = uniqueKeychainService('corrupt');
    await backend.setPassword(service, 'live.active', 'a');
    await backend.setPassword(service, 'live.a', '{"credentials":');
    await expect(storeFor(service).load('live')).rejects.toMatchObject({
      name: 'SecretStoreError',
      code: 'keychain-entry-corrupt',
      message: expect.stringContaining('enter the key again') as unknown,
    });
    await storeFor(service).remove('live');
  });

  it('writes nothing readable to disk: the keyring files hold no plaintext secret', async (ctx) => {
    const service = uniqueKeychainService('disk');
    await storeFor(service).save('live', stored(liveKeyA));
    if (!existsSync(keyring.keyringDir))
      ctx.skip(`this session's Secret Service keeps no files in ${keyring.keyringDir} (not gnome-keyring?)`);
    const files = filesUnder(keyring.keyringDir);
    expect(files.some((f) => f.endsWith('.keyring'))).toBe(true);
    for (const file of files) {
      const text = readFileSync(file, 'latin1');
      expect(text.includes(liveKeyA.apiSecret), file).toBe(false);
      expect(text.includes(liveKeyA.passphrase), file).toBe(false);
    }
    await storeFor(service).remove('live');
  });
});
