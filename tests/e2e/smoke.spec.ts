// Smoke: the app shell renders, the status bar is fed by main's heartbeat through the real
// engine, and the mode badge says PAPER. Waits on app-emitted events, never on sleeps.
import { expect, test } from './fixtures.ts';

test('the shell shows a live status bar fed by the engine heartbeat', async ({ app, page }) => {
  const heartbeat = (await app.bridge.waitForEvent(
    'app:heartbeat',
    (p) => (p as { seq: number }).seq >= 2,
  )) as { seq: number };
  await expect(page.getByTestId('mode-badge')).toHaveText(/paper/i);
  await expect(page.getByTestId('status-bar')).toBeVisible();
  await expect(page.getByTestId('status-connection')).toHaveText(/live|connected/i);
  await expect
    .poll(async () => Number(await page.getByTestId('status-heartbeat-seq').textContent()))
    .toBeGreaterThanOrEqual(heartbeat.seq);
  await app.screenshot('smoke-shell');
});

test('window.bulwark offers one function per channel and nothing generic', async ({ app, page }) => {
  expect(app.origin).toMatch(/^http:\/\/127\.0\.0\.1:/);
  const shape = await page.evaluate(() => {
    const api = (globalThis as unknown as { bulwark: Record<string, unknown> }).bulwark;
    return {
      domains: Object.keys(api).sort(),
      hasInvoke: 'invoke' in api || 'ipcRenderer' in api || 'send' in api,
      frozen: Object.isFrozen(api),
    };
  });
  expect(shape.hasInvoke).toBe(false);
  expect(shape.frozen).toBe(true);
  expect(shape.domains).toContain('app');
  expect(shape.domains).toContain('on');
  const status = await page.evaluate(() =>
    (
      globalThis as unknown as { bulwark: { app: { getStatus(): Promise<unknown> } } }
    ).bulwark.app.getStatus(),
  );
  expect(status).toMatchObject({ ok: true, value: { mode: 'paper' } });
});
