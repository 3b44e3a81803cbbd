// Track record: a long entered with a stop and closed through the real engine on the paper venue →
// the Track record view shows the trade with its stop and R, the readiness verdict says what is
// missing, the equity curve is drawn, and "Export CSV" has main write the file and say where.
// Waits on app-emitted events and on the page, never on sleeps.
import { existsSync } from 'node:fs';
import { expect, test } from './fixtures.ts';

const symbol = 'XBTUSDTM';

test('a closed paper trade appears in the Track record view, with the verdict, the curve and the CSV', async ({
  app,
  page,
}) => {
  const { engine } = app.testEngine;
  const venue = engine.services.venue;
  if (venue === undefined) throw new Error('paper mode must run the venue');
  await app.bridge.waitForEvent('app:heartbeat');
  const router = engine.createRouter([app.origin]);
  const sender = { url: `${app.origin}/index.html`, isMainFrame: true };
  await expect
    .poll(
      async () => {
        const state = await router.handle('trading:get-state', undefined, sender);
        return (
          state.ok &&
          (state.value as { reconciled: boolean; state: string }).reconciled &&
          (state.value as { state: string }).state === 'ACTIVE'
        );
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  venue.admin.setPrice(symbol, '90000');
  const opened = app.bridge.waitForEvent(
    'trading:position-updated',
    (p) => (p as { position: unknown }).position !== null,
  );
  const placed = await router.handle(
    'trading:place-order',
    { symbol, side: 'buy', type: 'market', sizeLots: 5, leverage: 5, stopPrice: '89000' },
    sender,
  );
  expect(placed.ok).toBe(true);
  await opened;
  venue.admin.setPrice(symbol, '90500');
  const flat = app.bridge.waitForEvent(
    'trading:position-updated',
    (p) => (p as { position: unknown }).position === null,
  );
  expect((await router.handle('trading:close-position', { symbol }, sender)).ok).toBe(true);
  await flat;

  await page.getByTestId('nav-track-record').click();
  await expect(page.getByTestId('track-record')).toHaveAttribute('data-mode', 'paper', { timeout: 20_000 });
  const row = page.getByTestId('track-trade-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(symbol);
  await expect(row).toContainText('89000');
  await expect(row).toContainText(/\dR$|\dR/);
  await expect(page.getByTestId('readiness-sentence')).toHaveText(/^Not yet: 1 of 7 days, 1 of 20 trades/);
  await expect(page.getByTestId('fig-trades')).toHaveText('1');
  await expect(page.getByTestId('equity-curve').locator('canvas').first()).toBeVisible();
  await app.screenshot('track-record-paper');

  await page.getByTestId('track-export-csv').click();
  await expect(page.getByTestId('track-export-result')).toHaveText(
    /^Saved 1 trades to .*track-record-paper-.*\.csv$/,
  );
  const path = ((await page.getByTestId('track-export-result').textContent()) ?? '').replace(
    /^Saved 1 trades to /,
    '',
  );
  expect(existsSync(path)).toBe(true);

  await page.getByTestId('track-mode').getByText('Live', { exact: true }).click();
  await expect(page.getByTestId('track-record')).toHaveAttribute('data-mode', 'live');
  await expect(page.getByTestId('empty-state')).toContainText('No closed live trades yet');
  await app.screenshot('track-record-live-empty');
});
