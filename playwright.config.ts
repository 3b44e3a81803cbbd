import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

// Playwright cannot download its own browser here; Debian's Chromium is used when present.
const systemChromium = '/usr/bin/chromium';
const executablePath =
  process.env.BULWARK_CHROMIUM ?? (existsSync(systemChromium) ? systemChromium : undefined);

// E2E engines (and an Electron app launched from here) never reach KuCoin: the paper venue's market
// stays simulated or on a loopback stand-in (docs/adr/0182-tests-stay-on-loopback.md).
process.env.BULWARK_MARKET_DATA_OFFLINE = '1';

export default defineConfig({
  testDir: 'tests',
  testMatch: ['e2e/**/*.spec.ts', 'e2e-electron/**/*.spec.ts'],
  outputDir: 'test-results',
  workers: 1,
  // Specs wait on the page's own state, never on sleeps; the budget is for a slow 2-core CI runner
  // (the project's CI ran the e2e step at half this machine's speed).
  timeout: 90_000,
  reporter: [['list']],
  use: {
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      ...(executablePath === undefined ? {} : { executablePath }),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
