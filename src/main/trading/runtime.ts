/** The service's live state, shared by the tick, the entry path and the actions. */
import type { TradingDeps } from './deps.ts';
import type { LiquidationReading, LiquidationWatch } from './liquidation/liquidation-watch.ts';
import type { ProtectionWatchdog } from './protection/watchdog.ts';
import type { LossGuard } from './state/loss-guard.ts';
import type { TradingStateMachine } from './state/trading-state.ts';
import type { AtrCache } from './trailing/atr-cache.ts';
import type { TrailingManager } from './trailing/trailing-manager.ts';
import type { ExchangePosition } from './wire-map.ts';

/** Everything the service keeps in memory (the journal holds what must survive). */
export interface TradingRuntime {
  readonly deps: TradingDeps;
  readonly machine: TradingStateMachine;
  readonly lossGuard: LossGuard;
  readonly watchdog: ProtectionWatchdog;
  readonly trailing: TrailingManager;
  readonly liquidation: LiquidationWatch;
  readonly atr: AtrCache;
  positions: Map<string, ExchangePosition>;
  readings: Map<string, LiquidationReading>;
  /** When positions were last read successfully. */
  positionsAt: number;
  reconciled: boolean;
  /** Set once the service stops; loops end. */
  stopped: boolean;
  /** Submission times of trader orders (the orders-per-minute rule). */
  orderTimes: number[];
  /** Asks for a pass as soon as possible (coalesced). */
  requestTick: () => void;
}
