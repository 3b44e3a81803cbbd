// The one-screen terminal: at 1280×800 the chart, the ticket, the positions and the open orders are
// all in view without a page scroll or a page switch, and the same at 1920×1080. An entry with its
// stop shows up in the dock as PROTECTED while the chart stays in view, and the stop is counted
// under Stop orders. Each flow ends in a screenshot at both sizes.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { fillTicket, onTick, openTerminal } from './ticket.ts';

/** Every part a trader needs at once is inside the window, and the page itself does not scroll. */
async function expectOneScreen(page: Page, height: number): Promise<void> {
  for (const id of [
    'market-strip',
    'chart-panel',
    'ticket-column',
    'bottom-dock',
    'dock-tab-positions',
    'dock-tab-open-orders',
  ]) {
    const box = await page.getByTestId(id).first().boundingBox();
    expect(box, `${id} is rendered`).not.toBeNull();
    if (box === null) continue;
    expect(box.y, `${id} starts inside the window`).toBeGreaterThanOrEqual(0);
    expect(box.y + Math.min(box.height, 24), `${id} is in view`).toBeLessThanOrEqual(height);
  }
  const scroll = await page.evaluate(() => {
    const view = globalThis as unknown as {
      innerHeight: number;
      document: { documentElement: { scrollHeight: number } };
    };
    return view.document.documentElement.scrollHeight - view.innerHeight;
  });
  expect(scroll, 'the terminal fills the window without a page scroll').toBeLessThanOrEqual(0);
}

async function shootBoth(
  page: Page,
  app: {
    readonly screenshotAtBothSizes: (name: string, check: (height: number) => Promise<void>) => Promise<void>;
  },
  name: string,
): Promise<void> {
  await app.screenshotAtBothSizes(name, (height) => expectOneScreen(page, height));
}

test('chart, book of orders, ticket and positions are on one screen at 1280×800 and 1920×1080', async ({
  app,
  page,
}) => {
  await app.bridge.waitForEvent('app:heartbeat');
  await expect(page.getByTestId('strip-last')).not.toHaveText('unknown', { timeout: 20_000 });
  await expect(page.getByTestId('strip-funding-rate')).toHaveText(/%/, { timeout: 20_000 });
  await shootBoth(page, app, 'terminal-open');
});

test('an entry with its stop appears PROTECTED in the dock beside the chart', async ({ app, page }) => {
  await fillTicket(page, '2', '5', onTick((await openTerminal(app, page)) * 0.97));
  await page.getByTestId('ticket-submit').click();
  await expect(page.getByTestId('protection-badge-XBTUSDTM')).toHaveText(/PROTECTED/, { timeout: 20_000 });
  await expect(page.getByTestId('dock-count-positions')).toHaveText('1');
  await expect(page.getByTestId('dock-count-stop-orders')).not.toHaveText('0', { timeout: 20_000 });
  await expect(page.getByTestId('chart-panel')).toBeInViewport();
  // The protection badge is the column that must show on a laptop's dock, not be cut off on its right.
  const badge = await page.getByTestId('protection-badge-XBTUSDTM').boundingBox();
  const dock = await page.getByTestId('bottom-dock').boundingBox();
  expect(badge !== null && dock !== null && badge.x + badge.width <= dock.x + dock.width).toBe(true);
  await page.getByTestId('dock-tab-fills').click();
  await expect(page.locator('[data-testid^="fill-row-"]').first()).toBeVisible({ timeout: 20_000 });
  await page.getByTestId('dock-tab-positions').click();
  await shootBoth(page, app, 'terminal-protected');
});
