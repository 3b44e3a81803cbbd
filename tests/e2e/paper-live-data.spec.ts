// Paper on live data, end to end (ADR 0180): a second venue on loopback stands in for KuCoin's public
// API; the real engine mirrors it; the header in the built renderer says PAPER · LIVE DATA, says the
// data is stale when the stand-in's stream dies, and LIVE DATA again once it is back.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';
import { defaultConfig } from '../../src/main/config/schema.ts';
import { silentLogger } from '../../src/main/observability/logger.ts';
import { startVenue, type RunningVenue } from '../../src/main/venue/index.ts';
import { attachEngine } from '../harness/bridge-in-page.ts';
import { startTestEngine } from '../harness/engine.ts';
import { serveBuiltRenderer } from '../harness/renderer-server.ts';

const artifactsDir = join(process.cwd(), 'artifacts', 'e2e');

// The token requests refused while the stream is down open the mirror client's circuit breaker after
// five failures; at the default 60 s cool-down the recovery would outlast the test's wait (the CI
// failed on it under load), so the breaker cools down in 1 s here.
const test = base.extend<{ kucoin: RunningVenue }>({
  kucoin: async ({ context, page }, use) => {
    const kucoin = await startVenue({
      config: defaultConfig().venue,
      logger: silentLogger,
      port: 0,
      seed: 21,
    });
    const settings = {
      venue: {
        marketData: {
          source: 'auto',
          upstreamRestUrl: kucoin.restUrl,
          symbols: ['XBTUSDTM', 'ETHUSDTM'],
          historyMinutes: 60,
          staleAfterMs: 1_500,
        },
      },
      exchange: {
        ws: { wsReconnectInitialDelayMs: 100, wsReconnectMaxDelayMs: 400 },
        breaker: { breakerCooldownMs: 1_000 },
      },
    };
    const engine = await startTestEngine({ label: 'e2e-live-data', settings });
    const server = await serveBuiltRenderer();
    const bridge = await attachEngine(context, page, engine.engine, server.origin);
    await page.goto(`${server.origin}/index.html`);
    await use(kucoin);
    bridge.detach();
    await engine.stop();
    await server.close();
    await kucoin.stop();
  },
});

test('the header shows PAPER · LIVE DATA against the stand-in, stale while its stream is down', async ({
  kucoin,
  page,
}) => {
  const badge = page.getByTestId('mode-badge');
  await expect(badge).toHaveText('PAPER · LIVE DATA', { timeout: 20_000 });
  await expect(badge).toHaveAttribute('data-market-data', 'live');
  mkdirSync(artifactsDir, { recursive: true });
  await page.screenshot({ path: join(artifactsDir, 'paper-live-data.png'), fullPage: true });
  const fault = kucoin.admin.addFault({
    kind: 'server-error',
    httpStatus: 503,
    method: 'POST',
    path: '/api/v1/bullet-public',
  });
  kucoin.admin.disconnectWebSockets();
  await expect(badge).toHaveText(/^PAPER · LIVE DATA \(stale: .+\)$/, { timeout: 20_000 });
  await expect(badge).toHaveAttribute('data-stale', 'true');
  kucoin.admin.removeFault(fault);
  await expect(badge).toHaveText('PAPER · LIVE DATA', { timeout: 30_000 });
});
