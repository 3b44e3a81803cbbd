// Connection page, end to end: the built renderer in Chromium, the real engine (OS keychain via
// a private or session Secret Service, its own paper venue) behind window.bulwark through the
// in-page bridge (tests/harness/bridge-in-page.ts). A second venue stands in for KuCoin: the engine verifies live keys there
// (engine override `liveVerifyMode: 'paper'`, loopback http). Flow: a wrong passphrase → the page
// says which part is wrong; the right one → saved, verified, shown only as ••••last4, inputs
// empty; rotate to a second key; delete it. Waits on the page's own state, never on sleeps.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { startEngine, type Engine } from '../../src/main/engine.ts';
import { defaultConfig } from '../../src/main/config/schema.ts';
import { silentLogger } from '../../src/main/observability/logger.ts';
import { systemClock } from '../../src/main/time/clock.ts';
import { startVenue, type RunningVenue } from '../../src/main/venue/index.ts';
import { attachEngine } from '../harness/bridge-in-page.ts';
import { testRunDir } from '../harness/engine.ts';
import { useTestKeyring } from '../harness/keyring.ts';
import { serveBuiltRenderer } from '../harness/renderer-server.ts';
import {
  allTestSecrets,
  liveKeyA,
  liveKeyB,
  wrongPassphrase,
  type TestCredentials,
} from '../fixtures/test-secrets.ts';

const artifactsDir = join(process.cwd(), 'artifacts', 'e2e');

interface ConnectionFixture {
  connection: { engine: Engine; kucoin: RunningVenue; screenshot(name: string): Promise<void> };
}

async function engineVerifyingAt(kucoin: RunningVenue): Promise<Engine> {
  const userData = mkdtempSync(join(testRunDir(), 'e2e-connection-'));
  const settings = { secrets: { keychainService: `bulwark-e2e-${basename(userData).slice(-12)}` } };
  writeFileSync(join(userData, 'settings.json'), JSON.stringify(settings));
  return startEngine({
    platform: {
      paths: { userData, logs: join(userData, 'logs') },
      notifier: { notify: () => undefined },
      clock: systemClock,
    },
    mode: 'paper',
    version: '0.0.0-e2e',
    overrides: {
      liveEndpoints: { futuresRestUrl: kucoin.restUrl, generalRestUrl: kucoin.restUrl },
      liveVerifyMode: 'paper',
    },
  });
}

const test = base.extend<ConnectionFixture>({
  connection: async ({ context, page }, use, testInfo) => {
    const keyring = await useTestKeyring();
    const kucoin = await startVenue({
      config: defaultConfig().venue,
      logger: silentLogger,
      port: 0,
      seed: 11,
      keys: [liveKeyA, liveKeyB].map((key) => ({ ...key, permissions: ['General', 'Futures'] })),
    });
    const engine = await engineVerifyingAt(kucoin);
    const server = await serveBuiltRenderer();
    const bridge = await attachEngine(context, page, engine, server.origin);
    mkdirSync(artifactsDir, { recursive: true });
    const screenshot = async (name: string): Promise<void> => {
      const path = join(artifactsDir, `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      await testInfo.attach(name, { path, contentType: 'image/png' });
    };
    await page.goto(`${server.origin}/index.html`);
    await use({ engine, kucoin, screenshot });
    bridge.detach();
    await engine.stop();
    await server.close();
    await kucoin.stop();
    await keyring.stop();
  },
});

async function fill(page: Page, creds: TestCredentials, passphrase = creds.passphrase): Promise<void> {
  await page.getByTestId('key-input').fill(creds.apiKey);
  await page.getByTestId('secret-input').fill(creds.apiSecret);
  await page.getByTestId('passphrase-input').fill(passphrase);
}

test('enter, verify, save, rotate and delete the KuCoin key', async ({ connection, page }) => {
  await page.getByTestId('nav-settings').click();
  // Settings mounts <ConnectionPage />: if it ever stops doing so, this fails rather than skips.
  await expect(page.getByTestId('connection-page')).toBeVisible();

  await fill(page, liveKeyA, wrongPassphrase);
  await page.getByTestId('verify-key').click();
  await expect(page.getByTestId('verdict-refused')).toHaveAttribute('data-reason', 'passphrase');
  await connection.screenshot('connection-refused-passphrase');

  await fill(page, liveKeyA);
  await page.getByTestId('save-key').click();
  await expect(page.getByTestId('profile-live')).toHaveAttribute('data-state', 'verified');
  await expect(page.getByTestId('profile-live-key')).toContainText(`••••${liveKeyA.apiKey.slice(-4)}`);
  await expect(page.getByTestId('secret-input')).toHaveValue('');
  const html = await page.content();
  for (const secret of allTestSecrets) expect(html).not.toContain(secret);
  await connection.screenshot('connection-saved');

  await fill(page, liveKeyB);
  await page.getByTestId('rotate-key').click();
  await expect(page.getByTestId('profile-live-key')).toContainText(`••••${liveKeyB.apiKey.slice(-4)}`);
  await expect(page.getByTestId('rotation-notice').first()).toContainText(liveKeyA.apiKey.slice(-4));
  await expect(connection.engine.services.secrets.service.liveCredentials()).resolves.toMatchObject({
    apiKey: liveKeyB.apiKey,
  });
  await connection.screenshot('connection-rotated');

  await page.getByTestId('delete-key').click();
  await page.getByTestId('delete-key-confirm').click();
  await expect(page.getByTestId('profile-live')).toHaveAttribute('data-state', 'absent');
  expect(connection.kucoin.admin.requestCount({ path: '/api/v1/user/api-key' })).toBeGreaterThanOrEqual(3);
  await connection.screenshot('connection-deleted');
});
