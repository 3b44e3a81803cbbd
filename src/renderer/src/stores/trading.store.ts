import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Order } from '../../../shared/domain/order.ts';
import type { Position } from '../../../shared/domain/position.ts';
import type { TrailingState } from '../../../shared/domain/trailing.ts';
import type {
  LiquidationWarning,
  LoadStatus,
  ProtectionChanged,
  StateChanged,
  TradingStateView,
} from './trading.types.ts';

/** The banner's view of the trading state: the snapshot, moved forward by state-changed events. */
export interface TradingStateSummary {
  readonly state: TradingStateView['state'];
  readonly reason: string;
  readonly since: number;
  /** From the snapshot; absent when only an event has been seen. */
  readonly activeTriggers: readonly string[] | undefined;
  readonly reconciled: boolean | undefined;
  readonly details: StateChanged['details'];
}

/** Positions, orders and the trading state: event-driven, updated a few times a second at most. */
export interface TradingStoreState {
  readonly positions: Readonly<Record<string, Position>>;
  readonly positionsLoad: LoadStatus;
  readonly orders: Readonly<Record<string, Order>>;
  readonly ordersLoad: LoadStatus;
  readonly tradingState: TradingStateSummary | undefined;
  readonly tradingStateLoad: LoadStatus;
  /** Latest `trading:protection-changed` per symbol (fresher than the position's own protection). */
  readonly protection: Readonly<Record<string, ProtectionChanged>>;
  readonly liquidationWarnings: Readonly<Record<string, LiquidationWarning>>;
  /** Live trailing stops: `trading:get-trailing`, moved forward by `trading:trailing-updated` (ADR 0510). */
  readonly trailing: Readonly<Record<string, TrailingState>>;
  readonly trailingLoad: LoadStatus;
  /** `at` of the last trailing event per symbol since the last snapshot began (see trading.trailing.ts). */
  readonly trailingTouched: Readonly<Record<string, number>>;
  /** Why live events are not flowing (events not published by this engine build), if so. */
  readonly eventsUnavailable: string | undefined;
}

const initialState: TradingStoreState = {
  positions: {},
  positionsLoad: { kind: 'loading' },
  orders: {},
  ordersLoad: { kind: 'loading' },
  tradingState: undefined,
  tradingStateLoad: { kind: 'loading' },
  protection: {},
  liquidationWarnings: {},
  trailing: {},
  trailingLoad: { kind: 'loading' },
  trailingTouched: {},
  eventsUnavailable: undefined,
};

/** A vanilla store: feeds write to it outside React; components read it with atomic selectors. */
export type TradingStore = StoreApi<TradingStoreState>;

/** Creates an empty trading store (one per app; tests make their own). */
export function createTradingStore(): TradingStore {
  return createStore<TradingStoreState>()(() => initialState);
}

/** The app's trading store. */
export const tradingStore: TradingStore = createTradingStore();
