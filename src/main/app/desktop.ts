/**
 * Bulwark as a desktop citizen: while positions are open the engine keeps running when the window
 * closes (a tray shows the trading state and each position's protection and reopens the window),
 * quitting asks first and says what keeps protecting the trader, the OS is kept from suspending
 * the app, and an OS resume triggers a clock resync and a protection pass at once.
 */
import { app, dialog, Menu, powerMonitor, powerSaveBlocker, Tray } from 'electron';
import type { BrowserWindow, MenuItemConstructorOptions } from 'electron';
import type { Position } from '../../shared/domain/position.ts';
import type { TradingStateName } from '../../shared/ipc/channels/trading.ts';

/** What the desktop layer needs from the engine (adapted in the composition root). */
export interface DesktopEngine {
  /** Open positions as the engine last read them. */
  positions(): readonly Position[];
  tradingState(): TradingStateName;
  /** Called whenever positions, protection or the trading state may have changed. */
  onChange(listener: () => void): () => void;
  /** After the machine wakes: resync the exchange clock and run a protection pass now. */
  resyncAfterWake(): Promise<void>;
}

/** Electron-side options of {@link attachDesktop}. */
export interface DesktopOptions {
  readonly engine: DesktopEngine;
  /** Path of the tray icon (resources/icons/32x32.png in the package). */
  readonly trayIconPath: string;
  /** Brings the main window back (creating it if it was destroyed). */
  readonly showWindow: () => void;
  readonly log: (event: string, details?: Record<string, unknown>) => void;
}

/** One line per position for the tray: what the trader must know without the window. */
export function positionLine(position: Position): string {
  const cover =
    position.protection.status === 'PROTECTED'
      ? `stop ${position.protection.stopPrice ?? 'placed'}`
      : position.protection.status === 'NAKED'
        ? 'UNPROTECTED'
        : 'protection unknown';
  return `${position.symbol} ${position.side} ${position.sizeLots} lots — ${cover}`;
}

/** The quit question's text when positions are open. */
export function quitWarning(count: number): { message: string; detail: string } {
  return {
    message: `You have ${count} open position${count === 1 ? '' : 's'}. Quit Bulwark?`,
    detail:
      'The stop orders already at the exchange stay and keep protecting your positions. ' +
      'Trailing stops stop moving, and Bulwark no longer watches, re-places or alerts until you start it again.',
  };
}

function trayMenu(options: DesktopOptions, quit: () => void): MenuItemConstructorOptions[] {
  const positions = options.engine.positions();
  const lines: MenuItemConstructorOptions[] =
    positions.length === 0
      ? [{ label: 'No open positions', enabled: false }]
      : positions.map((p) => ({ label: positionLine(p), enabled: false }));
  return [
    { label: `Trading: ${options.engine.tradingState()}`, enabled: false },
    { type: 'separator' },
    ...lines,
    { type: 'separator' },
    { label: 'Open Bulwark', click: options.showWindow },
    { label: 'Quit Bulwark', click: quit },
  ];
}

/** Keeps the tray's menu and tooltip current; returns a teardown. */
function startTray(options: DesktopOptions, quit: () => void): () => void {
  const tray = new Tray(options.trayIconPath);
  const refresh = (): void => {
    const positions = options.engine.positions();
    const naked = positions.filter((p) => p.protection.status !== 'PROTECTED').length;
    tray.setToolTip(
      `Bulwark — ${options.engine.tradingState()}, ${positions.length} open, ${naked} unprotected`,
    );
    tray.setContextMenu(Menu.buildFromTemplate(trayMenu(options, quit)));
  };
  refresh();
  tray.on('click', options.showWindow);
  const unsubscribe = options.engine.onChange(refresh);
  return () => {
    unsubscribe();
    tray.destroy();
  };
}

/** Holds a power-save blocker exactly while positions are open. */
function syncPowerBlocker(engine: DesktopEngine, current: number | undefined): number | undefined {
  const open = engine.positions().length > 0;
  if (open && current === undefined) return powerSaveBlocker.start('prevent-app-suspension');
  if (!open && current !== undefined) {
    if (powerSaveBlocker.isStarted(current)) powerSaveBlocker.stop(current);
    return undefined;
  }
  return current;
}

