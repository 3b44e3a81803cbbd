// The composition root takes the single-instance lock before anything else: a second launch
// must never start a second engine against the same journal and keychain entries.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  lock: true,
  app: {
    requestSingleInstanceLock: vi.fn(() => electron.lock),
    quit: vi.fn(),
    exit: vi.fn(),
    on: vi.fn(),
    whenReady: vi.fn(() => new Promise<void>(() => undefined)), // never ready: boot stays parked
    isPackaged: true,
  },
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
  BrowserWindow: { getAllWindows: () => [] },
  ipcMain: { handle: vi.fn() },
  session: {},
  shell: {},
  Notification: { isSupported: () => false },
}));
vi.mock('electron', () => electron);

beforeEach(() => {
  vi.resetModules();
  vi.clearAllMocks();
});

describe('single-instance lock', () => {
  it('a second instance quits at once and registers nothing', async () => {
    electron.lock = false;
    await import('../index.ts');
    expect(electron.app.quit).toHaveBeenCalledTimes(1);
    expect(electron.protocol.registerSchemesAsPrivileged).not.toHaveBeenCalled();
    expect(electron.app.whenReady).not.toHaveBeenCalled();
  });
  it('the first instance registers app:// before ready and focuses itself on a second launch', async () => {
    electron.lock = true;
    await import('../index.ts');
    expect(electron.app.quit).not.toHaveBeenCalled();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    const events = electron.app.on.mock.calls.map(([name]) => name as string);
    expect(events).toContain('second-instance');
    expect(electron.app.whenReady).toHaveBeenCalledTimes(1);
  });
});
