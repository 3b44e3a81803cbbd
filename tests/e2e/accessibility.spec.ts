// WCAG 2.1 AA on the screens a trader works in, checked by axe-core in Chromium against the real
// engine: the terminal with a protected position in the dock, and the full pages. Colour contrast,
// names of controls, labels of inputs, roles — whatever axe can check from the page.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { fillTicket, onTick, openTerminal } from './ticket.ts';

async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return result.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact ?? 'n/a'}): ${n.target.join(' ')} — ${n.failureSummary ?? ''}`),
  );
}

test('the terminal and the full pages meet WCAG 2.1 AA as axe checks it', async ({ app, page }) => {
  await fillTicket(page, '2', '5', onTick((await openTerminal(app, page)) * 0.97));
  await page.getByTestId('ticket-submit').click();
  await expect(page.getByTestId('protection-badge-XBTUSDTM')).toHaveText(/PROTECTED/, { timeout: 20_000 });
  const found: string[] = [];
  found.push(...(await violations(page)).map((v) => `trade: ${v}`));
  for (const view of ['journal', 'track-record', 'health', 'metrics', 'settings'] as const) {
    await page.getByTestId(`nav-${view}`).click();
    // Checked once the page has its data: no list still says it is asking the engine.
    await expect(page.getByTestId(`view-${view}`)).toBeVisible();
    await expect(page.locator('[data-load="loading"]')).toHaveCount(0, { timeout: 15_000 });
    // The metrics are checked with their tables on screen (the entry above timed an order), not an error.
    if (view === 'metrics')
      await expect(page.getByTestId('metrics-histogram-order_submit_to_ack_ms')).toBeVisible();
    found.push(...(await violations(page)).map((v) => `${view}: ${v}`));
  }
  expect(found).toEqual([]);
});
