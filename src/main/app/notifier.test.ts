// The desktop channel's Electron side, with `electron` mocked: a critical notification stays and
// sounds, a click brings the window forward (restored, shown, focused) before the engine's handler
// runs, shown notifications stay referenced until closed, and an unsupported desktop throws so the
// router journals the failure.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => {
  const created: {
    options: Record<string, unknown>;
    handlers: Map<string, () => void>;
    show: ReturnType<typeof vi.fn>;
  }[] = [];
  class Notification {
    static supported = true;
    static isSupported(): boolean {
      return Notification.supported;
    }
    readonly handlers = new Map<string, () => void>();
    readonly show = vi.fn();
    readonly options: Record<string, unknown>;
    constructor(options: Record<string, unknown>) {
      this.options = options;
      created.push(this);
    }
    on(event: string, handler: () => void): this {
      this.handlers.set(event, handler);
      return this;
    }
  }
  return { Notification, created };
});
vi.mock('electron', () => ({ Notification: electron.Notification }));

const { createDesktopNotifier } = await import('./notifier.ts');

function fakeWindow(minimised: boolean) {
  return {
    isDestroyed: vi.fn(() => false),
    isMinimized: vi.fn(() => minimised),
    restore: vi.fn(),
    show: vi.fn(),
    focus: vi.fn(),
  };
}

beforeEach(() => {
  electron.created.length = 0;
  electron.Notification.supported = true;
});

describe('desktop notifier (Electron Notification from main)', () => {
  it('a critical one stays on screen and sounds; a normal one is quiet', () => {
    const notifier = createDesktopNotifier(() => undefined);
    notifier.notify({ title: 'CRITICAL: Stop could not be placed', body: 'XBTUSDTM', urgency: 'critical' });
    notifier.notify({ title: 'Info', body: 'filled', urgency: 'normal' });
    expect(electron.created.map((n) => n.options)).toEqual([
      {
        title: 'CRITICAL: Stop could not be placed',
        body: 'XBTUSDTM',
        urgency: 'critical',
        silent: false,
        timeoutType: 'never',
      },
      { title: 'Info', body: 'filled', urgency: 'normal', silent: true, timeoutType: 'default' },
    ]);
    expect(electron.created.every((n) => n.show.mock.calls.length === 1)).toBe(true);
  });

  it('a click restores, shows and focuses the window, then asks the engine to show the position', () => {
    const window = fakeWindow(true);
    const onClick = vi.fn(() => {
      expect(window.focus).toHaveBeenCalled(); // focused before the engine navigates
    });
    const notifier = createDesktopNotifier(() => window as never);
    notifier.notify({ title: 't', body: 'b', urgency: 'critical' }, onClick);
    electron.created[0]?.handlers.get('click')?.();
    expect(window.restore).toHaveBeenCalledTimes(1);
    expect(window.show).toHaveBeenCalledTimes(1);
    expect(onClick).toHaveBeenCalledTimes(1);
  });

  it('a click with no window open still tells the engine', () => {
    const onClick = vi.fn();
    createDesktopNotifier(() => undefined).notify({ title: 't', body: 'b', urgency: 'normal' }, onClick);
    electron.created[0]?.handlers.get('click')?.();
    expect(onClick).toHaveBeenCalledTimes(1);
  });

  it('keeps each notification until it is closed (a collected one loses its click)', () => {
    createDesktopNotifier(() => undefined).notify({ title: 't', body: 'b', urgency: 'normal' });
    expect([...(electron.created[0]?.handlers.keys() ?? [])].sort()).toEqual(['click', 'close', 'failed']);
  });

  it('throws when the desktop cannot show notifications, so the delivery is journaled as failed', () => {
    electron.Notification.supported = false;
    expect(() => {
      createDesktopNotifier(() => undefined).notify({ title: 't', body: 'b', urgency: 'critical' });
    }).toThrow('this desktop does not support notifications');
    expect(electron.created).toHaveLength(0);
  });
});
