import { BrowserWindow } from 'electron';
import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The renderer's web preferences: sandboxed, context-isolated, no Node, web security on.
 * (The electron-vite template ships `sandbox: false` — deliberately not copied.)
 */
export function secureWebPreferences(
  preloadPath: string,
): NonNullable<BrowserWindowConstructorOptions['webPreferences']> {
  return {
    preload: preloadPath,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    spellcheck: false,
  };
}

/** Creates the main window; it is shown once the first frame is ready to avoid a white flash. */
export function createMainWindow(preloadPath: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    backgroundColor: '#1a1b1e',
    title: 'Bulwark',
    webPreferences: secureWebPreferences(preloadPath),
  });
  window.once('ready-to-show', () => {
    window.show();
  });
  return window;
}
