// The desktop view of the engine: tray data comes from the trading service, and a wake resyncs the
// exchange clock before it asks for a protection pass (so the pass signs with a fresh offset).
import { describe, expect, it, vi } from 'vitest';
import { desktopEngine } from './desktop-engine.ts';
import type { EngineServices } from './services.ts';

function services(withTrading: boolean, syncFails = false) {
  const order: string[] = [];
  const client = {
    timeSync: {
      sync: vi.fn(() => {
        order.push('sync');
        return syncFails ? Promise.reject(new Error('no samples')) : Promise.resolve({});
      }),
    },
  };
  const trading = {
    listPositions: () => [{ symbol: 'XBTUSDTM' }],
    getState: () => ({ state: 'REDUCING' }),
    on: vi.fn((listener: () => void) => {
      listener();
      return () => undefined;
    }),
    requestProtectionPass: vi.fn(() => {
      order.push('pass');
    }),
  };
  const built = { client, trading: withTrading ? trading : undefined } as unknown as Pick<
    EngineServices,
    'trading' | 'client'
  >;
  return { built, order, trading };
}

describe('desktopEngine', () => {
  it('reads positions and state from the trading service and forwards its changes', () => {
    const { built } = services(true);
    const engine = desktopEngine(built);
    expect(engine.positions()).toHaveLength(1);
    expect(engine.tradingState()).toBe('REDUCING');
    const listener = vi.fn();
    engine.onChange(listener);
    expect(listener).toHaveBeenCalled();
  });

  it('on wake resyncs the clock, then requests a protection pass — even when the sync fails', async () => {
    const ok = services(true);
    await desktopEngine(ok.built).resyncAfterWake();
    expect(ok.order).toEqual(['sync', 'pass']);
    const failing = services(true, true);
    await desktopEngine(failing.built).resyncAfterWake();
    expect(failing.order).toEqual(['sync', 'pass']);
  });

  it('without a key has no positions, so closing and quitting behave as for any app', () => {
    const engine = desktopEngine(services(false).built);
    expect(engine.positions()).toEqual([]);
    expect(engine.onChange(() => undefined)).toBeTypeOf('function');
  });
});
