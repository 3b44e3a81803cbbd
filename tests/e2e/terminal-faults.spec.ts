// The terminal under faults, with the real engine and the paper venue: KuCoin answering 5xx opens
// the breaker and the banner and the health light say so; the kill switch flattens and the dock
// shows what it did. Faults are injected at the venue, outcomes read at the venue.
import { expect, test } from './fixtures.ts';

test('injected 5xx open the breaker: a banner and the health light say so, and both clear after', async ({
  app,
  page,
}) => {
  const venue = app.testEngine.engine.services.venue;
  if (venue === undefined) throw new Error('paper mode must run the venue');
  await app.bridge.waitForEvent('app:heartbeat');
  await expect(page.getByTestId('health-light')).toHaveAttribute('data-light', 'ok', { timeout: 20_000 });
  venue.admin.addFault({ kind: 'server-error', path: '/api/v1/**', httpStatus: 503 });
  await expect(page.getByTestId('exchange-link-banner')).toContainText('breaker OPEN', { timeout: 60_000 });
  await expect(page.getByTestId('health-light')).toHaveAttribute('data-light', 'bad');
  await app.screenshot('terminal-breaker-open');
  venue.admin.clearFaults();
  await expect(page.getByTestId('exchange-link-banner')).toHaveCount(0, { timeout: 90_000 });
});

test('the kill switch flattens every position and the dock shows what it did', async ({ app, page }) => {
  const { engine } = app.testEngine;
  const trading = engine.services.trading;
  if (trading === undefined) throw new Error('paper mode must run trading');
  await app.bridge.waitForEvent('app:heartbeat');
  const ticker = await engine.services.client.market.getTicker('XBTUSDTM');
  const stop = (Math.round(Number(ticker.price) * 0.96 * 10) / 10).toFixed(1);
  await trading.placeOrder({
    symbol: 'XBTUSDTM',
    side: 'buy',
    type: 'market',
    sizeLots: 2,
    leverage: 5,
    stopPrice: stop,
  });
  await expect(page.getByTestId('dock-count-positions')).toHaveText('1', { timeout: 20_000 });

  await page.getByTestId('kill-switch').click();
  await page.getByTestId('kill-switch-confirm').click();
  const report = page.getByTestId('kill-switch-report');
  await expect(report).toContainText('Closed at market: XBTUSDTM', { timeout: 30_000 });
  await expect(report).toContainText('Trading is HALTED');
  await expect(page.getByTestId('dock-count-positions')).toHaveText('0', { timeout: 20_000 });
  const open = await engine.services.client.rest.listPositions();
  expect(open.filter((p) => p.isOpen && p.currentQty !== 0)).toEqual([]);
  await app.screenshot('terminal-kill-switch-report');
});
