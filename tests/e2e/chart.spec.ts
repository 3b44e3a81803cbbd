// The chart against the real engine and the real lightweight-charts in Chromium: candles and a
// volume pane draw, the legend reads the last bar at XBTUSDTM's tick (0.1) and follows the
// crosshair, and zooming out far enough asks the engine for the bars before the first one.
import { join } from 'node:path';
import { test as base } from '@playwright/test';
import { attachEngine } from '../harness/bridge-in-page.ts';
import { startTestEngine, type TestEngine } from '../harness/engine.ts';
import { serveBuiltRenderer } from '../harness/renderer-server.ts';
import { artifactsDir, expect, test } from './fixtures.ts';

const legendPattern = /^O \d+\.\d {2}H \d+\.\d {2}L \d+\.\d {2}C \d+\.\d {2}V [\d.]+[KMB]?$/;

test('the chart shows volume, an O H L C V legend at the tick, and loads history on zoom-out', async ({
  app,
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.getByTestId('chart-timeframe').getByText('1m', { exact: true }).click();
  const legend = page.getByTestId('chart-legend-ohlcv');
  await expect(legend).toHaveText(legendPattern, { timeout: 20_000 });
  await expect(legend).toHaveAttribute('data-hovered', 'false');
  await expect(page.getByTestId('chart-error')).toHaveCount(0);
  // Two panes: lightweight-charts draws each in its own row of the chart's table.
  await expect(page.getByTestId('chart-canvas').locator('table tr')).toHaveCount(4);

  const canvas = page.getByTestId('chart-canvas');
  const box = await canvas.boundingBox();
  if (box === null) throw new Error('the chart has no box');
  await page.mouse.move(box.x + box.width * 0.4, box.y + box.height * 0.3);
  await expect(legend).toHaveAttribute('data-hovered', 'true');
  await expect(legend).toHaveText(legendPattern);
  await page.mouse.move(box.x + box.width / 2, box.y - 40);
  await expect(legend).toHaveAttribute('data-hovered', 'false');

  // Zoom out until the left edge reaches the first loaded bar: the engine is asked for the bars
  // before it (the venue warmed up 6 h of one-minute bars, all in the first page: nothing older).
  const market = app.testEngine.engine.services.client.market;
  const asked: number[] = [];
  const pageBefore = market.getCandlesBefore.bind(market);
  market.getCandlesBefore = (symbol, timeframe, endMs, limit) => {
    asked.push(endMs);
    return pageBefore(symbol, timeframe, endMs, limit);
  };
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.3);
  for (let i = 0; i < 15 && asked.length === 0; i++) await page.mouse.wheel(0, 400);
  await expect.poll(() => asked.length).toBeGreaterThan(0);
  const [first] = await market.getCandles('XBTUSDTM', '1m', 500);
  expect(asked[0]).toBe(first?.openTimeMs);
  // The empty answer is the start of history: more zooming asks no more.
  for (let i = 0; i < 5; i++) await page.mouse.wheel(0, 400);
  expect(asked).toHaveLength(1);
  await expect(legend).toHaveText(legendPattern);
  expect(errors).toEqual([]);
  await app.screenshot('chart-volume-legend');
});

// Two days of one-minute history at the venue: zooming out pages into it, each page drawn in front
// of the bars already shown, until the venue has nothing older.
const withHistory = base.extend<{ deep: { testEngine: TestEngine } }>({
  deep: async ({ context, page }, use) => {
    const testEngine = await startTestEngine({
      label: 'e2e-chart-history',
      settings: { venue: { historyWarmupMs: 2 * 24 * 60 * 60_000 } },
    });
    const server = await serveBuiltRenderer();
    const bridge = await attachEngine(context, page, testEngine.engine, server.origin);
    await page.goto(`${server.origin}/index.html`);
    await use({ testEngine });
    bridge.detach();
    await testEngine.stop();
    await server.close();
  },
});

withHistory('zooming out loads older pages until the start of history', async ({ deep, page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const market = deep.testEngine.engine.services.client.market;
  const answers: { endMs: number; bars: number; newestMs: number | undefined }[] = [];
  const pageBefore = market.getCandlesBefore.bind(market);
  market.getCandlesBefore = async (symbol, timeframe, endMs, limit) => {
    const bars = await pageBefore(symbol, timeframe, endMs, limit);
    answers.push({ endMs, bars: bars.length, newestMs: bars.at(-1)?.openTimeMs });
    return bars;
  };
  await page.getByTestId('chart-timeframe').getByText('5m', { exact: true }).click();
  await expect(page.getByTestId('chart-legend-ohlcv')).toHaveText(legendPattern, { timeout: 20_000 });
  const box = await page.getByTestId('chart-canvas').boundingBox();
  if (box === null) throw new Error('the chart has no box');
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.3);
  // 2 days of 5-minute bars = 576: the first page (500) and one more, then the empty answer.
  for (let i = 0; i < 30 && answers.at(-1)?.bars !== 0; i++) await page.mouse.wheel(0, 400);
  await expect.poll(() => answers.at(-1)?.bars, { timeout: 20_000 }).toBe(0);
  expect(answers[0]?.bars).toBeGreaterThan(0);
  // Each page ends one bar before where the previous one began.
  expect(answers[0]?.newestMs).toBe((answers[0]?.endMs ?? 0) - 5 * 60_000);
  expect(answers[1]?.endMs).toBe((answers[0]?.endMs ?? 0) - (answers[0]?.bars ?? 0) * 5 * 60_000);
  expect(answers).toHaveLength(2);
  await expect(page.getByTestId('chart-error')).toHaveCount(0);
  expect(errors).toEqual([]);
  await page.screenshot({ path: join(artifactsDir, 'chart-history-start.png'), fullPage: true });
});
