/**
 * Builds the runtime and runs the engine loop. Protection starts at once — the first pass runs
 * before start-up reconciliation of our own orders has finished, which gates new entries only
 * (ADR 0335).
 */
import { raiseAlert, type TradingDeps, type TradingEvent } from './deps.ts';
import { withFillEvents } from './fill-journal.ts';
import { createKeyedLock } from './keyed-lock.ts';
import { createLiquidationWatch } from './liquidation/liquidation-watch.ts';
import { createOrderTracker } from './orders/order-tracker.ts';
import { createEmergencyCloser } from './protection/emergency-close.ts';
import { createProtectionWatchdog } from './protection/watchdog.ts';
import { reconcileAtStart, type ReconciliationReport } from './reconcile/startup.ts';
import type { TradingRuntime } from './runtime.ts';
import { tradingSettings } from './settings.ts';
import { createLossGuard } from './state/loss-guard.ts';
import { createTradingStateMachine } from './state/trading-state.ts';
import { runTick } from './tick.ts';
import { createTrailingManager } from './trailing/trailing-manager.ts';
import { closePosition } from './actions.ts';
import { assertResendAllowed } from './entry.ts';
import type { TradingClient, TradingClientEvent } from './client-port.ts';
import type { TradingServiceOptions } from './service-options.ts';
import type { TradingConfig } from '../config/sections/trading.ts';

/**
 * The trading config in force, read at every use: risk limits, protection, trailing and the loss
 * guard follow a change saved in Settings at their next check. The order tracker keeps the values
 * it was built with (its timings are mid-flight state), so those settings apply after a restart.
 */
function tradingConfigInForce(options: TradingServiceOptions): () => TradingConfig {
  const fixed = options.config.trading;
  const read = options.currentConfig;
  return read === undefined ? () => fixed : () => read().trading;
}

/** What every builder of the runtime shares. */
interface RuntimeParts {
  readonly options: TradingServiceOptions;
  readonly emit: (event: TradingEvent) => void;
  readonly now: () => number;
  readonly logger: TradingDeps['logger'];
  readonly journal: ReturnType<typeof withFillEvents>;
  /** The runtime once it is built: the tracker's and the closer's callbacks reach it late. */
  readonly holder: { rt?: TradingRuntime };
}

/** Wires the components together (no I/O). */
export function buildRuntime(
  options: TradingServiceOptions,
  emit: (event: TradingEvent) => void,
): TradingRuntime {
  const parts: RuntimeParts = {
    options,
    emit,
    now: () => options.clock.now(),
    logger: options.logger.child({ component: 'trading' }),
    journal: withFillEvents(options.journal),
    holder: {},
  };
  const deps = buildDeps(parts, buildTracker(parts));
  const rt = assembleRuntime(parts, deps, buildStateMachine(parts, deps), buildCloser(parts, deps));
  parts.holder.rt = rt;
  return rt;
}

/**
 * The order tracker, with the trading config it was built with. Its alerts and resend checks
 * need the runtime, which exists only once everything is built; until then they do nothing.
 */
function buildTracker(parts: RuntimeParts): TradingDeps['tracker'] {
  const { options, journal, now, logger, emit, holder } = parts;
  const alertOf = (
    ...args: Parameters<typeof raiseAlert> extends [unknown, ...infer R] ? R : never
  ): void => {
    if (holder.rt !== undefined) raiseAlert(holder.rt.deps, ...args);
  };
  return createOrderTracker({
    rest: options.client.rest,
    journal,
    config: options.config.trading.orders,
    now,
    logger,
    onUpdate: ({
      requestJson: _request,
      parentClientOid: _parent,
      stopAttachment: _attachment,
      ...order
    }) => {
      emit({ name: 'trading:order-updated', payload: order });
    },
    onMismatch: (order, problem) => {
      alertOf(
        'critical',
        'order-mismatch',
        `${order.symbol}: the exchange's order ${order.clientOid} differs from the request: ${problem}`,
        order.symbol,
        { clientOid: order.clientOid },
      );
    },
    onGaveUp: (order, reason) => {
      alertOf(
        'critical',
        'order-unknown',
        `${order.symbol}: order ${order.clientOid} (${order.purpose} ${order.side} ${order.sizeLots} lots) ${reason}`,
        order.symbol,
        { clientOid: order.clientOid },
      );
    },
    mayResend: async (order) => {
      if (holder.rt !== undefined) await assertResendAllowed(holder.rt, order);
    },
  });
}

/** The dependencies every trading component is given; `config` is read afresh at each use. */
function buildDeps(parts: RuntimeParts, tracker: TradingDeps['tracker']): TradingDeps {
  const { options, journal, now, logger, emit } = parts;
  const current = tradingConfigInForce(options);
  return {
    rest: options.client.rest,
    journal,
    tracker,
    lock: createKeyedLock(),
    get config() {
      return current();
    },
    now,
    logger,
    contracts: new Map(),
    settings: tradingSettings(journal, logger),
    alert: options.alert,
    emit,
  };
}

/** The trading state machine; every change is journaled, sent to the renderer and, if it restricts trading, alerted. */
function buildStateMachine(parts: RuntimeParts, deps: TradingDeps): TradingRuntime['machine'] {
  const { journal, now, emit } = parts;
  return createTradingStateMachine(now, (change) => {
    journal.append('state-change', { ...change });
    emit({ name: 'trading:state-changed', payload: change });
    // The start-up REDUCING (reconciliation running) is routine: an event, not a notification.
    if (change.state !== 'ACTIVE' && change.details.trigger !== 'not-reconciled')
      raiseAlert(
        deps,
        change.state === 'HALTED' ? 'critical' : 'warning',
        'trading-restricted',
        `trading is ${change.state}: ${change.reason}`,
        undefined,
      );
  });
}

