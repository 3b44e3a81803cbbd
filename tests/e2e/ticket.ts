// What the terminal flows do first: wait for the engine, take a laptop-sized window, and type an
// entry into the order ticket as a trader does.
import type { Page } from '@playwright/test';
import type { TestEngine } from '../harness/engine.ts';
import type { BridgeHandle } from '../harness/bridge-in-page.ts';
import { expect, screenSizes } from './fixtures.ts';

/** A price on XBTUSDTM's 0.1 tick. */
export const onTick = (price: number): string => (Math.round(price * 10) / 10).toFixed(1);

/** Waits for the engine's heartbeat, sets the window to 1280×800 and returns XBTUSDTM's last price. */
export async function openTerminal(
  app: { readonly testEngine: TestEngine; readonly bridge: BridgeHandle },
  page: Page,
): Promise<number> {
  await app.bridge.waitForEvent('app:heartbeat');
  await page.setViewportSize(screenSizes[0]);
  return Number((await app.testEngine.engine.services.client.market.getTicker('XBTUSDTM')).price);
}

/** Types a market entry on XBTUSDTM (a buy unless the caller picks the side) with its stop. */
export async function typeTicket(page: Page, size: string, leverage: string, stop: string): Promise<void> {
  await page.getByTestId('order-ticket').getByText('Market', { exact: true }).click();
  await page.getByTestId('ticket-symbol').fill('XBTUSDTM');
  await page.getByTestId('ticket-size').fill(size);
  await page.getByTestId('ticket-leverage').fill(leverage);
  await page.getByTestId('ticket-stop').fill(stop);
}

/** Types the entry and waits for the risk preview of it to say ALLOWED. */
export async function fillTicket(page: Page, size: string, leverage: string, stop: string): Promise<void> {
  await typeTicket(page, size, leverage, stop);
  await expect(page.getByTestId('preview-verdict')).toHaveText(/allowed/i, { timeout: 15_000 });
}
