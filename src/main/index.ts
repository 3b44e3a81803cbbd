// Electron composition root: the only file (with src/main/app/**) that touches Electron.
// It builds the platform adapters, starts the engine and opens one hardened window.
import { join } from 'node:path';
import { app, BrowserWindow, ipcMain, session } from 'electron';
import { startEngine } from './engine.ts';
import type { Engine } from './engine.ts';
import { APP_ENTRY_URL, APP_ORIGIN } from './app/csp.ts';
import { forwardEvents, registerIpcHandlers } from './app/ipc-bridge.ts';
import { attachDesktop, followStartAtLogin, installApplicationMenu } from './app/desktop.ts';
import { createDesktopNotifier } from './app/notifier.ts';
import { registerAppScheme, serveRenderer } from './app/protocol.ts';
import { denyAllPermissions, installSecurityHooks } from './app/security.ts';
import { createMainWindow } from './app/window.ts';
import { systemClock } from './time/clock.ts';
import { desktopEngine } from './wiring/desktop-engine.ts';

let engine: Engine | undefined;
/** The window a desktop notification's click brings forward. */
let mainWindow: BrowserWindow | undefined;

function devServerUrl(): string | undefined {
  // electron-vite sets this only for `npm run dev`; a packaged app never trusts it.
  const url = process.env.ELECTRON_RENDERER_URL;
  return !app.isPackaged && url !== undefined && url !== '' ? url : undefined;
}

async function openWindow(running: Engine): Promise<void> {
  const window = createMainWindow(join(import.meta.dirname, '../preload/index.cjs'));
  mainWindow = window;
  const stopForwarding = forwardEvents(running.events, window.webContents);
  // With open positions a close hides the window to the tray and the engine keeps protecting.
  const detachDesktop = attachDesktop(window, {
    engine: desktopEngine(running.services),
    trayIconPath: join(app.getAppPath(), 'resources/icons/32x32.png'),
    showWindow: () => {
      if (window.isDestroyed()) void openWindow(running);
      else {
        window.show();
        window.focus();
      }
    },
    log: (event, details) => {
      running.logger.info(event, details ?? {});
    },
  });
  window.on('closed', () => {
    detachDesktop();
    stopForwarding();
    if (mainWindow === window) mainWindow = undefined;
  });
  const dev = devServerUrl();
  await window.loadURL(dev ?? APP_ENTRY_URL);
}

async function boot(): Promise<void> {
  await app.whenReady();
  serveRenderer(join(import.meta.dirname, '../renderer'));
  const running = await startEngine({
    platform: {
      paths: { userData: app.getPath('userData'), logs: app.getPath('logs') },
      notifier: createDesktopNotifier(() => mainWindow),
      clock: systemClock,
    },
    mode: process.env.BULWARK_MODE === 'live' ? 'live' : 'paper',
    version: app.getVersion(),
  });
  engine = running;
  installSecurityHooks(app, running.logger);
  denyAllPermissions(session.defaultSession, running.logger);
  const dev = devServerUrl();
  const origins = dev === undefined ? [APP_ORIGIN] : [APP_ORIGIN, new URL(dev).origin];
  registerIpcHandlers(ipcMain, running.createRouter(origins));
  installApplicationMenu();
  followStartAtLogin(running.config);
  await openWindow(running);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void openWindow(running);
  });
}

if (!app.requestSingleInstanceLock()) {
  // A second launch must not start a second engine against the same journal and keys.
  app.quit();
} else {
  registerAppScheme();
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window === undefined) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', (event) => {
    if (engine === undefined) return;
    event.preventDefault();
    const stopping = engine;
    engine = undefined;
    void stopping.stop().finally(() => {
      app.quit();
    });
  });
  boot().catch((error: unknown) => {
    // Start-up failed before the logger existed or the window opened: say why and exit non-zero.
    console.error('Bulwark could not start:', error);
    app.exit(1);
  });
}
