// Key entry, verification and rotation against the real paper venue (signed REST over loopback)
// and the real Secret Service. Keychain faults are injected in the keychain backend — the OS
// adapter the store is given — never by stubbing our own modules.
import { mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AuthError,
  ConfigError,
  NetworkError,
  SecretStoreError,
  ValidationError,
} from '../../../src/shared/errors.ts';
import { defaultConfig } from '../../../src/main/config/schema.ts';
import { createLogger, type Logger } from '../../../src/main/observability/logger.ts';
import { createOsKeychainBackend, type KeychainBackend } from '../../../src/main/secrets/keychain-backend.ts';
import { createSecretStore } from '../../../src/main/secrets/secret-store.ts';
import { createSecretsService, type SecretsService } from '../../../src/main/secrets/secrets-service.ts';
import { createSecretsHandlers } from '../../../src/main/secrets/secrets-handlers.ts';
import { createExchangeKeyReader } from '../../../src/main/secrets/exchange-key-reader.ts';
import type { KeyInfoReader } from '../../../src/main/secrets/verify-key.ts';
import { startVenue, type RunningVenue } from '../../../src/main/venue/index.ts';
import { systemClock } from '../../../src/main/time/clock.ts';
import { uniqueKeychainService, useTestKeyring } from '../../harness/keyring.ts';
import {
  allTestSecrets,
  futuresOnlyKey,
  generalOnlyKey,
  ipLockedKey,
  legacyV1Key,
  liveKeyA,
  liveKeyB,
  transferKey,
  unknownKey,
  wrongPassphrase,
  wrongSecret,
  type TestCredentials,
} from '../../fixtures/test-secrets.ts';

const config = defaultConfig();
const entry = (
  c: TestCredentials,
  overrides: Partial<TestCredentials> = {},
  keyVersion: '1' | '3' = '3',
) => ({ ...c, ...overrides, keyVersion });

/** Fails one keychain operation on one account, once armed — a keychain that breaks mid-rotation. */
function faultyKeychain(real: KeychainBackend) {
  const fault: { op?: 'set' | 'delete'; account?: RegExp } = {};
  const trip = (op: 'set' | 'delete', account: string): void => {
    if (fault.op === op && fault.account?.test(account) === true)
      throw new Error(`Platform failure: injected ${op} failure on ${account}`);
  };
  const backend: KeychainBackend = {
    getPassword: (s, a) => real.getPassword(s, a),
    setPassword: async (s, a, p) => {
      trip('set', a);
      await real.setPassword(s, a, p);
    },
    deletePassword: async (s, a) => {
      trip('delete', a);
      return real.deletePassword(s, a);
    },
  };
  return {
    backend,
    arm: (op: 'set' | 'delete', account: RegExp) => {
      fault.op = op;
      fault.account = account;
    },
    disarm: () => {
      delete fault.op;
      delete fault.account;
    },
  };
}

