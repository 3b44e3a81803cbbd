// Trading from the chart and the keyboard, with the real engine and its paper venue behind the
// page: dragging the stop line moves the exchange's stop to the dropped price (read back at the
// venue); dragging a resting limit entry's line moves the order at the venue; a hotkey sells with the ticket's stop; a price jump toward liquidation shows the warning
// and makes a desktop-notification call, whose click brings the position back into view. Each
// flow ends in a screenshot at 1280×800 and 1920×1080.
import type { Page } from '@playwright/test';
import type { TestEngine } from '../harness/engine.ts';
import { expect, screenSizes, test } from './fixtures.ts';
import { fillTicket, onTick, openTerminal, typeTicket } from './ticket.ts';

const symbol = 'XBTUSDTM';

/** The venue's own stop orders for the symbol, as KuCoin's GET /api/v1/stopOrders lists them. */
async function venueStopPrices(engine: TestEngine['engine']): Promise<string[]> {
  const page = await engine.services.client.rest.listStopOrders({ symbol });
  return page.items.map((order) => order.stopPrice ?? '');
}

/** The pixel row the chart draws the stop line at, which the chart publishes on hover. */
async function stopLineRow(page: Page): Promise<{ x: number; y: number }> {
  const canvas = page.getByTestId('chart-canvas');
  const box = await canvas.boundingBox();
  if (box === null) throw new Error('the chart is not on screen');
  const x = box.x + box.width / 2;
  await expect
    .poll(
      async () => {
        await page.mouse.move(x, box.y + box.height / 2);
        await page.mouse.move(x, box.y + box.height / 2 + 1);
        return canvas.getAttribute('data-stop-y');
      },
      { timeout: 15_000, message: 'the chart draws the position stop line' },
    )
    .toMatch(/^\d+$/);
  return { x, y: box.y + Number(await canvas.getAttribute('data-stop-y')) };
}

test('dragging the stop line on the chart moves the exchange stop to the dropped price', async ({
  app,
  page,
}) => {
  const { engine } = app.testEngine;
  const stop = onTick((await openTerminal(app, page)) * 0.97);
  await fillTicket(page, '2', '5', stop);
  await page.getByTestId('ticket-submit').click();
  await expect(page.getByTestId(`protection-badge-${symbol}`)).toHaveText(/PROTECTED/, { timeout: 20_000 });
  await expect.poll(() => venueStopPrices(engine), { timeout: 20_000 }).toContain(stop);

  const line = await stopLineRow(page);
  await page.mouse.move(line.x, line.y);
  await page.mouse.down();
  // Down, away from the mark: a wider stop on a long, still in front of liquidation.
  await page.mouse.move(line.x, line.y + 40, { steps: 8 });
  const label = page.getByTestId('stop-drag-label');
  await expect(label).toBeVisible();
  await expect(label).toHaveAttribute('data-refused', 'false');
  await expect(label).toContainText('loss');
  await expect(label).toContainText('% to liquidation');
  const dropped = (await label.getAttribute('data-price')) ?? '';
  expect(Number(dropped)).toBeLessThan(Number(stop));
  await page.mouse.up();

  await expect(page.getByTestId('stop-drop-outcome')).toHaveAttribute('data-kind', 'moved', {
    timeout: 20_000,
  });
  await expect(page.getByTestId('stop-drop-outcome')).toContainText(`Stop moved to ${dropped}`);
  await expect.poll(() => venueStopPrices(engine), { timeout: 20_000 }).toEqual([dropped]);
  await expect(page.getByTestId(`protection-badge-${symbol}`)).toHaveText(/PROTECTED/);
  // The dock and the chart's legend follow once the engine reads the new stop back.
  await expect(page.getByTestId(`position-row-${symbol}`)).toContainText(dropped, { timeout: 20_000 });
  await expect(page.getByTestId('chart-line-stop')).toHaveText(`Stop ${dropped}`);
  await app.screenshotAtBothSizes('chart-trading-stop-dragged');
});

