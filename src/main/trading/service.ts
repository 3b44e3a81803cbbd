/**
 * The trading service (ADR 0302): composes risk, orders, protection, trailing, liquidation watch
 * and trading state over the exchange client and the journal. `start()` starts protecting at once,
 * then reconciles before any entry is accepted; the engine pass runs every `watchdogIntervalMs`
 * (and at once on events).
 */
import type { TrailingSpec, TrailingState } from '../../shared/domain/trailing.ts';
import type { Position } from '../../shared/domain/position.ts';
import type { RiskPreview } from '../../shared/domain/risk.ts';
import type { OrderTicket, TradingStateView } from '../../shared/ipc/channels/trading.ts';
import type { MarginMode } from '../../shared/domain/position.ts';
import type { AmendResult, KillSwitchReport, MarginModeView } from '../../shared/ipc/channels/trading.ts';
import type { Journal } from '../store/journal.ts';
import type { JournalOrder } from '../store/order-rows.ts';
import { changeMarginMode, marginModeView } from './account/margin-mode.ts';
import type { TradingEvent } from './deps.ts';
import { killSwitch } from './kill-switch.ts';
import type { TradingServiceOptions } from './service-options.ts';
import type { ReconciliationReport } from './reconcile/startup.ts';
import { buildRuntime, startLoop } from './service-runtime.ts';
import * as actions from './actions.ts';
import { amendOrder } from './amend/amend-order.ts';
import { placeTicket, previewTicket } from './entry.ts';
import { positionView } from './tick.ts';
import { setTakeProfit } from './take-profit/set-take-profit.ts';

export type { TradingServiceOptions } from './service-options.ts';

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
  /** Moves an open limit order to `price`: cancel, confirmed, then the rest placed anew (ADR 0343). */
  amendOrder(clientOid: string, price: string): Promise<AmendResult>;
  cancelAll(symbol?: string): Promise<number>;
  /** Closes the position at market, or `sizeLots` of it (the rest keeps its stop). */
  closePosition(symbol: string, sizeLots?: number): Promise<JournalOrder>;
  moveStop(symbol: string, stopPrice: string): Promise<{ stopClientOid: string }>;
  /** Sets (price) or removes (undefined) the position's take-profit (ADR 0342). */
  setTakeProfit(symbol: string, price: string | undefined): Promise<{ takeProfitPrice: string | null }>;
  setTrailing(symbol: string, spec: TrailingSpec | null): TrailingState | null;
  /** The live trailing state of a symbol (as persisted), if any. */
  getTrailing(symbol: string): TrailingState | undefined;
  /** Every live trailing state, resumed ones included (ADR 0510). */
  listTrailing(): TrailingState[];
  triggerKillSwitch(flatten: boolean, reason: string): Promise<KillSwitchReport>;
  getMarginMode(symbol: string): Promise<MarginModeView>;
  setMarginMode(symbol: string, marginMode: MarginMode): Promise<MarginModeView>;
  resumeTrading(): void;
  /** Runs a protection pass (re-read positions and stops, re-place missing stops) as soon as allowed, e.g. after the OS resumes from sleep. */
  requestProtectionPass(): void;
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
  let stopLoop: (() => Promise<void>) | undefined;
  return {
    journal: options.journal,
    async start() {
      const started = await startLoop(rt, options.client, (stop) => {
        stopLoop = stop;
      });
      return started.report;
    },
    async stop() {
      rt.stopped = true;
      await stopLoop?.();
      await stopWorkers(rt);
    },
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    ...traderActions(rt),
    resumeTrading: () => {
      actions.resumeTrading(rt);
    },
    requestProtectionPass: () => {
      rt.requestTick();
    },
    getState: () => stateView(rt),
    listPositions: () => [...rt.positions.values()].map((p) => positionView(rt, p)),
    listOrders: (scope, symbol, limit) => listOrders(options.journal, scope, symbol, limit),
  };
}

/** What the trader does with orders, stops and positions: each through the engine's own path. */
function traderActions(
  rt: ReturnType<typeof buildRuntime>,
): Pick<
  TradingService,
  | 'previewOrder'
  | 'placeOrder'
  | 'cancelOrder'
  | 'amendOrder'
  | 'cancelAll'
  | 'closePosition'
  | 'moveStop'
  | 'setTakeProfit'
  | 'setTrailing'
  | 'getTrailing'
  | 'listTrailing'
  | 'triggerKillSwitch'
  | 'getMarginMode'
  | 'setMarginMode'
> {
  return {
    previewOrder: (ticket) => previewTicket(rt, ticket),
    placeOrder: (ticket) => placeTicket(rt, ticket),
    cancelOrder: (clientOid) => actions.cancelOrder(rt, clientOid),
    amendOrder: (clientOid, price) => amendOrder(rt, clientOid, price),
    cancelAll: (symbol) => actions.cancelAll(rt, symbol),
    closePosition: (symbol, sizeLots) => actions.closePosition(rt, symbol, 'trader', sizeLots),
    moveStop: (symbol, stopPrice) => actions.moveStop(rt, symbol, stopPrice),
    setTakeProfit: (symbol, price) => setTakeProfit(rt, symbol, price),
    setTrailing: (symbol, spec) => actions.setTrailing(rt, symbol, spec),
    getTrailing: (symbol) => rt.trailing.get(symbol),
    listTrailing: () => rt.trailing.list(),
    triggerKillSwitch: async (flatten, reason) => ({
      ...(await killSwitch(rt, flatten, reason)),
      state: stateView(rt),
    }),
    getMarginMode: (symbol) => marginModeView(rt, symbol),
    setMarginMode: (symbol, marginMode) => changeMarginMode(rt, symbol, marginMode),
  };
}

/** Stops the order tracker and the emergency closer, and lets every background task settle. */
async function stopWorkers(rt: ReturnType<typeof buildRuntime>): Promise<void> {
  await Promise.all([rt.deps.tracker.stop(), rt.closer.stop(), Promise.allSettled([...rt.background])]);
}

/** The open orders or the most recent ones, for one symbol or all, at most `limit`. */
function listOrders(
  journal: Journal,
  scope: 'open' | 'recent',
  symbol: string | undefined,
  limit: number,
): JournalOrder[] {
  if (scope === 'recent') return journal.recentOrders(limit, symbol);
  return journal
    .openOrders()
    .filter((o) => symbol === undefined || o.symbol === symbol)
    .slice(0, limit);
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
