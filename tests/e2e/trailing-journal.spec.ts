// A market entry with a trailing stop (activation price above the entry) → the chart's trailing
// line and the positions view's trailing column appear from `trading:trailing-updated` (not from
// a set-trailing answer: the ticket never calls it) → the mark reaches the activation price and
// the trail level moves up → the Journal view shows the entry order with its state history and
// its fills. Waits on app-emitted events and on the page, never on sleeps.
import { expect, test } from './fixtures.ts';

interface TrailingUpdate {
  symbol: string;
  change: string;
  trailing: { stopPrice: string; activated: boolean } | null;
}

const symbol = 'XBTUSDTM';
const tick = (price: number): string => (Math.round(price * 10) / 10).toFixed(1);

test('trailing stop from the ticket reaches chart and positions by event; the journal shows the order and its fills', async ({
  app,
  page,
}) => {
  const { engine } = app.testEngine;
  const venue = engine.services.venue;
  if (venue === undefined) throw new Error('paper mode must run the venue');
  await app.bridge.waitForEvent('app:heartbeat');
  const mark = Number((await engine.services.client.market.getTicker(symbol)).price);
  const stop = tick(mark * 0.97);
  // Far enough above the entry that the venue's drift cannot reach it before the test moves the price.
  const activation = tick(mark * 1.03);

  await page.getByTestId('order-ticket').getByText('Market', { exact: true }).click();
  await page.getByTestId('ticket-symbol').fill(symbol);
  await page.getByTestId('ticket-size').fill('2');
  await page.getByTestId('ticket-leverage').fill('5');
  await page.getByTestId('ticket-stop').fill(stop);
  await page.getByRole('switch', { name: 'Trailing stop' }).check({ force: true });
  await expect(page.getByTestId('ticket-trailing-distance')).toBeEnabled();
  // Percent of the best price (the ticket's default kind).
  await page.getByTestId('ticket-trailing-distance').fill('0.2');
  // On the losing side of the entry the ticket refuses the activation price.
  await page.getByTestId('ticket-trailing-activation').fill(tick(mark * 0.99));
  // Under the field, and as the reason the button stays off.
  await expect(page.getByText(/A long's trailing activates above the entry/)).toHaveCount(2);
  await expect(page.getByTestId('ticket-blocker')).toContainText(
    "A long's trailing activates above the entry",
  );
  await page.getByTestId('ticket-trailing-activation').fill(activation);
  await expect(page.getByTestId('preview-verdict')).toHaveText(/allowed/i, { timeout: 15_000 });
  await app.screenshot('trailing-ticket');

  const set = app.bridge.waitForEvent(
    'trading:trailing-updated',
    (p) => (p as TrailingUpdate).change === 'set',
  );
  const opened = app.bridge.waitForEvent(
    'trading:position-updated',
    (p) => (p as { position: unknown }).position !== null,
  );
  await page.getByTestId('ticket-submit').click();
  await set;
  await opened;
  await expect(page.getByTestId('chart-line-trailing')).toHaveText(
    new RegExp(`Trailing stop ${stop}.*waiting for activation`),
    { timeout: 20_000 },
  );

  await page.getByTestId('dock-tab-positions').click();
  await expect(page.getByTestId('protection-badge-XBTUSDTM')).toHaveText(/PROTECTED/, { timeout: 20_000 });
  await expect(page.getByTestId(`trailing-cell-${symbol}`)).toContainText(`${stop} (`);
  await expect(page.getByTestId(`trailing-cell-${symbol}`)).toContainText(`from ${activation}`);
  await app.screenshot('trailing-positions-waiting');

  // Through the activation price: the engine moves the stop up and says so.
  // Events are coalesced per symbol (latest wins), so wait on the state, not on the change label.
  const moved = app.bridge.waitForEvent('trading:trailing-updated', (p) => {
    const update = p as TrailingUpdate;
    return update.trailing?.activated === true && Number(update.trailing.stopPrice) > Number(stop);
  });
  venue.admin.setPrice(symbol, tick(mark * 1.04));
  const movedTo = ((await moved) as TrailingUpdate).trailing?.stopPrice ?? '';
  expect(Number(movedTo)).toBeGreaterThan(Number(stop));
  await expect(page.getByTestId(`trailing-cell-${symbol}`)).not.toContainText('waiting', { timeout: 20_000 });
  await expect(page.getByTestId(`trailing-cell-${symbol}`)).not.toContainText(`${stop} (`);
  await app.screenshot('trailing-positions-moved');
  await page.getByTestId('nav-trade').click();
  await expect(page.getByTestId('chart-line-trailing')).not.toContainText('waiting', { timeout: 20_000 });
  await app.screenshot('trailing-chart-line');

  await page.getByTestId('nav-journal').click();
  const table = page.getByTestId('journal-table');
  await expect(table.locator('tr[data-kind="fill"]').first()).toBeVisible({ timeout: 20_000 });
  const entryFill = table.locator('tr[data-kind="fill"]').first();
  const clientOid = await entryFill.getAttribute('data-client-oid');
  expect(clientOid).toBeTruthy();
  // The entry order's history: NEW … FILLED, and its fills, all under its clientOid.
  await entryFill.getByRole('button').click();
  await expect(page.getByTestId('journal-order-filter')).toContainText(clientOid ?? '');
  await expect(table.locator('tr[data-kind="order"]').filter({ hasText: /^.*NEW/ })).toHaveCount(1);
  await expect(table.locator('tr[data-kind="order"]').filter({ hasText: 'FILLED' }).first()).toBeVisible();
  await expect(table.locator('tr[data-kind="fill"]').filter({ hasText: 'buy' }).first()).toBeVisible();
  await app.screenshot('journal-order-history');

  // Filter by kind: only trailing entries (set, moved) remain.
  await page.getByTestId('journal-order-filter').waitFor();
  await page.getByRole('button', { name: 'All orders' }).click();
  await page.getByTestId('journal-kind').click();
  await page.getByRole('option', { name: 'trailing' }).click();
  await expect(table.locator('tr[data-kind="trailing"]').filter({ hasText: `moved` }).first()).toBeVisible({
    timeout: 20_000,
  });
  await expect(table.locator('tbody tr:not([data-kind="trailing"])')).toHaveCount(0);
  await app.screenshot('journal-trailing');
});