/** The venue's working regular orders for the symbol, as KuCoin's GET /api/v1/orders?status=active lists them. */
async function venueOpenOrders(
  engine: TestEngine['engine'],
): Promise<{ clientOid: string; price: number; size: number }[]> {
  const page = await engine.services.client.rest.listOpenOrders({ symbol });
  return page.items.map((o) => ({ clientOid: o.clientOid ?? '', price: Number(o.price), size: o.size }));
}

/** The pixel row the chart draws the first open order's line at, which the chart publishes on hover. */
async function orderLineRow(page: Page): Promise<{ x: number; y: number }> {
  const canvas = page.getByTestId('chart-canvas');
  const box = await canvas.boundingBox();
  if (box === null) throw new Error('the chart is not on screen');
  const x = box.x + box.width / 2;
  await expect
    .poll(
      async () => {
        await page.mouse.move(x, box.y + 5);
        await page.mouse.move(x, box.y + 6);
        return canvas.getAttribute('data-order-y');
      },
      { timeout: 15_000, message: 'the chart draws the open order line' },
    )
    .toMatch(/^\d+$/);
  return { x, y: box.y + Number(await canvas.getAttribute('data-order-y')) };
}

test('dragging a resting limit entry on the chart moves the order at the venue to the dropped price', async ({
  app,
  page,
}) => {
  const { engine } = app.testEngine;
  const last = await openTerminal(app, page);
  const price = onTick(last * 0.97);
  await page.getByTestId('order-ticket').getByText('Limit', { exact: true }).click();
  await page.getByTestId('ticket-symbol').fill(symbol);
  await page.getByTestId('ticket-size').fill('1');
  await page.getByTestId('ticket-leverage').fill('5');
  await page.getByTestId('ticket-price').fill(price);
  await page.getByTestId('ticket-stop').fill(onTick(last * 0.93));
  await expect(page.getByTestId('preview-verdict')).toHaveText(/allowed/i, { timeout: 15_000 });
  await page.getByTestId('ticket-submit').click();
  await expect
    .poll(async () => (await venueOpenOrders(engine)).map((o) => o.price), { timeout: 20_000 })
    .toEqual([Number(price)]);
  const [old] = await venueOpenOrders(engine);

  const line = await orderLineRow(page);
  await page.mouse.move(line.x, line.y);
  await page.mouse.down();
  // Up, toward the market: still below it, still above the entry's stop.
  await page.mouse.move(line.x, line.y - 30, { steps: 6 });
  const label = page.getByTestId('order-drag-label');
  await expect(label).toBeVisible();
  await expect(label).toHaveAttribute('data-refused', 'false');
  await expect(label).toContainText('Buy 1');
  await expect(label).toContainText('unchanged');
  const dropped = (await label.getAttribute('data-price')) ?? '';
  expect(Number(dropped)).toBeGreaterThan(Number(price));
  await page.mouse.up();

  await expect(page.getByTestId('order-drop-outcome')).toHaveAttribute('data-kind', 'amended', {
    timeout: 20_000,
  });
  await expect(page.getByTestId('order-drop-outcome')).toContainText(dropped);
  await expect
    .poll(() => venueOpenOrders(engine), { timeout: 20_000 })
    .toEqual([expect.objectContaining({ price: Number(dropped), size: 1 })]);
  expect((await venueOpenOrders(engine))[0]?.clientOid).not.toBe(old?.clientOid);
  // The dock lists the new order; the pointer leaves the chart so the shot shows the line, not the crosshair.
  await expect(page.getByTestId('dock-count-open-orders')).toHaveText('1', { timeout: 20_000 });
  await page.mouse.move(1, 1);
  await app.screenshotAtBothSizes('chart-trading-order-amended');
});

