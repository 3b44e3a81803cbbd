// The desktop citizen with `electron` mocked: closing the window with open positions hides it to a
// tray that shows the state and each position's protection; quitting with positions asks and says
// exchange stops stay while trailing stops stop moving; a power-save blocker is held exactly while
// positions are open; a resume runs the engine's resync; the menu carries the standard shortcuts.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Position } from '../../shared/domain/position.ts';

const electron = vi.hoisted(() => {
  type Handler = (event: { preventDefault(): void }) => void;
  const appHandlers = new Map<string, Handler>();
  const monitorHandlers = new Map<string, () => void>();
  const trays: { tooltip: string; menu: unknown; destroyed: boolean; handlers: Map<string, () => void> }[] =
    [];
  class Tray {
    tooltip = '';
    menu: unknown;
    destroyed = false;
    handlers = new Map<string, () => void>();
    constructor() {
      trays.push(this);
    }
    setToolTip(text: string): void {
      this.tooltip = text;
    }
    setContextMenu(menu: unknown): void {
      this.menu = menu;
    }
    on(event: string, handler: () => void): void {
      this.handlers.set(event, handler);
    }
    destroy(): void {
      this.destroyed = true;
    }
  }
  const started = new Set<number>();
  let nextId = 1;
  return {
    appHandlers,
    monitorHandlers,
    trays,
    started,
    app: {
      on: vi.fn((event: string, handler: Handler) => {
        appHandlers.set(event, handler);
      }),
      removeListener: vi.fn((event: string) => {
        appHandlers.delete(event);
      }),
      quit: vi.fn(),
      setLoginItemSettings: vi.fn(),
    },
    dialog: { showMessageBoxSync: vi.fn((): number => 0) },
    Menu: { buildFromTemplate: vi.fn((template: unknown) => ({ template })), setApplicationMenu: vi.fn() },
    powerMonitor: {
      on: vi.fn((event: string, handler: () => void) => {
        monitorHandlers.set(event, handler);
      }),
      removeListener: vi.fn((event: string) => {
        monitorHandlers.delete(event);
      }),
    },
    powerSaveBlocker: {
      start: vi.fn(() => {
        const id = nextId++;
        started.add(id);
        return id;
      }),
      stop: vi.fn((id: number) => {
        started.delete(id);
      }),
      isStarted: vi.fn((id: number) => started.has(id)),
    },
    Tray,
  };
});
vi.mock('electron', () => electron);

const desktop = await import('./desktop.ts');

function position(symbol: string, status: 'PROTECTED' | 'NAKED'): Position {
  return {
    symbol,
    side: 'long',
    sizeLots: 3,
    marginMode: 'ISOLATED',
    avgEntryPrice: '60000',
    markPrice: '60100',
    liquidationPrice: '50000',
    leverage: 5,
    unrealisedPnl: '3',
    realisedPnl: null,
    marginUsdt: '36',
    distanceToLiquidationPct: 16.8,
    protection: {
      status,
      stopLots: status === 'PROTECTED' ? 3 : 0,
      ...(status === 'PROTECTED' ? { stopPrice: '59000' } : {}),
    },
    updatedAt: 1,
  };
}

