/**
 * The protection watchdog (ADR 0303, Bulwark edge 1): every open position must have
 * exchange-side stops covering exactly its size. Each pass compares positions with live stops,
 * repairs drift (partial fills, adds, partial closes), times how long a position has been
 * NAKED, raises a critical alert past `nakedAlertAfterS`, and — after `stopPlaceMaxAttempts`
 * failed placements — closes the position at market (freqtrade emergency_exit).
 */
import { cmp, dec, div, format, mul, roundToTick, sub, add, type Dec } from '../../../shared/domain/decimal.ts';
import type { Protection } from '../../../shared/domain/position.ts';
import { raiseAlert, stopSettingKey, type TradingDeps } from '../deps.ts';
import type { ExchangePosition } from '../wire-map.ts';
import { cancelStops, executeStopPlan, type StopExecution } from './stop-executor.ts';
import type { SidedStop } from './live-stops.ts';
import { planStops } from './stop-plan.ts';

const HUNDRED: Dec = { m: 100n, s: 0 };

/** The stop price the trader chose for a position side (persisted in the journal settings). */
export interface StopSetting {
  readonly price: string;
  readonly side: 'long' | 'short';
}

/** The watchdog. */
export interface ProtectionWatchdog {
  /** One pass for one position (under the symbol's lock). */
  protect(position: ExchangePosition, stops: readonly SidedStop[]): Promise<void>;
  /**
   * Cancels our stops on symbols without a position or a working entry, and the reduce-only stops
   * left on the wrong side of a position (from a previous position of the other side).
   */
  sweepOrphans(openSides: ReadonlyMap<string, 'long' | 'short'>, stops: ReadonlyMap<string, SidedStop[]>): Promise<void>;
  /** The badge for a symbol. */
  protection(symbol: string): Protection;
  /** Forgets a closed position's timers. */
  forget(symbol: string): void;
  /** Hands off an existing stop to a new price (trailing, manual move); returns what happened. */
  moveStop(position: ExchangePosition, stops: readonly SidedStop[], stopPrice: string): Promise<StopExecution>;
}

interface SymbolGuard {
  nakedSince: number | undefined;
  alerted: boolean;
  failures: number;
  /** An emergency close was sent for the current naked episode. */
  closing: boolean;
  status: Protection;
}

/** Builds the watchdog. `closePosition` sends a reduce-only market close (the emergency exit). */
export function createProtectionWatchdog(deps: TradingDeps, closePosition: (symbol: string, reason: string) => Promise<void>): ProtectionWatchdog {
  const guards = new Map<string, SymbolGuard>();
  const guardOf = (symbol: string): SymbolGuard => {
    let guard = guards.get(symbol);
    if (guard === undefined) {
      guard = { nakedSince: undefined, alerted: false, failures: 0, closing: false, status: { status: 'PROTECTED', stopLots: 0 } };
      guards.set(symbol, guard);
    }
    return guard;
  };
  const ctx: WatchCtx = { deps, guardOf, closePosition };
  return {
    protect: async (position, stops) => {
      // A stop request still hanging must not hold up the naked deadline (the emergency exit).
      if (deps.lock.isBusy(position.symbol)) {
        await closeIfNakedTooLong(ctx, position, guardOf(position.symbol));
        return;
      }
      await deps.lock.run(position.symbol, () => protectOnce(ctx, position, stops, undefined));
    },
    moveStop: (position, stops, stopPrice) => deps.lock.run(position.symbol, () => protectOnce(ctx, position, stops, stopPrice)),
    sweepOrphans: (openSymbols, stops) => sweepOrphans(deps, openSymbols, stops),
    protection: (symbol) => guardOf(symbol).status,
    forget: (symbol) => guards.delete(symbol),
  };
}

interface WatchCtx {
  readonly deps: TradingDeps;
  readonly guardOf: (symbol: string) => SymbolGuard;
  readonly closePosition: (symbol: string, reason: string) => Promise<void>;
}