/** The emergency closer, closing through the runtime's own close-position action. */
function buildCloser(parts: RuntimeParts, deps: TradingDeps): TradingRuntime['closer'] {
  const { holder } = parts;
  return createEmergencyCloser(deps, {
    close: (symbol, reason) => {
      if (holder.rt === undefined) throw new Error('the trading service is not built');
      return closePosition(holder.rt, symbol, reason);
    },
    stillOpen: (symbol) => holder.rt !== undefined && !holder.rt.stopped && holder.rt.positions.has(symbol),
    requestPass: () => holder.rt?.requestTick(),
  });
}

/** The runtime over its components, with nothing read from the exchange yet. */
function assembleRuntime(
  parts: RuntimeParts,
  deps: TradingDeps,
  machine: TradingRuntime['machine'],
  closer: TradingRuntime['closer'],
): TradingRuntime {
  const { options, now } = parts;
  const watchdog = createProtectionWatchdog(deps, closer);
  const atr = options.atr;
  const lossGuard = createLossGuard(
    () => deps.config.state.dailyLossLimitUsdt,
    () => deps.config.state.maxConsecutiveStopOuts,
  );
  return {
    deps,
    client: options.client,
    machine,
    lossGuard,
    watchdog,
    closer,
    atr,
    verdictCheck: options.verdictCheck,
    liveSizeCap: options.liveSizeCap,
    trailing: createTrailingManager(deps, watchdog, atr),
    liquidation: createLiquidationWatch(deps),
    positions: new Map(),
    readings: new Map(),
    positionsAt: now(),
    baselineTaken: false,
    pendingChanges: new Map(),
    fundingChecked: new Set(),
    reconciled: false,
    stopped: false,
    pollingOrders: false,
    killSwitchEntries: 'idle',
    killSwitchRetryAt: 0,
    orderTimes: [],
    requestTick: () => undefined,
    background: new Set(),
  };
}

function restoreSticky(rt: TradingRuntime): void {
  const snapshot = rt.deps.settings.get('loss-guard');
  if (snapshot !== undefined) rt.lossGuard.restore(snapshot);
  const kill = rt.deps.settings.get('kill-switch');
  if (kill?.active === true)
    rt.machine.setTrigger('kill-switch', true, `kill switch: ${kill.reason} (still engaged after restart)`);
}

function onClientEvent(rt: TradingRuntime, event: TradingClientEvent): void {
  if (event.type === 'health') {
    rt.machine.setTrigger(event.condition, event.active, `${event.condition}: ${event.detail}`);
    return;
  }
  rt.requestTick();
}

/** Starts protection at once, then reconciles (retrying) and opens trading for entries. */
export async function startLoop(
  rt: TradingRuntime,
  client: TradingClient,
  onStoppable: (stop: () => Promise<void>) => void,
): Promise<{ report: ReconciliationReport; loop: { stop(): Promise<void> } }> {
  restoreSticky(rt);
  rt.machine.setTrigger('not-reconciled', true, 'start-up reconciliation with the exchange is running');
  const unsubscribe = client.subscribe?.((event) => {
    if (!rt.stopped) onClientEvent(rt, event);
  });
  rt.trailing.load();
  const loop = runLoop(rt);
  rt.requestTick();
  const stop = async (): Promise<void> => {
    unsubscribe?.();
    await loop.stop();
  };
  // Handed out before reconciliation: an app that quits while it runs must still stop listening.
  onStoppable(stop);
  try {
    const report = await reconcileWithRetry(rt);
    // Stopped meanwhile: the app is closing, and its journal with it; trading does not open.
    if (!rt.stopped) {
      rt.reconciled = true;
      rt.machine.setTrigger('not-reconciled', false);
    }
    return { report, loop: { stop } };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function reconcileWithRetry(rt: TradingRuntime): Promise<ReconciliationReport> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await reconcileAtStart(rt);
    } catch (error) {
      if (rt.stopped) throw error;
      rt.deps.logger.warn('reconcile-retry', { attempt, error: String(error) });
      await new Promise((resolve) => setTimeout(resolve, Math.min(5000, 250 * attempt)));
    }
  }
}

function runLoop(rt: TradingRuntime): { stop(): Promise<void> } {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let again = false;
  let busy = false;
  let lastPassAt = Number.NEGATIVE_INFINITY;
  const pass = async (): Promise<void> => {
    busy = true;
    lastPassAt = rt.deps.now();
    try {
      await runTick(rt);
      rt.machine.setTrigger('market-data-stale', false);
    } catch (error) {
      rt.deps.logger.warn('trading-pass-failed', { error: String(error) });
      const staleMs = rt.deps.now() - rt.positionsAt;
      if (staleMs > rt.deps.config.state.staleMarketDataMs)
        rt.machine.setTrigger(
          'market-data-stale',
          true,
          `positions and stops unread for ${Math.round(staleMs / 1000)} s`,
          { staleMs },
        );
    } finally {
      busy = false;
    }
  };
  const schedule = (delayMs: number): void => {
    if (rt.stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      again = false;
      running = pass().finally(() => {
        schedule(
          again ? rt.deps.config.protection.minPassIntervalMs : rt.deps.config.protection.watchdogIntervalMs,
        );
      });
    }, delayMs);
  };
  rt.requestTick = () => {
    if (busy) again = true;
    else schedule(Math.max(0, lastPassAt + rt.deps.config.protection.minPassIntervalMs - rt.deps.now()));
  };
  schedule(rt.deps.config.protection.watchdogIntervalMs);
  return {
    async stop() {
      clearTimeout(timer);
      await running;
    },
  };
}