function fakeEngine(initial: Position[]) {
  let positions = initial;
  const listeners = new Set<() => void>();
  return {
    positions: () => positions,
    tradingState: () => 'ACTIVE' as const,
    onChange: (listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    resyncAfterWake: vi.fn(() => Promise.resolve()),
    set(next: Position[]) {
      positions = next;
      for (const l of listeners) l();
    },
  };
}

function fakeWindow() {
  const handlers = new Map<string, (event: { preventDefault(): void }) => void>();
  return {
    handlers,
    hide: vi.fn(),
    isDestroyed: () => false,
    on: vi.fn((event: string, handler: (event: { preventDefault(): void }) => void) => {
      handlers.set(event, handler);
    }),
    removeListener: vi.fn((event: string) => {
      handlers.delete(event);
    }),
  };
}

function attach(engine: ReturnType<typeof fakeEngine>) {
  const window = fakeWindow();
  const showWindow = vi.fn();
  const detach = desktop.attachDesktop(window as never, {
    engine,
    trayIconPath: '/icons/32x32.png',
    showWindow,
    log: () => undefined,
  });
  return { window, showWindow, detach };
}

const closeEvent = () => ({ preventDefault: vi.fn() });

beforeEach(() => {
  electron.trays.length = 0;
  electron.started.clear();
  electron.appHandlers.clear();
  electron.monitorHandlers.clear();
  vi.clearAllMocks();
});

describe('closing the window', () => {
  it('with open positions hides it to a tray that shows state and protection and reopens the window', () => {
    const engine = fakeEngine([position('XBTUSDTM', 'PROTECTED'), position('ETHUSDTM', 'NAKED')]);
    const { window, showWindow } = attach(engine);
    const event = closeEvent();
    window.handlers.get('close')?.(event);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(window.hide).toHaveBeenCalled();
    const [tray] = electron.trays;
    expect(tray?.tooltip).toBe('Bulwark — ACTIVE, 2 open, 1 unprotected');
    const labels = (tray?.menu as { template: { label?: string }[] }).template.map((i) => i.label);
    expect(labels).toContain('XBTUSDTM long 3 lots — stop 59000');
    expect(labels).toContain('ETHUSDTM long 3 lots — UNPROTECTED');
    tray?.handlers.get('click')?.();
    expect(showWindow).toHaveBeenCalled();
    engine.set([position('XBTUSDTM', 'PROTECTED')]);
    expect(tray?.tooltip).toBe('Bulwark — ACTIVE, 1 open, 0 unprotected');
  });

  it('without positions closes normally (no tray)', () => {
    const { window } = attach(fakeEngine([]));
    const event = closeEvent();
    window.handlers.get('close')?.(event);
    expect(event.preventDefault).not.toHaveBeenCalled();
    expect(electron.trays).toHaveLength(0);
  });
});

describe('quitting', () => {
  it('with open positions asks, saying exchange stops stay and trailing stops stop moving', () => {
    attach(fakeEngine([position('XBTUSDTM', 'PROTECTED')]));
    electron.dialog.showMessageBoxSync.mockReturnValueOnce(0);
    const keep = closeEvent();
    electron.appHandlers.get('before-quit')?.(keep);
    expect(keep.preventDefault).toHaveBeenCalled();
    const box = electron.dialog.showMessageBoxSync.mock.calls[0] as unknown[];
    const shown = JSON.stringify(box.at(-1));
    expect(shown).toContain('stop orders already at the exchange stay');
    expect(shown).toContain('Trailing stops stop moving');
    electron.dialog.showMessageBoxSync.mockReturnValueOnce(1);
    const quit = closeEvent();
    electron.appHandlers.get('before-quit')?.(quit);
    expect(quit.preventDefault).not.toHaveBeenCalled();
  });

  it('without positions does not ask', () => {
    attach(fakeEngine([]));
    const event = closeEvent();
    electron.appHandlers.get('before-quit')?.(event);
    expect(electron.dialog.showMessageBoxSync).not.toHaveBeenCalled();
    expect(event.preventDefault).not.toHaveBeenCalled();
  });
});

describe('power', () => {
  it('keeps the OS from suspending the app exactly while positions are open', () => {
    const engine = fakeEngine([]);
    const { detach } = attach(engine);
    expect(electron.powerSaveBlocker.start).not.toHaveBeenCalled();
    engine.set([position('XBTUSDTM', 'PROTECTED')]);
    expect(electron.powerSaveBlocker.start).toHaveBeenCalledWith('prevent-app-suspension');
    expect(electron.started.size).toBe(1);
    engine.set([position('XBTUSDTM', 'PROTECTED'), position('ETHUSDTM', 'PROTECTED')]);
    expect(electron.powerSaveBlocker.start).toHaveBeenCalledTimes(1);
    engine.set([]);
    expect(electron.started.size).toBe(0);
    engine.set([position('XBTUSDTM', 'PROTECTED')]);
    detach();
    expect(electron.started.size).toBe(0);
  });

  it('resyncs and runs a protection pass when the machine wakes', async () => {
    const engine = fakeEngine([position('XBTUSDTM', 'PROTECTED')]);
    attach(engine);
    electron.monitorHandlers.get('resume')?.();
    await Promise.resolve();
    expect(engine.resyncAfterWake).toHaveBeenCalledTimes(1);
  });
});

describe('login item and menu', () => {
  it('turns start at login on and off', () => {
    desktop.setStartAtLogin(true);
    desktop.setStartAtLogin(false);
    expect(electron.app.setLoginItemSettings.mock.calls).toEqual([
      [{ openAtLogin: true }],
      [{ openAtLogin: false }],
    ]);
  });

  it('follows the start-at-login setting: applied at start and when a save changes it, not on other saves', () => {
    const listeners: ((config: { app: { startAtLogin: boolean } }) => void)[] = [];
    let current = { app: { startAtLogin: true } };
    const stop = desktop.followStartAtLogin({
      current: () => current,
      onChange: (listener) => {
        listeners.push(listener);
        return () => {
          listeners.length = 0;
        };
      },
    });
    const save = (startAtLogin: boolean): void => {
      current = { app: { startAtLogin } };
      for (const listener of listeners) listener(current);
    };
    save(true);
    save(false);
    stop();
    save(true);
    expect(electron.app.setLoginItemSettings.mock.calls).toEqual([
      [{ openAtLogin: true }],
      [{ openAtLogin: false }],
    ]);
  });

  it('has quit, edit, zoom, full-screen and window shortcuts', () => {
    const linux = JSON.stringify(desktop.applicationMenuTemplate('linux'));
    for (const role of [
      'quit',
      'editMenu',
      'zoomIn',
      'zoomOut',
      'resetZoom',
      'togglefullscreen',
      'windowMenu',
    ])
      expect(linux).toContain(role);
    expect(linux).toContain('CmdOrCtrl+Q');
    expect(JSON.stringify(desktop.applicationMenuTemplate('darwin'))).toContain('appMenu');
    desktop.installApplicationMenu();
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalled();
  });
});
