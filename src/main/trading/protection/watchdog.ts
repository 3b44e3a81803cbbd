/**
 * The protection watchdog (ADR 0303, 0331): every open position must have exchange-side loss-side
 * stops covering its size. Each pass compares a position with its live stops, repairs drift
 * (partial fills, adds, partial closes), times how long it has been NAKED, raises a critical alert
 * past `nakedAlertAfterS`, and — past `closeAfterNakedS`, or after `stopPlaceMaxAttempts` refused
 * placements — hands it to the emergency closer. Take-profits are never cover and never touched;
 * orders Bulwark did not place are never cancelled. Stops that could not be read make the badge
 * UNKNOWN, never PROTECTED.
 */
import type { Protection } from '../../../shared/domain/position.ts';
import { raiseAlert, type TradingDeps } from '../deps.ts';
import type { ExchangePosition } from '../wire-map.ts';
import { coverOf, isCrossed, targetStopPrice, type PositionCover } from './cover.ts';
import type { EmergencyCloser } from './emergency-close.ts';
import { closingSideOf, stopRole, type SidedStop } from './live-stops.ts';
import { cancelStops, executeStopPlan, type StopExecution } from './stop-executor.ts';
import { planStops, type StopPlan } from './stop-plan.ts';

/** The watchdog. */
export interface ProtectionWatchdog {
  /** One pass for one position (under the symbol's lock). */
  protect(position: ExchangePosition, stops: readonly SidedStop[]): Promise<void>;
  /** The position's stops could not be read this pass: its badge says UNKNOWN (alerted if it lasts). */
  unknown(position: ExchangePosition, reason: string): void;
  /**
   * Cancels our stops on symbols without a position or a working entry, and our reduce-only stops
   * on the adding side of a position (left from a previous position of the other side).
   */
  sweepOrphans(
    openSides: ReadonlyMap<string, 'long' | 'short'>,
    stops: ReadonlyMap<string, SidedStop[]>,
  ): Promise<void>;
  /** The badge for a symbol. */
  protection(symbol: string): Protection;
  /** Forgets a closed position's timers. */
  forget(symbol: string): void;
  /** Hands off our stop to a new price (trailing, manual move); returns what happened. */
  moveStop(
    position: ExchangePosition,
    stops: readonly SidedStop[],
    stopPrice: string,
  ): Promise<StopExecution>;
}

interface SymbolGuard {
  nakedSince: number | undefined;
  unknownSince: number | undefined;
  alerted: boolean;
  failures: number;
  status: Protection;
}

interface WatchCtx {
  readonly deps: TradingDeps;
  readonly guardOf: (symbol: string) => SymbolGuard;
  readonly closer: EmergencyCloser;
}

const idle: StopExecution = { placed: false, cancelled: 0, overlapMs: 0, gapMs: 0 };

/** Builds the watchdog over the emergency closer. */
export function createProtectionWatchdog(deps: TradingDeps, closer: EmergencyCloser): ProtectionWatchdog {
  const guards = new Map<string, SymbolGuard>();
  const guardOf = (symbol: string): SymbolGuard => {
    let guard = guards.get(symbol);
    if (guard === undefined) {
      guard = {
        nakedSince: undefined,
        unknownSince: undefined,
        alerted: false,
        failures: 0,
        status: { status: 'UNKNOWN', stopLots: 0 },
      };
      guards.set(symbol, guard);
    }
    return guard;
  };
  const ctx: WatchCtx = { deps, guardOf, closer };
  return {
    protect: async (position, stops) => {
      // A stop request still hanging must not hold up the naked deadline (the emergency exit).
      if (deps.lock.isBusy(position.symbol)) {
        closeIfNakedTooLong(ctx, position, guardOf(position.symbol));
        return;
      }
      await deps.lock.run(position.symbol, () => protectOnce(ctx, position, stops, undefined));
    },
    unknown: (position, reason) => {
      markUnknown(ctx, position, reason);
    },
    moveStop: (position, stops, stopPrice) =>
      deps.lock.run(position.symbol, () => protectOnce(ctx, position, stops, stopPrice)),
    sweepOrphans: (openSides, stops) => sweepOrphans(deps, openSides, stops),
    protection: (symbol) => guardOf(symbol).status,
    forget: (symbol) => guards.delete(symbol),
  };
}

