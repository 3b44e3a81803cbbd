// Settings → Risk limits against the real engine: an out-of-range leverage cap is refused with
// the field's message from main (nothing saved: the file and the limit in force are unchanged);
// a valid cap is saved, and the next ticket's risk preview is denied by it — no restart.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures.ts';

const symbol = 'XBTUSDTM';
const leverageInput = 'setting-trading-risk-userMaxLeverage';

test('Settings refuses an out-of-range risk limit with its message and saves a valid one the next preview obeys', async ({
  app,
  page,
}) => {
  const { engine } = app.testEngine;
  const settingsFile = (): string => readFileSync(join(app.testEngine.userData, 'settings.json'), 'utf8');
  await app.bridge.waitForEvent('app:heartbeat');

  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-tab-risk').click();
  const field = page.getByTestId(leverageInput);
  await expect(field).toHaveValue('20');
  const before = settingsFile();

  await field.fill('500');
  await page.getByTestId('settings-save-risk').click();
  const form = page.getByTestId('settings-form-risk');
  await expect(form).toContainText('"trading.risk.userMaxLeverage" = 500 is not allowed');
  await expect(form).toContainText('Allowed: a whole number from 1 to 125');
  await expect(page.getByTestId('settings-refused-risk')).toContainText('Nothing was saved');
  expect(settingsFile()).toBe(before);
  expect(engine.config.current().trading.risk.userMaxLeverage).toBe(20);
  await app.screenshot('settings-risk-refused');

  await field.fill('3');
  await page.getByTestId('settings-save-risk').click();
  await expect(page.getByTestId('settings-saved-risk')).toContainText('In force now');
  expect(JSON.parse(settingsFile())).toMatchObject({ trading: { risk: { userMaxLeverage: 3 } } });
  const journaled = engine.services.journal
    .queryEvents({ kind: 'setting-change', limit: 10 })
    .map((event) => event.data);
  expect(journaled).toEqual([
    { path: 'trading.risk.userMaxLeverage', oldValue: 20, newValue: 3, applies: 'now' },
  ]);

  const ticker = await engine.services.client.market.getTicker(symbol);
  const stop = (Math.round(Number(ticker.price) * 0.97 * 10) / 10).toFixed(1);
  await page.getByTestId('nav-trade').click();
  await page.getByTestId('order-ticket').getByText('Market', { exact: true }).click();
  await page.getByTestId('ticket-symbol').fill(symbol);
  await page.getByTestId('ticket-size').fill('1');
  await page.getByTestId('ticket-leverage').fill('5');
  await page.getByTestId('ticket-stop').fill(stop);
  // The ticket already knows the new cap: 5× is refused in the field, nothing can be sent…
  const ticket = page.getByTestId('order-ticket');
  await expect(ticket).toContainText('Leverage (max 3×)', { timeout: 15_000 });
  await expect(ticket).toContainText('Leverage is a whole number from 1 to 3.');
  await expect(page.getByTestId('ticket-submit')).toBeDisabled();
  // …and main's risk preview of the same ticket, the one the engine enforces, denies it too.
  const trading = engine.services.trading;
  if (trading === undefined) throw new Error('paper mode must run the trading engine');
  const preview = await trading.previewOrder({
    symbol,
    side: 'buy',
    type: 'market',
    sizeLots: 1,
    leverage: 5,
    stopPrice: stop,
  });
  expect(preview.verdict).toBe('deny');
  expect(preview.denial?.message).toContain('your cap 3×');
  // At the cap the ticket's preview allows it.
  await page.getByTestId('ticket-leverage').fill('3');
  await expect(page.getByTestId('preview-verdict')).toHaveText(/allowed/i, { timeout: 15_000 });

  await page.setViewportSize({ width: 1280, height: 800 });
  await app.screenshot('settings-risk-preview-obeys-1280x800');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await app.screenshot('settings-risk-preview-obeys-1920x1080');
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-tab-risk').click();
  await expect(page.getByTestId(leverageInput)).toHaveValue('3');
  await page.setViewportSize({ width: 1280, height: 800 });
  await app.screenshot('settings-risk-saved-1280x800');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await app.screenshot('settings-risk-saved-1920x1080');
});

test('Settings → Alerts: the test button delivers through the engine, and a channel setting saved is journaled', async ({
  app,
  page,
}) => {
  const { engine } = app.testEngine;
  await app.bridge.waitForEvent('app:heartbeat');
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-tab-alerts').click();
  await page.getByTestId('alert-test-desktop').click();
  await expect(page.getByTestId('alert-test-result-desktop')).toHaveAttribute('data-delivered', 'true');
  expect(app.testEngine.notifications.length).toBeGreaterThan(0);

  await page.getByTestId('alert-telegram-chatId').fill('123456789');
  await page.getByTestId('alert-save-telegram').click();
  await expect(page.getByTestId('alert-notice-telegram')).toContainText('Saved');
  const journaled = engine.services.journal
    .queryEvents({ kind: 'setting-change', limit: 10 })
    .map((event) => event.data);
  expect(journaled).toContainEqual({
    path: 'alerts.channels.telegram.chatId',
    oldValue: '',
    newValue: '123456789',
    applies: 'now',
  });

  await page.setViewportSize({ width: 1280, height: 800 });
  await app.screenshot('settings-alerts-1280x800');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await app.screenshot('settings-alerts-1920x1080');
});
