/**
 * One pass of the engine (every `watchdogIntervalMs`, and at once after order or position events):
 * read positions and live stops (protective lane, side by side), protect every position with what
 * could be read, keep its take-profit (ADR 0342), trail, watch liquidation, sweep orphan stops, then explain position changes and
 * funding, and raise or clear the state triggers that depend on what was seen (ADR 0335). One read
 * failing never skips another's work: stops unreadable → the badges say UNKNOWN; positions
 * unreadable → the last known positions are still guarded where that is safe; fills unreadable →
 * the change is explained on a later pass. Polling our own orders runs beside all this, never in
 * front of it, so a stuck order can never hold protection up.
 */
import { positionSchema, type Position } from '../../shared/domain/position.ts';
import type { KucoinOrder } from '../exchange/kucoin/schemas/orders.ts';
import type { TradingDeps } from './deps.ts';
import { applyEntryIntents } from './entry-intents.ts';
import { cancelEntriesWhileKilled } from './kill-switch-entries.ts';
import { atrOf } from './trailing/atr-source.ts';
import { claimAttachedStops } from './protection/attached-stops.ts';
import { coverOf } from './protection/cover.ts';
import { fetchStopOrders, groupLiveStops, type SidedStop } from './protection/live-stops.ts';
import { accountFunding, fundingDue } from './positions/funding.ts';
import { accountPositionChange } from './positions/position-monitor.ts';
import { refreshRiskTiersQuietly } from './risk/risk-tiers.ts';
import { inBackground, type TradingRuntime } from './runtime.ts';
import { saveLossGuard } from './state/loss-guard-store.ts';
import { keepTakeProfitWithin } from './take-profit/take-profit-pass.ts';
import { forgetTakeProfitWhenFlat } from './take-profit/take-profit-setting.ts';
import { positionFromWire, type ExchangePosition } from './wire-map.ts';

/** Reads open positions (USDT-settled) through the protective lane. */
export async function fetchPositions(deps: TradingDeps): Promise<Map<string, ExchangePosition>> {
  const wire = await deps.rest.listPositions(undefined, { lane: 'protective' });
  const map = new Map<string, ExchangePosition>();
  for (const item of wire) {
    const position = positionFromWire(item);
    if (position !== 'closed') map.set(position.symbol, position);
  }
  return map;
}

/** What one pass could read. */
interface PassReads {
  readonly positions: Map<string, ExchangePosition> | undefined;
  readonly stopItems: KucoinOrder[] | undefined;
  readonly failures: string[];
}

async function readExchange(deps: TradingDeps): Promise<PassReads> {
  const [positions, stops] = await Promise.allSettled([
    fetchPositions(deps),
    fetchStopOrders(deps.rest, { lane: 'protective' }),
  ]);
  const failures: string[] = [];
  if (positions.status === 'rejected') failures.push(`positions: ${String(positions.reason)}`);
  if (stops.status === 'rejected') failures.push(`stop orders: ${String(stops.reason)}`);
  return {
    positions: positions.status === 'fulfilled' ? positions.value : undefined,
    stopItems: stops.status === 'fulfilled' ? stops.value : undefined,
    failures,
  };
}

/**
 * Runs one pass. Throws after the pass (never before protecting) when something could not be
 * read, so the caller counts how long the data has been stale.
 */
export async function runTick(rt: TradingRuntime): Promise<void> {
  const { deps } = rt;
  const since = rt.positionsAt;
  const reads = await readExchange(deps);
  pollOrdersBeside(rt, reads.stopItems);
  if (reads.stopItems !== undefined) claimAttachedStops(rt, reads.stopItems);
  const stops = reads.stopItems === undefined ? undefined : groupLiveStops(reads.stopItems, deps.journal);
  const previous = rt.positions;
  const fresh = reads.positions !== undefined;
  const guarded = reads.positions ?? previous;
  if (reads.positions !== undefined) {
    rt.positionsAt = deps.now();
    if (rt.baselineTaken) noteChanges(rt, previous, reads.positions, since);
    else takeBaseline(rt, reads.positions);
  }
  const due = reads.positions === undefined ? [] : fundingDue(rt, reads.positions);
  if (reads.positions !== undefined) rt.positions = reads.positions;
  // An entry accepted or filled since the last pass brings its stop now, before it is protected.
  applyEntryIntents(rt);
  cancelEntriesWhileKilled(rt);
  // Symbols in parallel: a hanging stop request on one must not delay the others' protection.
  await Promise.all(
    [...guarded.values()].map((position) =>
      guardPosition(
        rt,
        position,
        stops === undefined ? undefined : (stops.get(position.symbol) ?? []),
        fresh,
      ),
    ),
  );
  if (stops !== undefined && fresh)
    await rt.watchdog.sweepOrphans(new Map([...guarded.values()].map((p) => [p.symbol, p.side])), stops);
  // Funding first: a close explained below then carries every settlement counted for it.
  for (const symbol of due) {
    await accountFunding(rt, symbol).catch((error: unknown) => {
      rt.deps.logger.warn('funding-read-failed', { symbol, error: String(error) });
    });
  }
  if (fresh) await explainChanges(rt);
  applyGuardTriggers(rt);
  if (reads.failures.length > 0) throw new Error(`could not read ${reads.failures.join('; ')}`);
}