/** The target stop: the trader's (journaled) price, else the tightest live stop, else an adopted default. */
export function targetStopPrice(deps: TradingDeps, position: ExchangePosition, stops: readonly SidedStop[]): string {
  const setting = deps.journal.getSetting(stopSettingKey(position.symbol)) as StopSetting | undefined;
  if (setting?.side === position.side) return setting.price;
  const long = position.side === 'long';
  let best: string | undefined;
  for (const stop of stops) {
    if (best === undefined || (long ? cmp(dec(stop.stopPrice), dec(best)) > 0 : cmp(dec(stop.stopPrice), dec(best)) < 0)) best = stop.stopPrice;
  }
  if (best !== undefined) return best;
  const tick = deps.contracts.get(position.symbol)?.prepared.tickSize ?? dec('0.1');
  const mark = dec(position.markPrice);
  const offset = div(mul(mark, dec(deps.config.protection.adoptedPositionStopPct)), HUNDRED, 12, 'down');
  const price = long ? roundToTick(sub(mark, offset), tick, 'down') : roundToTick(add(mark, offset), tick, 'up');
  const adopted = format(price);
  deps.journal.setSetting(stopSettingKey(position.symbol), { price: adopted, side: position.side } satisfies StopSetting);
  raiseAlert(deps, 'warning', 'position-adopted', `${position.symbol}: a ${position.side} position without a known stop was found; stop set at ${adopted}`, position.symbol, { stopPrice: adopted });
  return adopted;
}

async function protectOnce(ctx: WatchCtx, position: ExchangePosition, allStops: readonly SidedStop[], forcedPrice: string | undefined): Promise<StopExecution> {
  const { deps } = ctx;
  const closingSide = position.side === 'long' ? 'sell' : 'buy';
  const stops = allStops.filter((stop) => stop.side === closingSide);
  const target = forcedPrice ?? targetStopPrice(deps, position, stops);
  const effective = stops.map((stop) => (stop.closesAll ? { ...stop, sizeLots: position.sizeLots } : stop));
  const plan = planStops(position.side, position.sizeLots, effective, target);
  const guard = ctx.guardOf(position.symbol);
  updateBadge(deps, position, guard, plan.status, plan.coveredLots, stops[0]?.stopPrice);
  if (plan.place === undefined && plan.cancel.length === 0) return { placed: false, cancelled: 0, overlapMs: 0 };
  if (await closeIfNakedTooLong(ctx, position, guard)) return { placed: false, cancelled: 0, overlapMs: 0 };
  if (plan.place !== undefined && stopInDoubt(deps, position.symbol)) {
    // One of our stops is still being resolved by clientOid (it may exist): a second one now would
    // only pile up; wait for the answer (the naked deadline keeps running).
    return { placed: false, cancelled: 0, overlapMs: 0 };
  }
  const crossed = position.side === 'long' ? cmp(dec(target), dec(position.markPrice)) >= 0 : cmp(dec(target), dec(position.markPrice)) <= 0;
  if (crossed && plan.status === 'NAKED') {
    await ctx.closePosition(position.symbol, `stop ${target} already crossed by mark ${position.markPrice} while unprotected`);
    return { placed: false, cancelled: 0, overlapMs: 0 };
  }
  const result = await executeStopPlan(deps, position, closingSide, Math.max(1, Math.round(position.leverage)), plan);
  await afterExecution(ctx, position, guard, result, plan.status, target);
  return result;
}

function stopInDoubt(deps: TradingDeps, symbol: string): boolean {
  return deps.journal.openOrders().some((o) => o.symbol === symbol && o.purpose === 'stop' && (o.status === 'SUBMITTED' || o.status === 'UNKNOWN' || o.status === 'RECONCILING'));
}

/** Naked past `closeAfterNakedS` (whatever the reason the stop is missing) → emergency close, once. */
async function closeIfNakedTooLong(ctx: WatchCtx, position: ExchangePosition, guard: SymbolGuard): Promise<boolean> {
  const { protection } = ctx.deps.config;
  if (guard.nakedSince === undefined || guard.closing || !protection.closeOnStopFailure) return false;
  const nakedForS = (ctx.deps.now() - guard.nakedSince) / 1000;
  if (nakedForS <= protection.closeAfterNakedS) return false;
  guard.closing = true;
  raiseAlert(ctx.deps, 'critical', 'position-emergency-close', `${position.symbol}: unprotected for ${nakedForS.toFixed(1)} s; closing the position at market`, position.symbol, { nakedForS });
  await ctx.closePosition(position.symbol, `unprotected for ${nakedForS.toFixed(1)} s`);
  return true;
}

