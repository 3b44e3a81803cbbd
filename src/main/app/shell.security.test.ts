// Security regression specs for the Electron shell, with `electron` mocked (the binary cannot run
// here). Each test names the checklist rule it protects; docs/SECURITY.md links back to them.
import { EventEmitter } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../observability/logger.ts';

const electron = vi.hoisted(() => {
  const windows: { options: unknown }[] = [];
  class BrowserWindow {
    options: unknown;
    webContents = { send: () => undefined, isDestroyed: () => false };
    constructor(options: unknown) {
      this.options = options;
      windows.push(this);
    }
    once(): void {
      /* the window never becomes ready in a mock */
    }
    on(): void {
      /* no window events in a mock */
    }
    loadURL(): Promise<void> {
      return Promise.resolve();
    }
    static getAllWindows(): unknown[] {
      return [];
    }
  }
  return {
    windows,
    BrowserWindow,
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    shell: { openExternal: vi.fn(() => Promise.resolve()) },
    Notification: class {
      static isSupported(): boolean {
        return false;
      }
      show(): void {
        /* never shown: isSupported is false */
      }
    },
    ipcMain: { handle: vi.fn(), removeHandler: vi.fn() },
  };
});
vi.mock('electron', () => electron);

const { secureWebPreferences, createMainWindow } = await import('./window.ts');
const { hardenWebContents, denyAllPermissions } = await import('./security.ts');
const { isAllowedExternalUrl, openExternalSafely } = await import('./external-links.ts');
const { registerAppScheme } = await import('./protocol.ts');
const { serveAppRequest } = await import('./serve.ts');
const { CONTENT_SECURITY_POLICY } = await import('./csp.ts');
const { registerIpcHandlers, senderOf } = await import('./ipc-bridge.ts');
const { bulwarkFuses } = await import('./fuses.ts');
const { channelNames } = await import('../../shared/ipc/contract.ts');
const { FuseV1Options } = await import('@electron/fuses');

class FakeContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | undefined;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.openHandler = handler;
  }
}

function fire(contents: FakeContents, name: string, ...args: unknown[]): { prevented: boolean } {
  const event = {
    prevented: false,
    preventDefault() {
      this.prevented = true;
    },
  };
  contents.emit(name, event, ...args);
  return event;
}

beforeEach(() => {
  vi.clearAllMocks();
});

describe('BrowserWindow web preferences', () => {
  it('sandbox, context isolation, no Node, web security on, no <webview>', () => {
    const prefs = secureWebPreferences('/app/preload.cjs');
    expect(prefs).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });
  it('the main window is created with exactly those preferences', () => {
    createMainWindow('/app/preload.cjs');
    const options = electron.windows.at(-1)?.options as { webPreferences: unknown };
    expect(options.webPreferences).toEqual(secureWebPreferences('/app/preload.cjs'));
  });
});

describe('navigation and new windows', () => {
  it('will-navigate and will-redirect are prevented', () => {
    const contents = new FakeContents();
    hardenWebContents(contents as never, silentLogger);
    expect(fire(contents, 'will-navigate', 'https://evil.example/').prevented).toBe(true);
    expect(fire(contents, 'will-redirect', 'https://evil.example/').prevented).toBe(true);
  });
  it('<webview> attachment is blocked', () => {
    const contents = new FakeContents();
    hardenWebContents(contents as never, silentLogger);
    expect(fire(contents, 'will-attach-webview', {}, {}).prevented).toBe(true);
  });
  it('window.open is always denied; only allow-listed https links reach the browser', async () => {
    const contents = new FakeContents();
    hardenWebContents(contents as never, silentLogger);
    expect(contents.openHandler?.({ url: 'https://www.kucoin.com/futures' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'http://www.kucoin.com/' })).toEqual({ action: 'deny' });
    await vi.waitFor(() => {
      expect(electron.shell.openExternal).toHaveBeenCalledTimes(1);
    });
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://www.kucoin.com/futures');
  });
});

describe('shell.openExternal allow-list', () => {
  it.each([
    ['https://www.kucoin.com/futures/trade', true],
    ['http://www.kucoin.com/', false],
    ['https://kucoin.com.evil.example/', false],
    ['https://user:pw@www.kucoin.com/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
  ])('%s → %s', async (url, allowed) => {
    expect(isAllowedExternalUrl(url)).toBe(allowed);
    expect(await openExternalSafely(url)).toBe(allowed);
  });
});

describe('permissions', () => {
  it('every permission request and check is denied', () => {
    let requestHandler: ((c: unknown, p: string, cb: (granted: boolean) => void) => void) | undefined;
    let checkHandler: (() => boolean) | undefined;
    const session = {
      setPermissionRequestHandler: (h: typeof requestHandler) => {
        requestHandler = h;
      },
      setPermissionCheckHandler: (h: typeof checkHandler) => {
        checkHandler = h;
      },
    };
    denyAllPermissions(session as never, silentLogger);
    const granted = vi.fn();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      requestHandler?.({}, permission, granted);
    }
    expect(granted.mock.calls.every(([value]) => value === false)).toBe(true);
    expect(granted).toHaveBeenCalledTimes(5);
    expect(checkHandler?.()).toBe(false);
  });
});

describe('app:// protocol and CSP', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bulwark-renderer-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Bulwark</title>');

  it('registers app:// as a privileged, secure, standard scheme', () => {
    registerAppScheme();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });
  it('serves the built renderer with the CSP as a response header', async () => {
    const response = await serveAppRequest(new Request('app://bulwark/index.html'), dir);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });
  it('the CSP keeps the renderer off the network and off inline scripts', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/);
  });
  it('refuses paths outside the renderer folder, other hosts and non-GET requests', async () => {
    expect((await serveAppRequest(new Request('app://bulwark/%2e%2e/%2e%2e/etc/passwd'), dir)).status).toBe(
      404,
    );
    expect((await serveAppRequest(new Request('app://other/index.html'), dir)).status).toBe(404);
    expect((await serveAppRequest(new Request('app://bulwark/missing.js'), dir)).status).toBe(404);
    expect(
      (await serveAppRequest(new Request('app://bulwark/index.html', { method: 'POST' }), dir)).status,
    ).toBe(405);
  });
});

describe('IPC bridge', () => {
  it('registers exactly one handler per contract channel', () => {
    registerIpcHandlers(electron.ipcMain as never, { handle: () => Promise.resolve({ ok: true, value: 1 }) });
    const registered = electron.ipcMain.handle.mock.calls.map(([channel]) => channel as string);
    expect(registered.sort()).toEqual([...channelNames].sort());
  });
  it('reduces the sender to its frame URL and whether it is the main frame', () => {
    expect(senderOf({ senderFrame: { url: 'app://bulwark/index.html', parent: null } } as never)).toEqual({
      url: 'app://bulwark/index.html',
      isMainFrame: true,
    });
    expect(senderOf({ senderFrame: { url: 'app://bulwark/x', parent: {} } } as never).isMainFrame).toBe(
      false,
    );
    expect(senderOf({ senderFrame: null } as never).isMainFrame).toBe(false);
  });
});

describe('Electron fuses', () => {
  it('RunAsNode, NODE_OPTIONS and inspect are off; ASAR-only and integrity are on', () => {
    expect(bulwarkFuses[FuseV1Options.RunAsNode]).toBe(false);
    expect(bulwarkFuses[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(bulwarkFuses[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect(bulwarkFuses[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    expect(bulwarkFuses[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(bulwarkFuses[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false);
    expect(bulwarkFuses.strictlyRequireAllFuses).toBe(true);
  });
});