/** Order polling (the WS fallback) runs on its own, single-flight; protection never waits for it. */
function pollOrdersBeside(rt: TradingRuntime, stopItems: readonly KucoinOrder[] | undefined): void {
  if (rt.pollingOrders) return;
  rt.pollingOrders = true;
  const polling = rt.deps.tracker
    .pollOpen(stopItems)
    .catch((error: unknown) => {
      rt.deps.logger.warn('order-poll-failed', { error: String(error) });
    })
    .finally(() => {
      rt.pollingOrders = false;
    });
  inBackground(rt, polling);
}

async function guardPosition(
  rt: TradingRuntime,
  position: ExchangePosition,
  stops: readonly SidedStop[] | undefined,
  fresh: boolean,
): Promise<void> {
  const { deps } = rt;
  if (stops === undefined) {
    rt.watchdog.unknown(position, 'the stop orders could not be read');
  } else if (fresh) {
    await protectWithin(rt, position, stops);
    // The take-profit after the loss-side stop, never before it (ADR 0342).
    await keepTakeProfitWithin(rt, position, stops);
  } else {
    // Positions unreadable: only a last-known position with no loss-side cover at all is given a
    // stop (reduce-only: harmless if it has closed); nothing is cancelled on stale sizes.
    if (coverOf(deps, position, stops).coveredLots === 0) await protectWithin(rt, position, stops);
    rt.watchdog.unknown(position, 'the positions could not be read');
  }
  await refreshRiskTiersQuietly(deps, position.symbol);
  const { atrTimeframeMin, atrPeriod } = deps.config.trailing;
  rt.readings.set(
    position.symbol,
    rt.liquidation.observe(position, atrOf(rt.atr, position.symbol, atrTimeframeMin, atrPeriod)),
  );
  deps.emit({
    name: 'trading:position-updated',
    payload: { symbol: position.symbol, position: positionView(rt, position), at: deps.now() },
  });
}

/** Protects, waiting at most one pass interval: a hanging stop request finishes in the background. */
async function protectWithin(
  rt: TradingRuntime,
  position: ExchangePosition,
  stops: readonly SidedStop[],
): Promise<void> {
  const before = rt.watchdog.protection(position.symbol);
  const protecting = rt.watchdog.protect(position, stops).catch((error: unknown) => {
    rt.deps.logger.warn('protect-failed', { symbol: position.symbol, error: String(error) });
  });
  inBackground(rt, protecting);
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    protecting,
    new Promise((resolve) => (timer = setTimeout(resolve, rt.deps.config.protection.watchdogIntervalMs))),
  ]);
  clearTimeout(timer);
  const after = rt.watchdog.protection(position.symbol);
  // Trail only from a settled cover: if the watchdog just acted, the stop list is stale.
  const settled =
    before.status === 'PROTECTED' && after.status === 'PROTECTED' && before.stopLots === after.stopLots;
  if (settled) await rt.trailing.onMark(position, stops);
}

/**
 * The first read of a session: the positions found are where we start, not changes (what happened
 * while the app was closed has no fills window); trailing states left for a position that is gone,
 * or now on the other side, are cleared.
 */
function takeBaseline(rt: TradingRuntime, positions: ReadonlyMap<string, ExchangePosition>): void {
  rt.baselineTaken = true;
  const working = new Set(
    rt.deps.journal
      .openOrders()
      .filter((o) => o.purpose === 'entry')
      .map((o) => o.symbol),
  );
  for (const state of rt.trailing.list()) {
    const position = positions.get(state.symbol);
    const gone = position === undefined ? !working.has(state.symbol) : position.side !== state.positionSide;
    if (gone) rt.trailing.forget(state.symbol);
  }
  // A take-profit left for a position that closed while the app was away must not pass to the next one.
  for (const symbol of rt.deps.contracts.keys())
    if (!positions.has(symbol)) forgetTakeProfitWhenFlat(rt.deps, symbol);
}