/** Confirms a quit with open positions; true when the quit may go ahead. */
function confirmQuit(window: BrowserWindow | undefined, count: number): boolean {
  const { message, detail } = quitWarning(count);
  const box = {
    type: 'warning' as const,
    buttons: ['Keep running', 'Quit'],
    defaultId: 0,
    cancelId: 0,
    message,
    detail,
  };
  const answer =
    window === undefined ? dialog.showMessageBoxSync(box) : dialog.showMessageBoxSync(window, box);
  return answer === 1;
}

/** Wires the window's close, the app's quit, power and resume; returns a teardown. */
export function attachDesktop(window: BrowserWindow, options: DesktopOptions): () => void {
  let quitting = false;
  let tray: (() => void) | undefined;
  let blocker = syncPowerBlocker(options.engine, undefined);
  const quit = (): void => {
    app.quit();
  };
  const onClose = (event: { preventDefault(): void }): void => {
    if (quitting || options.engine.positions().length === 0) return;
    event.preventDefault();
    window.hide();
    tray ??= startTray(options, quit);
    options.log('window-hidden-to-tray', { positions: options.engine.positions().length });
  };
  const onBeforeQuit = (event: { preventDefault(): void }): void => {
    const count = options.engine.positions().length;
    if (quitting || count === 0) {
      quitting = true;
      return;
    }
    if (confirmQuit(window.isDestroyed() ? undefined : window, count)) quitting = true;
    else event.preventDefault();
  };
  const onResume = (): void => {
    options.log('system-resumed-resyncing');
    options.engine.resyncAfterWake().catch((error: unknown) => {
      options.log('resume-resync-failed', { error: String(error) });
    });
  };
  const unsubscribe = options.engine.onChange(() => {
    blocker = syncPowerBlocker(options.engine, blocker);
  });
  window.on('close', onClose);
  app.on('before-quit', onBeforeQuit);
  powerMonitor.on('resume', onResume);
  return () => {
    unsubscribe();
    tray?.();
    window.removeListener('close', onClose);
    app.removeListener('before-quit', onBeforeQuit);
    powerMonitor.removeListener('resume', onResume);
    if (blocker !== undefined && powerSaveBlocker.isStarted(blocker)) powerSaveBlocker.stop(blocker);
  };
}

/** Turns start-at-login on or off (macOS and Windows; Linux desktops ignore it). */
export function setStartAtLogin(enabled: boolean): void {
  app.setLoginItemSettings({ openAtLogin: enabled });
}

/** The part of the settings store start-at-login follows. */
export interface StartAtLoginSource {
  current(): { readonly app: { readonly startAtLogin: boolean } };
  onChange(listener: (config: { readonly app: { readonly startAtLogin: boolean } }) => void): () => void;
}

/**
 * Keeps the OS login item in step with the `app.startAtLogin` setting: applied once at start (the
 * setting may have been changed while Bulwark was closed) and again whenever a save changes it.
 * Answers the unsubscribe.
 */
export function followStartAtLogin(settings: StartAtLoginSource): () => void {
  let applied = settings.current().app.startAtLogin;
  setStartAtLogin(applied);
  return settings.onChange((config) => {
    if (config.app.startAtLogin === applied) return;
    applied = config.app.startAtLogin;
    setStartAtLogin(applied);
  });
}

/** The application menu: the standard shortcuts (quit, copy/paste, zoom, full screen, window). */
export function applicationMenuTemplate(platform: NodeJS.Platform): MenuItemConstructorOptions[] {
  const appMenu: MenuItemConstructorOptions[] = platform === 'darwin' ? [{ role: 'appMenu' }] : [];
  return [
    ...appMenu,
    {
      label: 'File',
      submenu: [platform === 'darwin' ? { role: 'close' } : { role: 'quit', accelerator: 'CmdOrCtrl+Q' }],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ];
}

/** Installs {@link applicationMenuTemplate} as the application menu. */
export function installApplicationMenu(): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(applicationMenuTemplate(process.platform)));
}
