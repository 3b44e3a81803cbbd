import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ExchangeHealth } from '../../../shared/ipc/channels/market.ts';
import type { LoadStatus } from './trading.types.ts';

/** The exchange link's health as main reports it (`exchange:get-health`, `exchange:health-changed`). */
export interface HealthState {
  readonly exchange: ExchangeHealth | undefined;
  readonly load: LoadStatus;
  /** Renderer time the last report arrived, to show how fresh it is. */
  readonly receivedAt: number | undefined;
}

/** Vanilla store for health (a few updates a second at most). */
export type HealthStore = StoreApi<HealthState>;

/** Creates an empty health store. */
export function createHealthStore(): HealthStore {
  return createStore<HealthState>()(() => ({
    exchange: undefined,
    load: { kind: 'loading' },
    receivedAt: undefined,
  }));
}

/** The app's health store. */
export const healthStore: HealthStore = createHealthStore();
