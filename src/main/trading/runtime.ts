/** The service's live state, shared by the tick, the entry path and the actions. */
import type { TradingDeps } from './deps.ts';
import type { LiquidationReading, LiquidationWatch } from './liquidation/liquidation-watch.ts';
import type { EmergencyCloser } from './protection/emergency-close.ts';
import type { ProtectionWatchdog } from './protection/watchdog.ts';
import type { LossGuard } from './state/loss-guard.ts';
import type { TradingStateMachine } from './state/trading-state.ts';
import type { AtrSource } from './trailing/atr-source.ts';
import type { TrailingManager } from './trailing/trailing-manager.ts';
import type { TradingClient } from './client-port.ts';
import type { ExchangePosition } from './wire-map.ts';

/** A position change whose fills could not be read yet (retried on the next pass). */
export interface PendingChange {
  readonly previous: ExchangePosition | undefined;
  readonly sinceMs: number;
}

/** Everything the service keeps in memory (the journal holds what must survive). */
export interface TradingRuntime {
  readonly deps: TradingDeps;
  readonly client: TradingClient;
  readonly machine: TradingStateMachine;
  readonly lossGuard: LossGuard;
  readonly watchdog: ProtectionWatchdog;
  readonly closer: EmergencyCloser;
  readonly trailing: TrailingManager;
  readonly liquidation: LiquidationWatch;
  readonly atr: AtrSource;
  /** The optional `against-verdict` rule's check (absent: the rule never objects). */
  readonly verdictCheck?:
    | ((
        symbol: string,
        side: 'buy' | 'sell',
      ) => { message: string; numbers: Readonly<Record<string, string | number | boolean>> } | undefined)
    | undefined;
  /** The optional live size cap's source (absent: no cap). */
  readonly liveSizeCap?:
    (() => { readonly stage: string; readonly maxNotionalUsdt: number } | undefined) | undefined;
  /** The last positions read from the exchange (kept while a read fails: see `positionsAt`). */
  positions: Map<string, ExchangePosition>;
  readings: Map<string, LiquidationReading>;
  /** When positions were last read successfully. */
  positionsAt: number;
  /** False until the first successful read: positions found then are the baseline, not changes. */
  baselineTaken: boolean;
  /** Position changes not yet explained (their fills could not be read), by symbol. */
  readonly pendingChanges: Map<string, PendingChange>;
  /** Symbols whose funding history was read this session. */
  readonly fundingChecked: Set<string>;
  reconciled: boolean;
  /** Set once the service stops; loops end. */
  stopped: boolean;
  /** An order-polling pass (the WS fallback) is running beside the protection passes. */
  pollingOrders: boolean;
  /**
   * The kill switch's cancelling of entries: `cancelling` while a pass of it runs (the engine pass
   * then leaves entries to it, so the two never race for the same orders), `owed` after a pass that
   * could not list every open order (an engine pass tries again once `killSwitchRetryAt` is reached),
   * else `idle`.
   */
  killSwitchEntries: 'idle' | 'cancelling' | 'owed';
  /** When an owed kill-switch pass is tried again: once per `killSwitchListWaitMs`, to spare the rate limit. */
  killSwitchRetryAt: number;
  /** Submission times of trader orders (the orders-per-minute rule). */
  orderTimes: number[];
  /** Asks for a pass as soon as possible (coalesced). */
  requestTick: () => void;
  /** Work running in the background (order polling, entry follow-ups); `stop()` waits for it. */
  readonly background: Set<Promise<unknown>>;
}

/** Runs `task` in the background, tracked so the service's stop can wait for it. */
export function inBackground(rt: TradingRuntime, task: Promise<unknown>): void {
  const tracked = task.catch(() => undefined).finally(() => rt.background.delete(tracked));
  rt.background.add(tracked);
}