/** Records every position change of this read as pending until its fills are read. */
function noteChanges(
  rt: TradingRuntime,
  previous: ReadonlyMap<string, ExchangePosition>,
  current: ReadonlyMap<string, ExchangePosition>,
  sinceMs: number,
): void {
  for (const symbol of new Set([...previous.keys(), ...current.keys()])) {
    if (rt.pendingChanges.has(symbol)) continue;
    const before = previous.get(symbol);
    const after = current.get(symbol);
    if (before?.side === after?.side && before?.sizeLots === after?.sizeLots) continue;
    rt.pendingChanges.set(symbol, { previous: before, sinceMs });
  }
}

async function explainChanges(rt: TradingRuntime): Promise<void> {
  for (const [symbol, pending] of [...rt.pendingChanges]) {
    const current = rt.positions.get(symbol);
    try {
      const reduction = await accountPositionChange(rt.deps, pending.previous, current, pending.sinceMs);
      rt.pendingChanges.delete(symbol);
      if (pending.previous !== undefined && current?.side !== pending.previous.side)
        forgetClosed(rt, symbol, pending.previous.side, current === undefined);
      if (reduction === undefined) continue;
      // Every reduction counts toward the day's loss; the stop-out streak counts whole closes.
      const status = rt.lossGuard.record({
        realisedPnlUsdt: reduction.tradePnl,
        byStop: reduction.cause === 'stop',
        at: rt.deps.now(),
        ...(reduction.fullyClosed ? {} : { partial: true }),
      });
      saveLossGuard(rt);
      rt.deps.journal.append('position-event', { event: 'guard', ...status }, { symbol });
    } catch (error) {
      rt.deps.logger.warn('position-change-unexplained', { symbol, error: String(error) });
    }
  }
}

/** A position closed (or flipped): its timers, readings and trailing state belong to the old one. */
function forgetClosed(rt: TradingRuntime, symbol: string, side: 'long' | 'short', flat: boolean): void {
  rt.liquidation.forget(symbol);
  if (rt.trailing.get(symbol)?.positionSide === side) rt.trailing.forget(symbol);
  if (!flat) return;
  forgetTakeProfitWhenFlat(rt.deps, symbol);
  rt.watchdog.forget(symbol);
  rt.readings.delete(symbol);
  rt.deps.emit({ name: 'trading:position-updated', payload: { symbol, position: null, at: rt.deps.now() } });
}

/** Daily loss and stop-out streak → REDUCING (sticky), with the numbers. */
export function applyGuardTriggers(rt: TradingRuntime): void {
  const status = rt.lossGuard.status(rt.deps.now());
  rt.machine.setTrigger(
    'daily-loss',
    status.dailyLossLimitHit,
    `daily realised loss ${status.dailyRealisedPnl} USDT reached the limit ${rt.deps.config.state.dailyLossLimitUsdt} USDT`,
    {
      dailyRealisedPnl: status.dailyRealisedPnl,
    },
  );
  if (status.stopOutLimitHit) {
    rt.machine.setTrigger(
      'consecutive-stop-outs',
      true,
      `${status.consecutiveStopOuts} stop-outs in a row (limit ${rt.deps.config.state.maxConsecutiveStopOuts})`,
      { consecutiveStopOuts: status.consecutiveStopOuts },
    );
  }
}

const isDecimal = (text: string | undefined): text is string =>
  text !== undefined && /^-?\d+(\.\d+)?$/.test(text);

/** The renderer's view of a position: what is not known is `null`, never a made-up number. */
export function positionView(rt: TradingRuntime, position: ExchangePosition): Position {
  const reading = rt.readings.get(position.symbol);
  const distance = reading?.distancePct;
  return positionSchema.parse({
    symbol: position.symbol,
    side: position.side,
    sizeLots: position.sizeLots,
    marginMode: position.marginMode,
    avgEntryPrice: position.avgEntryPrice ?? null,
    markPrice: position.markPrice ?? null,
    liquidationPrice: reading?.liquidationPrice ?? position.liquidationPrice ?? null,
    leverage: position.leverage ?? null,
    unrealisedPnl: isDecimal(position.unrealisedPnl) ? position.unrealisedPnl : null,
    realisedPnl: isDecimal(position.realisedPnl) ? position.realisedPnl : null,
    marginUsdt: position.marginUsdt ?? null,
    distanceToLiquidationPct: distance !== undefined && Number.isFinite(distance) ? distance : null,
    ...(reading?.distanceAtr === undefined ? {} : { distanceToLiquidationAtr: reading.distanceAtr }),
    protection: rt.watchdog.protection(position.symbol),
    updatedAt: rt.positionsAt,
  });
}