async function protectOnce(
  ctx: WatchCtx,
  position: ExchangePosition,
  allStops: readonly SidedStop[],
  forcedPrice: string | undefined,
): Promise<StopExecution> {
  const { deps } = ctx;
  const guard = ctx.guardOf(position.symbol);
  const cover = coverOf(deps, position, allStops);
  const live = [...cover.ours, ...cover.foreign];
  const target = forcedPrice ?? (await targetStopPrice(deps, position, live));
  if (target === undefined) {
    // No stop price is known and none can be derived (no mark): say so; the naked deadline runs.
    updateBadge(deps, position, guard, cover, cover.coveredLots >= position.sizeLots ? 'PROTECTED' : 'NAKED');
    closeIfNakedTooLong(ctx, position, guard);
    return idle;
  }
  const plan = planStops(position.sizeLots, cover, target);
  updateBadge(deps, position, guard, cover, plan.status);
  if (plan.place === undefined && plan.cancel.length === 0) return idle;
  if (closeIfNakedTooLong(ctx, position, guard)) return idle;
  if (plan.place !== undefined && stopInDoubt(deps, position.symbol)) return idle;
  if (plan.status === 'NAKED' && isCrossed(position, target)) {
    ctx.closer.request(
      position.symbol,
      `stop ${target} already crossed by mark ${position.markPrice ?? 'unknown'} while unprotected`,
    );
    return idle;
  }
  const result = await executeStopPlan(deps, position, closingSideOf(position.side), plan);
  afterExecution(ctx, position, guard, result, plan, cover);
  return result;
}

/**
 * One of our stops is still being resolved by clientOid (it may exist): a second one now would only
 * pile up — for `stopDoubtGraceMs`. After that a naked position gets another (reduce-only) stop.
 */
function stopInDoubt(deps: TradingDeps, symbol: string): boolean {
  const now = deps.now();
  return deps.journal
    .openOrders()
    .some(
      (o) =>
        o.symbol === symbol &&
        o.purpose === 'stop' &&
        (o.status === 'SUBMITTED' || o.status === 'UNKNOWN' || o.status === 'RECONCILING') &&
        now - o.createdAt < deps.config.protection.stopDoubtGraceMs,
    );
}

/** Naked past `closeAfterNakedS` (whatever the reason the stop is missing) → the emergency closer. */
function closeIfNakedTooLong(ctx: WatchCtx, position: ExchangePosition, guard: SymbolGuard): boolean {
  const { protection } = ctx.deps.config;
  if (guard.nakedSince === undefined || !protection.closeOnStopFailure) return false;
  const nakedForS = (ctx.deps.now() - guard.nakedSince) / 1000;
  if (nakedForS <= protection.closeAfterNakedS) return false;
  ctx.closer.request(position.symbol, `unprotected for ${nakedForS.toFixed(1)} s`);
  return true;
}

function afterExecution(
  ctx: WatchCtx,
  position: ExchangePosition,
  guard: SymbolGuard,
  result: StopExecution,
  plan: StopPlan,
  cover: PositionCover,
): void {
  const { deps } = ctx;
  if (result.placed) {
    guard.failures = 0;
    updateBadge(
      deps,
      position,
      guard,
      {
        ...cover,
        coveredLots: cover.coveredLots + (plan.place?.sizeLots ?? 0),
        displayPrice: plan.place?.stopPrice ?? cover.displayPrice,
      },
      'PROTECTED',
    );
    return;
  }
  if (result.failedReason === undefined || result.placedClientOid !== undefined) return;
  guard.failures += 1;
  deps.logger.warn('stop-place-failed', {
    symbol: position.symbol,
    attempt: guard.failures,
    reason: result.failedReason,
  });
  if (guard.failures < deps.config.protection.stopPlaceMaxAttempts) return;
  const closing = deps.config.protection.closeOnStopFailure && plan.status === 'NAKED';
  raiseAlert(
    deps,
    'critical',
    'stop-unplaceable',
    `${position.symbol}: the stop could not be placed after ${guard.failures} attempts (${result.failedReason})${closing ? '; closing the position at market' : ''}`,
    position.symbol,
    {
      attempts: guard.failures,
      coveredBefore: plan.status,
    },
  );
  guard.failures = 0;
  if (closing)
    ctx.closer.request(position.symbol, 'protective stop could not be placed', { alreadyAlerted: true });
}

