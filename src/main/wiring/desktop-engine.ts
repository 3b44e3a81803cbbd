// Adapts the running engine to what the desktop layer (src/main/app/desktop.ts) needs: positions
// and the trading state for the tray, change notifications, and the after-sleep resync.
import type { DesktopEngine } from '../app/desktop.ts';
import type { EngineServices } from './services.ts';

/**
 * The desktop view of the engine. Without a trading service (no key for the mode) there are no
 * positions, so the window closes and the app quits as any other; a resume still resyncs the clock.
 */
export function desktopEngine(services: Pick<EngineServices, 'trading' | 'client'>): DesktopEngine {
  const { trading, client } = services;
  return {
    positions: () => trading?.listPositions() ?? [],
    tradingState: () => trading?.getState().state ?? 'ACTIVE',
    onChange: (listener) =>
      trading?.on(() => {
        listener();
      }) ?? (() => undefined),
    async resyncAfterWake() {
      // The wall clock may have jumped while asleep: resync first so the pass signs with a fresh
      // offset, then re-read positions and stops and re-place whatever went missing.
      await client.timeSync.sync().catch(() => undefined);
      trading?.requestProtectionPass();
    },
  };
}
