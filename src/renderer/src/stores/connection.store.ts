import { createStore, type StoreApi } from 'zustand/vanilla';
import type {
  AppStatus,
  Heartbeat,
  MarketDataStatus,
  TradingMode,
} from '../../../shared/ipc/channels/app.ts';

/** `waiting`: no heartbeat yet; `live`: one arrived within the window; `stale`: the engine went quiet. */
export type EngineConnection = 'waiting' | 'live' | 'stale';

/** What the shell knows about the engine: its pulse and its status. */
export interface ConnectionState {
  readonly connection: EngineConnection;
  readonly lastHeartbeat: Heartbeat | undefined;
  /** Renderer time (ms) the last heartbeat was received at. */
  readonly lastHeartbeatReceivedAt: number | undefined;
  readonly status: AppStatus | undefined;
  /** Message of the last failed `app:get-status`, shown instead of a guessed mode. */
  readonly statusError: string | undefined;
  readonly mode: TradingMode | undefined;
  /** Paper mode: live KuCoin data or simulated, and why (from the status, kept current by the heartbeat). */
  readonly marketData: MarketDataStatus | undefined;
  readonly receiveHeartbeat: (heartbeat: Heartbeat) => void;
  readonly receiveStatus: (status: AppStatus) => void;
  readonly receiveStatusError: (message: string) => void;
  /** Stops the stale timer (store teardown). */
  readonly dispose: () => void;
}

/** Knobs of the connection store; injected so tests can drive time with fake timers. */
export interface ConnectionStoreOptions {
  /** No heartbeat for this long means `stale` (main beats every second; 3 s tolerates two misses). */
  readonly staleAfterMs: number;
  readonly now: () => number;
}

const defaultOptions: ConnectionStoreOptions = { staleAfterMs: 3_000, now: () => Date.now() };

/** A vanilla store so the bridge feed can write to it outside React. */
export type ConnectionStore = StoreApi<ConnectionState>;

/**
 * Creates the connection store. Each heartbeat marks the engine live and re-arms a timer that
 * marks it stale after `staleAfterMs` of silence.
 */
export function createConnectionStore(options: Partial<ConnectionStoreOptions> = {}): ConnectionStore {
  const { staleAfterMs, now } = { ...defaultOptions, ...options };
  let staleTimer: ReturnType<typeof setTimeout> | undefined;
  const clearStaleTimer = (): void => {
    if (staleTimer !== undefined) clearTimeout(staleTimer);
    staleTimer = undefined;
  };
  return createStore<ConnectionState>()((set, get) => ({
    connection: 'waiting',
    lastHeartbeat: undefined,
    lastHeartbeatReceivedAt: undefined,
    status: undefined,
    statusError: undefined,
    mode: undefined,
    marketData: undefined,
    receiveHeartbeat: (heartbeat) => {
      clearStaleTimer();
      staleTimer = setTimeout(() => {
        set({ connection: 'stale' });
      }, staleAfterMs);
      set({
        connection: 'live',
        lastHeartbeat: heartbeat,
        lastHeartbeatReceivedAt: now(),
        mode: heartbeat.mode,
        marketData: heartbeat.marketData ?? (heartbeat.mode === 'paper' ? get().marketData : undefined),
      });
    },
    receiveStatus: (status) => {
      set({ status, statusError: undefined, mode: status.mode, marketData: status.marketData });
    },
    receiveStatusError: (message) => {
      set({ statusError: message });
    },
    dispose: clearStaleTimer,
  }));
}

/** The app's one connection store. */
export const connectionStore: ConnectionStore = createConnectionStore();