function updateBadge(
  deps: TradingDeps,
  position: ExchangePosition,
  guard: SymbolGuard,
  cover: PositionCover,
  status: 'PROTECTED' | 'NAKED',
): void {
  const now = deps.now();
  guard.unknownSince = undefined;
  if (status === 'NAKED') guard.nakedSince ??= now;
  else {
    guard.nakedSince = undefined;
    guard.alerted = false;
  }
  const stopLots = Math.min(cover.coveredLots, position.sizeLots);
  const changed = guard.status.status !== status || guard.status.stopLots !== stopLots;
  guard.status = {
    status,
    stopLots,
    takeProfits: cover.takeProfits,
    ...(cover.displayPrice === undefined ? {} : { stopPrice: cover.displayPrice }),
    ...(guard.nakedSince === undefined ? {} : { nakedSince: guard.nakedSince }),
  };
  const nakedForS = guard.nakedSince === undefined ? 0 : (now - guard.nakedSince) / 1000;
  if (changed || status === 'NAKED') {
    deps.emit({
      name: 'trading:protection-changed',
      payload: {
        symbol: position.symbol,
        status,
        positionLots: position.sizeLots,
        stopLots,
        nakedForS,
        at: now,
      },
    });
  }
  if (changed)
    deps.journal.append(
      'stop',
      { action: 'badge', status, stopLots, positionLots: position.sizeLots },
      { symbol: position.symbol },
    );
  if (status === 'NAKED') alertIfNakedTooLong(deps, position, guard, nakedForS, stopLots);
}

/** Raises the critical alert once, when a position has been without a full stop for too long. */
function alertIfNakedTooLong(
  deps: TradingDeps,
  position: ExchangePosition,
  guard: SymbolGuard,
  nakedForS: number,
  stopLots: number,
): void {
  if (guard.alerted || nakedForS <= deps.config.protection.nakedAlertAfterS) return;
  guard.alerted = true;
  raiseAlert(
    deps,
    'critical',
    'position-naked',
    `${position.symbol}: ${position.sizeLots} lots without full exchange-side stop for ${nakedForS.toFixed(1)} s`,
    position.symbol,
    { nakedForS, stopLots },
  );
}

function markUnknown(ctx: WatchCtx, position: ExchangePosition, reason: string): void {
  const { deps } = ctx;
  const guard = ctx.guardOf(position.symbol);
  const now = deps.now();
  const changed = guard.status.status !== 'UNKNOWN';
  guard.unknownSince ??= now;
  guard.status = {
    status: 'UNKNOWN',
    stopLots: 0,
    ...(guard.status.stopPrice === undefined ? {} : { stopPrice: guard.status.stopPrice }),
  };
  const unknownForS = (now - guard.unknownSince) / 1000;
  if (changed) {
    deps.emit({
      name: 'trading:protection-changed',
      payload: {
        symbol: position.symbol,
        status: 'UNKNOWN',
        positionLots: position.sizeLots,
        stopLots: 0,
        nakedForS: 0,
        at: now,
      },
    });
    deps.journal.append(
      'stop',
      { action: 'badge', status: 'UNKNOWN', reason, positionLots: position.sizeLots },
      { symbol: position.symbol },
    );
  }
  if (!guard.alerted && unknownForS > deps.config.protection.nakedAlertAfterS) {
    guard.alerted = true;
    raiseAlert(
      deps,
      'critical',
      'protection-unknown',
      `${position.symbol}: the exchange stops could not be read for ${unknownForS.toFixed(1)} s (${reason}); protection cannot be confirmed`,
      position.symbol,
      { unknownForS },
    );
  }
}

async function sweepOrphans(
  deps: TradingDeps,
  openSides: ReadonlyMap<string, 'long' | 'short'>,
  stops: ReadonlyMap<string, SidedStop[]>,
): Promise<void> {
  const working = new Set(
    deps.journal
      .openOrders()
      .filter((o) => o.purpose === 'entry')
      .map((o) => o.symbol),
  );
  for (const [symbol, list] of stops) {
    const side = openSides.get(symbol);
    // A reduce-only stop of ours with no position and no working entry is inert but misleading, and
    // would protect the wrong thing once a new position opens. Under an open position, one of ours
    // on the adding side (a short's buy stop left under a long) can never protect it. Cancel those;
    // closeOrder stops close whatever is there and stay; foreign orders are never touched.
    const ours = list.filter((stop) => stop.ours && !stop.closesAll);
    const orphans =
      side !== undefined
        ? ours.filter((stop) => stopRole(stop, side) === 'adding-side')
        : working.has(symbol)
          ? []
          : ours;
    if (orphans.length > 0) await deps.lock.run(symbol, () => cancelStops(deps, symbol, orphans));
  }
}