describe('key verification and rotation against the paper venue', () => {
  let keyring: Awaited<ReturnType<typeof useTestKeyring>>;
  let venue: RunningVenue;
  let logger: Logger;
  let logFile: string;
  let reader: KeyInfoReader;
  const real = createOsKeychainBackend('linux');
  const faults = faultyKeychain(real);

  function freshService(): { service: SecretsService; service_: string } {
    const service_ = uniqueKeychainService('rotate');
    const store = createSecretStore({
      backend: faults.backend,
      platform: 'linux',
      service: service_,
      logger,
    });
    const service = createSecretsService({
      store,
      readLiveKeyInfo: reader,
      mode: 'paper',
      liveHost: venue.restUrl,
      paperCredentialBytes: 24,
      clock: systemClock,
      logger,
    });
    return { service, service_ };
  }

  beforeAll(async () => {
    keyring = await useTestKeyring();
    const dir = mkdtempSync(join(process.env.BULWARK_TEST_RUN_DIR ?? '.tmp/test-run', 'secrets-verify-'));
    logFile = join(dir, 'logs', 'main.log');
    logger = createLogger({ filePath: logFile, maxSizeBytes: 10 * 1024 * 1024, level: 'debug' });
    venue = await startVenue({
      config: config.venue,
      logger,
      port: 0,
      seed: 7,
      keys: [
        { ...liveKeyA, permissions: ['General', 'Futures'] },
        { ...liveKeyB, permissions: ['General', 'Futures'], ipWhitelist: ['127.0.0.1'] },
        { ...generalOnlyKey, permissions: ['General'] },
        { ...futuresOnlyKey, permissions: ['Futures'] },
        { ...ipLockedKey, permissions: ['General', 'Futures'], ipWhitelist: ['203.0.113.9'] },
        { ...transferKey, permissions: ['General', 'Futures', 'Transfer'] },
        { ...legacyV1Key, permissions: ['General', 'Futures'], keyVersion: '1' },
      ],
    });
    const endpoints = { futuresRestUrl: venue.restUrl, generalRestUrl: venue.restUrl };
    reader = createExchangeKeyReader({
      config: config.exchange,
      endpoints,
      mode: 'paper',
      clock: systemClock,
      logger,
    });
  });
  afterAll(async () => {
    try {
      await venue.stop();
    } finally {
      await keyring.stop();
    }
  });

  describe('verify (nothing is stored)', () => {
    it('accepts a General+Futures key and reports its rights and IP whitelist', async () => {
      const { service } = freshService();
      await expect(service.verifyKey(entry(liveKeyB))).resolves.toEqual({
        accepted: true,
        keyLast4: liveKeyB.apiKey.slice(-4),
        permissions: ['General', 'Futures'],
        ipWhitelist: ['127.0.0.1'],
        warnings: [],
      });
      expect((await service.getConnection()).live.state).toBe('absent');
    });

    it.each([
      ['an unknown key', entry(unknownKey), 'key', '400003'],
      ['a wrong passphrase', entry(liveKeyA, { passphrase: wrongPassphrase }), 'passphrase', '400004'],
      // v2/v3: the passphrase header is HMAC'd with the secret, so a wrong secret fails the passphrase check first.
      ['a wrong secret (v3 key)', entry(liveKeyA, { apiSecret: wrongSecret }), 'passphrase', '400004'],
      [
        'a wrong secret (v1 key, plain passphrase)',
        entry(legacyV1Key, { apiSecret: wrongSecret }, '1'),
        'signature',
        '400005',
      ],
      ['an IP-restricted key used from elsewhere', entry(ipLockedKey), 'ip', '400006'],
      ['a key without the General right', entry(futuresOnlyKey), 'permission', '400007'],
    ])('refuses %s and says which part is wrong', async (_label, typed, reason, code) => {
      const verdict = await freshService().service.verifyKey(typed);
      expect(verdict).toMatchObject({
        accepted: false,
        reason,
        exchangeCode: code,
        keyLast4: typed.apiKey.slice(-4),
      });
    });

    it('refuses a key that cannot trade futures', async () => {
      await expect(freshService().service.verifyKey(entry(generalOnlyKey))).resolves.toMatchObject({
        accepted: false,
        reason: 'no-futures-permission',
        message: expect.stringContaining('cannot trade futures') as unknown,
      });
    });

    it('accepts a key with transfer rights but warns loudly', async () => {
      const verdict = await freshService().service.verifyKey(entry(transferKey));
      expect(verdict.accepted && verdict.warnings[0]).toMatch(
        /^WARNING: this key can move funds out of your account \(Transfer\)/,
      );
    });
  });

  describe('save', () => {
    it('stores only a verified key and then refuses a second save', async () => {
      const { service } = freshService();
      await expect(service.saveKey(entry(liveKeyA, { passphrase: wrongPassphrase }))).rejects.toMatchObject({
        name: 'AuthError',
        code: 'key-refused-passphrase',
        message: expect.stringContaining('Nothing was saved.') as unknown,
      });
      expect((await service.getConnection()).live.state).toBe('absent');
      const status = await service.saveKey(entry(liveKeyA));
      expect(status).toMatchObject({
        state: 'verified',
        keyLast4: liveKeyA.apiKey.slice(-4),
        permissions: ['General', 'Futures'],
      });
      await expect(service.saveKey(entry(liveKeyB))).rejects.toBeInstanceOf(ValidationError);
      await expect(service.liveCredentials()).resolves.toMatchObject({ apiKey: liveKeyA.apiKey });
    });

    it('answers over IPC without ever echoing a secret', async () => {
      const handlers = createSecretsHandlers(freshService().service);
      const answers = [
        await handlers['secrets:verify-key'](entry(liveKeyA)),
        await handlers['secrets:save-key'](entry(liveKeyA)),
        await handlers['secrets:get-connection'](),
        await handlers['secrets:rotate-key'](entry(liveKeyB)),
        await handlers['secrets:delete-key']({ keyLast4: liveKeyB.apiKey.slice(-4) }),
      ];
      const text = JSON.stringify(answers);
      for (const secret of allTestSecrets) expect(text).not.toContain(secret);
    });
  });

  describe('rotation: add → verify → switch → delete old', () => {
    async function withKeyA() {
      const fresh = freshService();
      await fresh.service.saveKey(entry(liveKeyA));
      return fresh;
    }
    async function expectStillA(service: SecretsService): Promise<void> {
      const creds = await service.liveCredentials();
      expect(creds.apiKey).toBe(liveKeyA.apiKey);
      // …and the old key still works at the exchange.
      await expect(reader(creds)).resolves.toMatchObject({ apiKey: liveKeyA.apiKey });
    }

    it('switches to the new key and deletes the old slot', async () => {
      const { service, service_ } = await withKeyA();
      const result = await service.rotateKey(entry(liveKeyB));
      expect(result).toMatchObject({
        replacedKeyLast4: liveKeyA.apiKey.slice(-4),
        live: { state: 'verified', keyLast4: liveKeyB.apiKey.slice(-4) },
      });
      expect(result.notices).toContain(
        `Delete the old key ending ${liveKeyA.apiKey.slice(-4)} in KuCoin → API Management: Bulwark no longer uses it.`,
      );
      await expect(service.liveCredentials()).resolves.toMatchObject({ apiKey: liveKeyB.apiKey });
      expect(await real.getPassword(service_, 'live.a')).toBeUndefined();
    });

    it('step 1 fails (keychain refuses the new entry): old key untouched', async () => {
      const { service } = await withKeyA();
      faults.arm('set', /^live\.b$/);
      try {
        await expect(service.rotateKey(entry(liveKeyB))).rejects.toBeInstanceOf(SecretStoreError);
      } finally {
        faults.disarm();
      }
      await expectStillA(service);
    });

    it('step 2 fails (KuCoin refuses the new key): old key untouched, new slot removed', async () => {
      const { service, service_ } = await withKeyA();
      const failure = await service
        .rotateKey(entry(liveKeyB, { apiSecret: wrongSecret }))
        .catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(AuthError);
      expect((failure as AuthError).message).toMatch(
        /passphrase or the secret is wrong.*Your current key is unchanged and still in use\./,
      );
      expect(await real.getPassword(service_, 'live.b')).toBeUndefined();
      await expectStillA(service);
    });

    it('step 2 fails (exchange unreachable): old key untouched', async () => {
      const { service } = await withKeyA();
      const fault = venue.admin.addFault({
        kind: 'server-error',
        path: '/api/v1/user/api-key',
        httpStatus: 503,
      });
      try {
        await expect(service.rotateKey(entry(liveKeyB))).rejects.toBeInstanceOf(NetworkError);
      } finally {
        venue.admin.removeFault(fault);
      }
      await expectStillA(service);
    });

    it('step 3 fails (pointer switch refused): old key untouched, new slot removed', async () => {
      const { service, service_ } = await withKeyA();
      faults.arm('set', /^live\.active$/);
      try {
        await expect(service.rotateKey(entry(liveKeyB))).rejects.toMatchObject({
          name: 'SecretStoreError',
          message: expect.stringContaining('switch to the new API key') as unknown,
        });
      } finally {
        faults.disarm();
      }
      expect(await real.getPassword(service_, 'live.b')).toBeUndefined();
      await expectStillA(service);
    });

    it('step 4 fails (old slot cannot be deleted): new key active, trader told', async () => {
      const { service } = await withKeyA();
      faults.arm('delete', /^live\.a$/);
      let result;
      try {
        result = await service.rotateKey(entry(liveKeyB));
      } finally {
        faults.disarm();
      }
      expect(result.live.keyLast4).toBe(liveKeyB.apiKey.slice(-4));
      expect(result.notices.join(' ')).toContain('could not be removed from the keychain yet');
      await expect(service.liveCredentials()).resolves.toMatchObject({ apiKey: liveKeyB.apiKey });
      // The orphaned slot is overwritten at the next change: rotating back works.
      await expect(service.rotateKey(entry(liveKeyA))).resolves.toMatchObject({
        live: { keyLast4: liveKeyA.apiKey.slice(-4) },
      });
    });

    it('refuses to rotate when no key is saved', async () => {
      await expect(freshService().service.rotateKey(entry(liveKeyB))).rejects.toMatchObject({
        code: 'rotate-without-key',
      });
    });
  });

  describe('delete and the paper profile', () => {
    it('deletes only the key the page names', async () => {
      const { service } = freshService();
      await service.saveKey(entry(liveKeyA));
      await expect(service.deleteKey({ keyLast4: 'zzzz' })).rejects.toMatchObject({ code: 'key-changed' });
      await expect(service.deleteKey({ keyLast4: liveKeyA.apiKey.slice(-4) })).resolves.toMatchObject({
        state: 'absent',
      });
      await expect(service.liveCredentials()).rejects.toMatchObject({ code: 'profile-absent' });
    });

    it('generates the paper key once and keeps it, and the venue accepts it', async () => {
      const { service } = freshService();
      const first = await service.paperCredentials();
      expect(await service.paperCredentials()).toEqual(first);
      expect((await service.getConnection()).paper).toMatchObject({
        state: 'present',
        keyLast4: first.apiKey.slice(-4),
      });
      const paperVenue = await startVenue({
        config: config.venue,
        logger,
        port: 0,
        seed: 1,
        keys: [{ ...first, permissions: ['General', 'Futures'] }],
      });
      try {
        const paperReader = createExchangeKeyReader({
          config: config.exchange,
          endpoints: { futuresRestUrl: paperVenue.restUrl, generalRestUrl: paperVenue.restUrl },
          mode: 'paper',
          clock: systemClock,
          logger,
        });
        await expect(paperReader(first)).resolves.toMatchObject({ apiKey: first.apiKey });
      } finally {
        await paperVenue.stop();
      }
    });
  });

  describe('transport security', () => {
    it('a live profile pointed at a plain-http host is refused before any request leaves', async () => {
      const before = venue.admin.requestCount({ path: '/api/v1/user/api-key' });
      const liveReader = createExchangeKeyReader({
        config: config.exchange,
        endpoints: { futuresRestUrl: venue.restUrl, generalRestUrl: venue.restUrl },
        mode: 'live',
        clock: systemClock,
        logger,
      });
      const failure = await liveReader({ ...liveKeyA, keyVersion: '3' }).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(ConfigError);
      expect(failure).toMatchObject({ code: 'exchange-url-insecure' });
      expect(venue.admin.requestCount({ path: '/api/v1/user/api-key' })).toBe(before);
      // The same holds through the service: verify answers with the error, not a verdict.
      const store = createSecretStore({
        backend: real,
        platform: 'linux',
        service: uniqueKeychainService('http'),
        logger,
      });
      const service = createSecretsService({
        store,
        readLiveKeyInfo: liveReader,
        mode: 'live',
        liveHost: venue.restUrl,
        paperCredentialBytes: 24,
        clock: systemClock,
        logger,
      });
      await expect(service.saveKey(entry(liveKeyA))).rejects.toBeInstanceOf(ConfigError);
      expect((await service.getConnection()).live.state).toBe('absent');
    });
  });

  it('no secret typed, stored or sent reached the log file', async () => {
    await new Promise((resolve) => setTimeout(resolve, 200)); // electron-log writes asynchronously
    const text = readFileSync(logFile, 'utf8');
    expect(text).toContain('key-verified');
    for (const secret of allTestSecrets) expect(text, secret.slice(0, 4)).not.toContain(secret);
  });
});
