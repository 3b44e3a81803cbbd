/**
 * The trading service (ADR 0302): composes risk, orders, protection, trailing, liquidation watch
 * and trading state over the exchange client and the journal. `start()` reconciles before any
 * entry is accepted, then runs the engine pass every `watchdogIntervalMs` (and at once on events).
 */
import type { TrailingSpec, TrailingState } from '../../shared/domain/trailing.ts';
import type { Position } from '../../shared/domain/position.ts';
import type { RiskPreview } from '../../shared/domain/risk.ts';
import type { OrderTicket, TradingStateView } from '../../shared/ipc/channels/trading.ts';
import type { Config } from '../config/schema.ts';
import type { Logger } from '../observability/logger.ts';
import type { Clock } from '../time/clock.ts';
import type { Journal } from '../store/journal.ts';
import type { JournalOrder } from '../store/order-rows.ts';
import type { TradingAlert, TradingClient } from './client-port.ts';
import type { TradingEvent } from './deps.ts';
import type { ReconciliationReport } from './reconcile/startup.ts';
import { buildRuntime, startLoop } from './service-runtime.ts';
import * as actions from './actions.ts';
import { placeTicket, previewTicket } from './entry.ts';
import { positionView } from './tick.ts';

/** What {@link createTradingService} needs. */
export interface TradingServiceOptions {
  readonly config: Config;
  readonly client: TradingClient;
  readonly journal: Journal;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly alert: (alert: TradingAlert) => void;
}

/** The service's public API (what the IPC handlers call). */
export interface TradingService {
  /** Reconciles with the exchange (retrying until it can), then starts the engine loop. */
  start(): Promise<ReconciliationReport>;
  stop(): Promise<void>;
  /** Subscribes to renderer events; returns the unsubscribe function. */
  on(listener: (event: TradingEvent) => void): () => void;
  previewOrder(ticket: OrderTicket): Promise<RiskPreview>;
  placeOrder(ticket: OrderTicket): Promise<{ order: JournalOrder; preview: RiskPreview }>;
  cancelOrder(clientOid: string): Promise<JournalOrder>;
  cancelAll(symbol?: string): Promise<number>;
  closePosition(symbol: string): Promise<JournalOrder>;
  moveStop(symbol: string, stopPrice: string): Promise<{ stopClientOid: string }>;
  setTrailing(symbol: string, spec: TrailingSpec | null): TrailingState | null;
  /** The live trailing state of a symbol (as persisted), if any. */
  getTrailing(symbol: string): TrailingState | undefined;
  /** Every live trailing state, resumed ones included (ADR 0510). */
  listTrailing(): TrailingState[];
  triggerKillSwitch(flatten: boolean, reason: string): Promise<{ cancelledOrders: number; closedPositions: string[] }>;
  resumeTrading(): void;
  getState(): TradingStateView;
  listPositions(): Position[];
  listOrders(scope: 'open' | 'recent', symbol: string | undefined, limit: number): JournalOrder[];
  readonly journal: Journal;
}

/** Builds the service. Nothing talks to the exchange before `start()`. */
export function createTradingService(options: TradingServiceOptions): TradingService {
  const listeners = new Set<(event: TradingEvent) => void>();
  const rt = buildRuntime(options, (event) => {
    for (const listener of listeners) listener(event);
  });
  let loop: { stop(): Promise<void> } | undefined;
  return {
    journal: options.journal,
    async start() {
      const started = await startLoop(rt, options.client);
      loop = started.loop;
      return started.report;
    },
    async stop() {
      rt.stopped = true;
      rt.deps.tracker.stop();
      await loop?.stop();
    },
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    previewOrder: (ticket) => previewTicket(rt, ticket),
    placeOrder: (ticket) => placeTicket(rt, ticket),
    cancelOrder: (clientOid) => actions.cancelOrder(rt, clientOid),
    cancelAll: (symbol) => actions.cancelAll(rt, symbol),
    closePosition: (symbol) => actions.closePosition(rt, symbol, 'trader'),
    moveStop: (symbol, stopPrice) => actions.moveStop(rt, symbol, stopPrice),
    setTrailing: (symbol, spec) => actions.setTrailing(rt, symbol, spec),
    getTrailing: (symbol) => rt.trailing.get(symbol),
    listTrailing: () => rt.trailing.list(),
    triggerKillSwitch: (flatten, reason) => actions.killSwitch(rt, flatten, reason),
    resumeTrading: () => {
      actions.resumeTrading(rt);
    },
    getState: () => stateView(rt),
    listPositions: () => [...rt.positions.values()].map((p) => positionView(rt, p)),
    listOrders: (scope, symbol, limit) =>
      scope === 'open' ? options.journal.openOrders().filter((o) => symbol === undefined || o.symbol === symbol).slice(0, limit) : options.journal.recentOrders(limit, symbol),
  };
}

function stateView(rt: ReturnType<typeof buildRuntime>): TradingStateView {
  const guard = rt.lossGuard.status(rt.deps.now());
  return {
    state: rt.machine.state,
    reason: rt.machine.reason,
    activeTriggers: rt.machine.activeTriggers(),
    since: rt.machine.since,
    reconciled: rt.reconciled,
    dailyRealisedPnl: guard.dailyRealisedPnl,
    consecutiveStopOuts: guard.consecutiveStopOuts,
  };
}
