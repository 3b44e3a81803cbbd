// The secrets channels through the engine's real router, as the renderer calls them: the paper
// key is generated into the keychain, a live key is verified at a venue standing in for KuCoin
// and saved, and no answer, log line or user-data file carries a secret.
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/main/config/schema.ts';
import { startEngine, type Engine } from '../../../src/main/engine.ts';
import type { IpcRouter } from '../../../src/main/ipc/router.ts';
import { silentLogger } from '../../../src/main/observability/logger.ts';
import { systemClock } from '../../../src/main/time/clock.ts';
import { startVenue, type RunningVenue } from '../../../src/main/venue/index.ts';
import { testRunDir } from '../../harness/engine.ts';
import { useTestKeyring } from '../../harness/keyring.ts';
import { allTestSecrets, liveKeyA, wrongPassphrase } from '../../fixtures/test-secrets.ts';

const sender = { url: 'app://bulwark/index.html', isMainFrame: true };

describe('secrets:* through the engine router', () => {
  let keyring: Awaited<ReturnType<typeof useTestKeyring>>;
  let kucoin: RunningVenue;
  let engine: Engine;
  let router: IpcRouter;
  let userData: string;

  beforeAll(async () => {
    keyring = await useTestKeyring();
    kucoin = await startVenue({
      config: defaultConfig().venue,
      logger: silentLogger,
      port: 0,
      seed: 3,
      keys: [{ ...liveKeyA, permissions: ['General', 'Futures', 'Transfer'] }],
    });
    userData = mkdtempSync(join(testRunDir(), 'secrets-engine-'));
    writeFileSync(
      join(userData, 'settings.json'),
      JSON.stringify({ secrets: { keychainService: `bulwark-it-${basename(userData).slice(-12)}` } }),
    );
    engine = await startEngine({
      platform: {
        paths: { userData, logs: join(userData, 'logs') },
        notifier: { notify: () => undefined },
        clock: systemClock,
      },
      mode: 'paper',
      version: '0.0.0-test',
      overrides: {
        liveEndpoints: { futuresRestUrl: kucoin.restUrl, generalRestUrl: kucoin.restUrl },
        liveVerifyMode: 'paper',
      },
    });
    router = engine.createRouter(['app://bulwark']);
  });
  afterAll(async () => {
    try {
      await engine.stop();
      await kucoin.stop();
    } finally {
      await keyring.stop();
    }
  });

  it('the paper key was generated into the keychain; no live key yet', async () => {
    const answer = await router.handle('secrets:get-connection', undefined, sender);
    expect(answer).toMatchObject({
      ok: true,
      value: { mode: 'paper', live: { state: 'absent' }, paper: { state: 'present' } },
    });
    expect(engine.services.credentials.source).toBe('keychain');
  });

  it('a refused key is explained and nothing is stored', async () => {
    const answer = await router.handle(
      'secrets:save-key',
      { ...liveKeyA, passphrase: wrongPassphrase },
      sender,
    );
    expect(answer).toMatchObject({ ok: false, error: { name: 'AuthError', code: 'key-refused-passphrase' } });
    expect(await router.handle('secrets:get-connection', undefined, sender)).toMatchObject({
      value: { live: { state: 'absent' } },
    });
  });

  it('a verified key is stored and shown by its last four characters and its warning only', async () => {
    const saved = await router.handle('secrets:save-key', { ...liveKeyA }, sender);
    expect(saved).toMatchObject({
      ok: true,
      value: {
        state: 'verified',
        keyLast4: liveKeyA.apiKey.slice(-4),
        permissions: ['General', 'Futures', 'Transfer'],
      },
    });
    const connection = await router.handle('secrets:get-connection', undefined, sender);
    const text = JSON.stringify([saved, connection]);
    expect(text).toContain('WARNING: this key can move funds');
    for (const secret of allTestSecrets) expect(text).not.toContain(secret);
  });

  it('leaves no secret in the engine’s logs or user data', async () => {
    await new Promise((resolve) => setTimeout(resolve, 200)); // electron-log writes asynchronously
    const files = readdirSync(userData, { recursive: true, encoding: 'utf8' })
      .map((f) => join(userData, f))
      .filter((f) => statSync(f).isFile());
    expect(files.length).toBeGreaterThan(0);
    const paper = await engine.services.secrets.service.paperCredentials();
    for (const file of files) {
      const text = readFileSync(file, 'latin1');
      for (const secret of [...allTestSecrets, paper.apiSecret, paper.passphrase])
        expect(text.includes(secret), file).toBe(false);
    }
  });
});
