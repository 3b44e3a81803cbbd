// The trader's main flow, end to end against the real engine and its paper venue: a market entry
// with its mandatory stop → the risk preview allows it → the position shows PROTECTED by an
// exchange-side stop → the mark price falls through the stop → the stop fires and the position is
// gone. Waits on app-emitted events and on the page, never on sleeps.
import { expect, test } from './fixtures.ts';

interface PositionUpdate {
  symbol: string;
  position: { sizeLots?: unknown } | null;
}

test('market entry with a stop is protected on the exchange, and the stop closes it', async ({
  app,
  page,
}) => {
  const { engine } = app.testEngine;
  const venue = engine.services.venue;
  if (venue === undefined) throw new Error('paper mode must run the venue');
  await app.bridge.waitForEvent('app:heartbeat');
  const ticker = await engine.services.client.market.getTicker('XBTUSDTM');
  const stop = (Math.round(Number(ticker.price) * 0.97 * 10) / 10).toFixed(1);

  await page.getByTestId('order-ticket').getByText('Market', { exact: true }).click();
  await page.getByTestId('ticket-symbol').fill('XBTUSDTM');
  await page.getByTestId('ticket-size').fill('2');
  await page.getByTestId('ticket-leverage').fill('5');
  await page.getByTestId('ticket-stop').fill(stop);
  await expect(page.getByTestId('preview-verdict')).toHaveText(/allowed/i, { timeout: 15_000 });
  await app.screenshot('trade-ticket-preview');

  const opened = app.bridge.waitForEvent(
    'trading:position-updated',
    (p) => (p as PositionUpdate).position !== null,
  );
  await page.getByTestId('ticket-submit').click();
  await opened;
  await page.getByTestId('dock-tab-positions').click();
  await expect(page.getByTestId('protection-badge-XBTUSDTM')).toHaveText(/PROTECTED/, { timeout: 20_000 });
  await app.screenshot('trade-position-protected');

  // The exchange-side stop, not Bulwark, must close the position: drive the mark through it.
  const closed = app.bridge.waitForEvent(
    'trading:position-updated',
    (p) => (p as PositionUpdate).position === null,
  );
  venue.admin.jumpPrice('XBTUSDTM', -6);
  await closed;
  await expect(page.getByTestId('position-row-XBTUSDTM')).toHaveCount(0, { timeout: 20_000 });
  const fills = await engine.services.client.rest.listFills({ symbol: 'XBTUSDTM' });
  expect(fills.items.filter((fill) => fill.side === 'sell').length).toBeGreaterThan(0);
  await app.screenshot('trade-stopped-out');
});