test('the S hotkey sells with the ticket as it stands, its stop placed at the exchange', async ({
  app,
  page,
}) => {
  const { engine } = app.testEngine;
  const stop = onTick((await openTerminal(app, page)) * 1.03);
  // Typed as for a short; the ticket's side is still Buy until S is pressed.
  await typeTicket(page, '3', '5', stop);
  // Typing in a field never fires a shortcut: the key goes to the page once the field is left.
  await page.getByTestId('ticket-stop').blur();
  await page.keyboard.press('s');

  await expect(page.getByTestId(`protection-badge-${symbol}`)).toHaveText(/PROTECTED/, { timeout: 20_000 });
  await expect(page.getByTestId(`position-row-${symbol}`)).toContainText('SHORT');
  await expect.poll(() => venueStopPrices(engine), { timeout: 20_000 }).toEqual([stop]);
  const positions = await engine.services.client.rest.listPositions();
  expect(positions.find((p) => p.symbol === symbol)?.currentQty).toBe(-3);
  await app.screenshotAtBothSizes('hotkey-sell');
});

test('a price jump toward liquidation shows the warning and calls a desktop notification', async ({
  app,
  page,
}) => {
  const { engine } = app.testEngine;
  const venue = engine.services.venue;
  if (venue === undefined) throw new Error('paper mode must run the venue');
  await openTerminal(app, page);
  venue.admin.setPrice(symbol, '90000');
  await expect
    .poll(async () => Number((await engine.services.client.market.getTicker(symbol)).price), {
      timeout: 10_000,
    })
    .toBeGreaterThan(85_000);
  // 5× long near 90 000: liquidation about 19.6 % below (near 72 300); a stop at 74 500 stays in
  // front of it by more than the rule's 10 % of the entry-to-liquidation distance (74 070).
  await fillTicket(page, '2', '5', '74500.0');
  await page.getByTestId('ticket-submit').click();
  await expect(page.getByTestId(`protection-badge-${symbol}`)).toHaveText(/PROTECTED/, { timeout: 20_000 });
  await expect(page.getByTestId(`liq-distance-${symbol}`)).toHaveAttribute('data-level', 'ok', {
    timeout: 20_000,
  });
  const position = (await engine.services.client.rest.listPositions()).find((p) => p.symbol === symbol);
  const liquidation = Number(position?.liquidationPrice);
  expect(liquidation).toBeGreaterThan(0);
  const notifiedBefore = app.testEngine.notifications.length;

  // 8 % above liquidation: inside the warning distance (10 %), still about 5 % above the stop.
  venue.admin.setPrice(symbol, onTick(liquidation / 0.92));
  await expect(page.getByTestId(`liq-distance-${symbol}`)).toHaveAttribute('data-level', 'warning', {
    timeout: 20_000,
  });
  await expect(page.getByTestId(`liq-distance-${symbol}`)).toContainText(/warning/i);
  const notified = (): number =>
    app.testEngine.notifications.findIndex(
      (n, index) => index >= notifiedBefore && /liquidation/i.test(`${n.title} ${n.body}`),
    );
  await expect.poll(notified, { timeout: 20_000 }).toBeGreaterThanOrEqual(0);
  await page.getByTestId('dock-tab-alerts').click();
  await expect(page.getByTestId(`alert-liquidation-${symbol}`)).toBeVisible({ timeout: 20_000 });
  await app.screenshotAtBothSizes('liquidation-warning');

  // Away from the terminal, a click on the notification brings the position back into view.
  await page.setViewportSize(screenSizes[0]);
  await page.getByTestId('nav-journal').click();
  await expect(page.getByTestId(`position-row-${symbol}`)).not.toBeInViewport();
  app.testEngine.clickNotification(notified());
  await expect(page.getByTestId(`position-row-${symbol}`)).toBeInViewport({ timeout: 10_000 });
  await expect(page.getByTestId('dock-tab-positions')).toHaveAttribute('aria-selected', 'true');
});