async function afterExecution(ctx: WatchCtx, position: ExchangePosition, guard: SymbolGuard, result: StopExecution, before: 'PROTECTED' | 'NAKED', target: string): Promise<void> {
  const { deps } = ctx;
  if (result.placed) {
    guard.failures = 0;
    updateBadge(deps, position, guard, 'PROTECTED', position.sizeLots, target);
    return;
  }
  if (result.failedReason === undefined || result.placedClientOid !== undefined) return;
  guard.failures += 1;
  deps.logger.warn('stop-place-failed', { symbol: position.symbol, attempt: guard.failures, reason: result.failedReason });
  if (guard.failures < deps.config.protection.stopPlaceMaxAttempts) return;
  raiseAlert(deps, 'critical', 'stop-unplaceable', `${position.symbol}: the stop could not be placed after ${guard.failures} attempts (${result.failedReason})`, position.symbol, {
    attempts: guard.failures,
    coveredBefore: before,
  });
  guard.failures = 0;
  if (deps.config.protection.closeOnStopFailure && before === 'NAKED') {
    await ctx.closePosition(position.symbol, 'protective stop could not be placed');
  }
}

function updateBadge(deps: TradingDeps, position: ExchangePosition, guard: SymbolGuard, status: 'PROTECTED' | 'NAKED', stopLots: number, stopPrice: string | undefined): void {
  const now = deps.now();
  if (status === 'NAKED') guard.nakedSince ??= now;
  else {
    guard.nakedSince = undefined;
    guard.alerted = false;
    guard.closing = false;
  }
  const changed = guard.status.status !== status || guard.status.stopLots !== stopLots;
  guard.status = { status, stopLots: Math.min(stopLots, position.sizeLots), ...(stopPrice === undefined ? {} : { stopPrice }), ...(guard.nakedSince === undefined ? {} : { nakedSince: guard.nakedSince }) };
  const nakedForS = guard.nakedSince === undefined ? 0 : (now - guard.nakedSince) / 1000;
  if (changed || status === 'NAKED') {
    deps.emit({ name: 'trading:protection-changed', payload: { symbol: position.symbol, status, positionLots: position.sizeLots, stopLots: guard.status.stopLots, nakedForS, at: now } });
  }
  if (changed) deps.journal.append('stop', { action: 'badge', status, stopLots, positionLots: position.sizeLots }, { symbol: position.symbol });
  if (status === 'NAKED' && !guard.alerted && nakedForS > deps.config.protection.nakedAlertAfterS) {
    guard.alerted = true;
    raiseAlert(deps, 'critical', 'position-naked', `${position.symbol}: ${position.sizeLots} lots without full exchange-side stop for ${nakedForS.toFixed(1)} s`, position.symbol, { nakedForS, stopLots });
  }
}

async function sweepOrphans(deps: TradingDeps, openSides: ReadonlyMap<string, 'long' | 'short'>, stops: ReadonlyMap<string, SidedStop[]>): Promise<void> {
  const working = new Set(deps.journal.openOrders().filter((o) => o.purpose === 'entry').map((o) => o.symbol));
  for (const [symbol, list] of stops) {
    const side = openSides.get(symbol);
    // A reduce-only stop with no position and no working entry is inert but misleading, and would
    // protect the wrong thing once a new position opens. Under an open position, a stop on the
    // adding side (a short's buy stop left under a long, found by the two-sided crash drill) can
    // never protect it, working entries or not (their stops come with their fills). Cancel them
    // (journaled as stop cancels); closeOrder stops close whatever is there and stay.
    const orphans =
      side !== undefined ? list.filter((stop) => !stop.closesAll && stop.side === (side === 'long' ? 'buy' : 'sell')) : working.has(symbol) ? [] : list;
    if (orphans.length > 0) await deps.lock.run(symbol, () => cancelStops(deps, symbol, orphans));
  }
}
