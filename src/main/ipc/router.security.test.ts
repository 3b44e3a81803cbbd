// The router is the only door from the untrusted renderer into main. These specs prove that an
// unknown channel, a foreign sender or an invalid payload is refused with a ValidationError,
// logged, and that the service behind it never runs.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createLogger } from '../observability/logger.ts';
import { createIpcRouter } from './router.ts';
import type { ChannelHandlers } from './router.ts';

const appSender = { url: 'app://bulwark/index.html', isMainFrame: true };
const status = {
  mode: 'paper',
  version: '0.1.0',
  startedAt: 1,
  uptimeMs: 5,
  venueUrl: 'http://127.0.0.1:1',
} as const;

function setup(handler = vi.fn(() => status)) {
  const logFile = join(mkdtempSync(join(tmpdir(), 'bulwark-router-')), 'main.log');
  const logger = createLogger({ filePath: logFile, maxSizeBytes: 1024 * 1024 });
  const handlers: ChannelHandlers = { 'app:get-status': handler };
  const router = createIpcRouter({ handlers, trustedOrigins: ['app://bulwark'], logger });
  return { router, handler, log: () => readFileSync(logFile, 'utf8') };
}

describe('IPC router', () => {
  it('serves a valid call from the app main frame', async () => {
    const { router, handler } = setup();
    await expect(router.handle('app:get-status', undefined, appSender)).resolves.toEqual({
      ok: true,
      value: status,
    });
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it.each([
    'app:delete-everything',
    'app:get-status ',
    '__proto__',
    'constructor',
    42,
    null,
    { channel: 'x' },
  ])('refuses the unknown channel %j with a ValidationError and runs nothing', async (channel) => {
    const { router, handler, log } = setup();
    const result = await router.handle(channel, undefined, appSender);
    expect(result).toMatchObject({ ok: false, error: { name: 'ValidationError', code: 'unknown-channel' } });
    expect(handler).not.toHaveBeenCalled();
    await vi.waitFor(() => {
      expect(log()).toContain('"event":"ipc-refused"');
    });
  });

  it.each([
    { url: 'https://evil.example/index.html', isMainFrame: true },
    { url: 'app://bulwark/index.html', isMainFrame: false },
    { url: 'app://bulwark.evil/index.html', isMainFrame: true },
    { url: 'file:///tmp/index.html', isMainFrame: true },
    { url: '', isMainFrame: true },
  ])('refuses a foreign sender %j', async (sender) => {
    const { router, handler, log } = setup();
    const result = await router.handle('app:get-status', undefined, sender);
    expect(result).toMatchObject({ ok: false, error: { name: 'ValidationError', code: 'foreign-sender' } });
    expect(handler).not.toHaveBeenCalled();
    await vi.waitFor(() => {
      expect(log()).toContain('foreign-sender');
    });
  });

  it.each([{}, 'x', 0, [], { symbol: 'XBTUSDTM' }])('refuses the invalid payload %j', async (payload) => {
    const { router, handler } = setup();
    const result = await router.handle('app:get-status', payload, appSender);
    expect(result).toMatchObject({ ok: false, error: { name: 'ValidationError', code: 'invalid-payload' } });
    expect(handler).not.toHaveBeenCalled();
  });

  it('turns a thrown TradingError into its wire form and keeps the class name', async () => {
    const { RiskRejectedError } = await import('../../shared/errors.ts');
    const { router } = setup(
      vi.fn(() => {
        throw new RiskRejectedError('margin-available', 'margin needed 512.40 USDT > available 480.00 USDT', {
          details: { ruleId: 'margin-available', neededUsdt: '512.40', availableUsdt: '480.00' },
        });
      }),
    );
    const result = await router.handle('app:get-status', undefined, appSender);
    expect(result).toEqual({
      ok: false,
      error: {
        name: 'RiskRejectedError',
        code: 'margin-available',
        retryable: false,
        message: 'margin needed 512.40 USDT > available 480.00 USDT',
        details: { ruleId: 'margin-available', neededUsdt: '512.40', availableUsdt: '480.00' },
      },
    });
  });

  it('strips fields the contract does not name from the answer', async () => {
    const { router } = setup(vi.fn(() => ({ ...status, apiSecret: 'leak-me' })));
    const result = await router.handle('app:get-status', undefined, appSender);
    expect(JSON.stringify(result)).not.toContain('leak-me');
  });
});
