// The verdict strip beside the ticket, end to end against the real engine and its paper venue
// (eight days of history so the 4h timeframe has a signal): the strip shows the four timeframes and
// the verdict; the simulated market is driven up, then down (admin jumpPrice + advanceTime, venue
// time, never sleeps) and the ticket's warning for a long entry appears with the numbers; hovering a
// timeframe shows its components. Waits on app-emitted events and on the page.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test as base } from '@playwright/test';
import { attachEngine, type BridgeHandle } from '../harness/bridge-in-page.ts';
import { startTestEngine, type TestEngine } from '../harness/engine.ts';
import { serveBuiltRenderer } from '../harness/renderer-server.ts';
import type { RunningVenue } from '../../src/main/venue/index.ts';

const artifactsDir = join(process.cwd(), 'artifacts', 'e2e');
const symbol = 'XBTUSDTM';

interface Fixtures {
  app: {
    testEngine: TestEngine;
    venue: RunningVenue;
    bridge: BridgeHandle;
    screenshot(name: string): Promise<void>;
  };
}

// Like tests/e2e/fixtures.ts, with a venue that has the history a 4h signal needs (34 bars) and a
// price step of 60 s: building eight days of history at a 10 s step took 30–50 s of the 60 s test
// budget on 2 cores (the CI timed out on it), and a minute per step still gives every 1m candle a move.
const test = base.extend<Fixtures>({
  app: async ({ context, page }, use, testInfo) => {
    const server = await serveBuiltRenderer();
    const testEngine = await startTestEngine({
      label: 'e2e-analysis',
      settings: { venue: { historyWarmupMs: 8 * 86_400_000, priceStepMs: 60_000 } },
    });
    const venue = testEngine.engine.services.venue;
    if (venue === undefined) throw new Error('paper mode must run the venue');
    const bridge = await attachEngine(context, page, testEngine.engine, server.origin);
    mkdirSync(artifactsDir, { recursive: true });
    const screenshot = async (name: string): Promise<void> => {
      const path = join(artifactsDir, `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      await testInfo.attach(name, { path, contentType: 'image/png' });
    };
    await page.goto(`${server.origin}/index.html`);
    await use({ testEngine, venue, bridge, screenshot });
    bridge.detach();
    await testEngine.stop();
    await server.close();
  },
});

/** Moves the market `pct` % every 10 venue minutes, `times` times; the candle stream follows. */
function drive(venue: RunningVenue, pct: number, times: number): void {
  for (let i = 0; i < times; i += 1) {
    venue.admin.jumpPrice(symbol, pct);
    venue.admin.advanceTime(600_000);
  }
}

test('the strip shows four timeframes and the verdict; a downtrend warns a long entry with the numbers', async ({
  app,
  page,
}) => {
  const { testEngine, venue } = app;
  const strip = page.getByTestId('verdict-strip');
  for (const timeframe of ['5m', '15m', '1h', '4h']) {
    await expect(strip.getByTestId(`verdict-tf-${timeframe}`)).toHaveAttribute('data-status', 'ready', {
      timeout: 30_000,
    });
  }
  await expect(strip.getByTestId('verdict-value')).toHaveText(/^Verdict ([+\u2212]\d\.\d\d|0\.00)$/);

  // Time driven before the stream's subscriptions are live would pass the analysis by: first
  // wait for the engine to hand the page a snapshot made from a pushed bar.
  let pushes = 0;
  const off = testEngine.engine.services.client.market.onCandle(() => {
    pushes += 1;
  });
  await expect
    .poll(
      () => {
        venue.admin.advanceTime(10_000);
        return pushes;
      },
      { timeout: 20_000 },
    )
    .toBeGreaterThan(0);
  off();

  drive(venue, 2, 12);
  await expect(strip.getByTestId('verdict-value')).toHaveAttribute('data-direction', 'up', {
    timeout: 30_000,
  });
  await expect(strip.getByTestId('entry-warning')).not.toContainText('Entering long');
  await app.screenshot('analysis-uptrend');

  const turned = app.bridge.waitForEvent(
    'analysis:verdict-changed',
    (p) =>
      (p as { change: string; verdict: number }).change === 'sign' && (p as { verdict: number }).verdict < 0,
  );
  drive(venue, -3, 24);
  await turned;
  await expect(strip.getByTestId('verdict-value')).toHaveAttribute('data-direction', 'down', {
    timeout: 30_000,
  });
  await expect(strip.getByTestId('entry-warning')).toHaveText(
    /^Entering long against the (5m|15m|1h|4h) downtrend, verdict \u22120\.\d\d$/,
    { timeout: 30_000 },
  );
  // The warning carries the verdict the strip shows (both from one snapshot): read both in one
  // task of the page, so a snapshot landing between two reads cannot make them differ.
  // (The e2e project has no DOM lib: the element is typed by what the page function uses.)
  type Found = { textContent: string | null } | null;
  const [verdictText = '', warningText = ''] = await strip.evaluate(
    (element: { querySelector(selector: string): Found }): string[] => [
      element.querySelector('[data-testid="verdict-value"]')?.textContent ?? '',
      element.querySelector('[data-testid="entry-warning"]')?.textContent ?? '',
    ],
  );
  expect(warningText.endsWith(verdictText.replace('Verdict ', ''))).toBe(true);
  // The ticket says it too, under its side switch, while its side is buy (long).
  const ticket = page.getByTestId('order-ticket');
  await expect(ticket.getByTestId('ticket-entry-warning')).toHaveText(
    /^Entering long against the (5m|15m|1h|4h) downtrend, verdict \u22120\.\d\d$/,
  );

  await strip.getByTestId('verdict-tf-4h').hover();
  await expect(page.getByTestId('verdict-tf-4h-details')).toContainText('EMA 9/21 trend');
  await expect(page.getByTestId('verdict-tf-4h-details')).toContainText('RSI 14');
  await expect(page.getByTestId('verdict-tf-4h-details')).toContainText('MACD 12/26/9 histogram');
  await app.screenshot('analysis-downtrend-warning');
});
