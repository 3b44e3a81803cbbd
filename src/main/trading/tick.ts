/**
 * One pass of the engine (every `watchdogIntervalMs`, and at once after order or position
 * events): poll open orders (the WS fallback), read positions and live stops, explain every
 * reduction, protect every position, trail, watch liquidation, sweep orphan stops, and raise or
 * clear the state triggers that depend on what was seen.
 */
import { positionSchema, type Position } from '../../shared/domain/position.ts';
import type { TradingDeps } from './deps.ts';
import { fetchStopOrders, groupLiveStops, type SidedStop } from './protection/live-stops.ts';
import { accountFunding } from './positions/funding.ts';
import { detectReduction } from './positions/position-monitor.ts';
import { refreshRiskTiersQuietly } from './risk/risk-tiers.ts';
import type { TradingRuntime } from './runtime.ts';
import { positionFromWire, type ExchangePosition } from './wire-map.ts';

/** Reads open positions (USDT-settled). */
export async function fetchPositions(deps: TradingDeps): Promise<Map<string, ExchangePosition>> {
  const wire = await deps.rest.listPositions();
  const map = new Map<string, ExchangePosition>();
  for (const item of wire) {
    const position = positionFromWire(item);
    if (position !== 'closed') map.set(position.symbol, position);
  }
  return map;
}

/** Runs one pass. Throws when the exchange cannot be read (the caller counts staleness). */
export async function runTick(rt: TradingRuntime): Promise<void> {
  const { deps } = rt;
  const since = rt.positionsAt;
  const stopOrders = await fetchStopOrders(deps.rest);
  await deps.tracker.pollOpen(stopOrders);
  const positions = await fetchPositions(deps);
  const stops = groupLiveStops(stopOrders);
  rt.positionsAt = deps.now();
  accountFunding(rt, positions);
  await explainReductions(rt, positions, since);
  rt.positions = positions;
  // Symbols in parallel: a hanging stop request on one must not delay the others' protection.
  await Promise.all([...positions.values()].map((position) => guardPosition(rt, position, stops.get(position.symbol) ?? [])));
  await rt.watchdog.sweepOrphans(new Map([...positions.values()].map((p) => [p.symbol, p.side])), stops);
  applyGuardTriggers(rt);
}

async function guardPosition(rt: TradingRuntime, position: ExchangePosition, stops: readonly SidedStop[]): Promise<void> {
  const before = rt.watchdog.protection(position.symbol);
  // Wait at most one pass interval: a hanging stop request keeps its lock and finishes in the
  // background while the next passes keep timing the naked deadline.
  const protecting = rt.watchdog.protect(position, stops).catch((error: unknown) => {
    rt.deps.logger.warn('protect-failed', { symbol: position.symbol, error: String(error) });
  });
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([protecting, new Promise((resolve) => (timer = setTimeout(resolve, rt.deps.config.protection.watchdogIntervalMs)))]);
  clearTimeout(timer);
  const after = rt.watchdog.protection(position.symbol);
  // Trail only from a settled cover: if the watchdog just acted, the stop list is stale.
  const settled = before.status === 'PROTECTED' && after.status === 'PROTECTED' && before.stopLots === after.stopLots;
  if (settled) await rt.trailing.onMark(position, stops);
  await refreshRiskTiersQuietly(rt.deps, position.symbol);
  const atr = rt.atr.cached(position.symbol);
  rt.readings.set(position.symbol, rt.liquidation.observe(position, atr));
  rt.deps.emit({ name: 'trading:position-updated', payload: { symbol: position.symbol, position: positionView(rt, position), at: rt.deps.now() } });
}

async function explainReductions(rt: TradingRuntime, positions: Map<string, ExchangePosition>, sinceMs: number): Promise<void> {
  for (const previous of rt.positions.values()) {
    const current = positions.get(previous.symbol);
    const reduction = await detectReduction(rt.deps, previous, current, sinceMs);
    if (reduction === undefined) continue;
    if (reduction.fullyClosed) {
      rt.watchdog.forget(previous.symbol);
      rt.liquidation.forget(previous.symbol);
      if (current === undefined) {
        rt.trailing.forget(previous.symbol);
        rt.deps.emit({ name: 'trading:position-updated', payload: { symbol: previous.symbol, position: null, at: rt.deps.now() } });
      }
      const status = rt.lossGuard.record({ realisedPnlUsdt: reduction.tradePnl, byStop: reduction.cause === 'stop', at: rt.deps.now() });
      rt.deps.journal.setSetting('loss-guard', rt.lossGuard.snapshot());
      rt.deps.journal.append('position-event', { event: 'guard', ...status }, { symbol: previous.symbol });
    }
  }
}

/** Daily loss and stop-out streak → REDUCING (sticky), with the numbers. */
export function applyGuardTriggers(rt: TradingRuntime): void {
  const status = rt.lossGuard.status(rt.deps.now());
  rt.machine.setTrigger('daily-loss', status.dailyLossLimitHit, `daily realised loss ${status.dailyRealisedPnl} USDT reached the limit ${rt.deps.config.state.dailyLossLimitUsdt} USDT`, {
    dailyRealisedPnl: status.dailyRealisedPnl,
  });
  if (status.stopOutLimitHit) {
    rt.machine.setTrigger('consecutive-stop-outs', true, `${status.consecutiveStopOuts} stop-outs in a row (limit ${rt.deps.config.state.maxConsecutiveStopOuts})`, { consecutiveStopOuts: status.consecutiveStopOuts });
  }
}

/** The renderer's view of a position. */
export function positionView(rt: TradingRuntime, position: ExchangePosition): Position {
  const reading = rt.readings.get(position.symbol);
  return positionSchema.parse({
    symbol: position.symbol,
    side: position.side,
    sizeLots: position.sizeLots,
    avgEntryPrice: position.avgEntryPrice,
    markPrice: position.markPrice,
    liquidationPrice: reading?.liquidationPrice ?? position.liquidationPrice,
    leverage: position.leverage > 0 ? position.leverage : 1,
    unrealisedPnl: /^-?\d+(\.\d+)?$/.test(position.unrealisedPnl) ? position.unrealisedPnl : '0',
    distanceToLiquidationPct: Number.isFinite(reading?.distancePct) ? reading?.distancePct : 100,
    ...(reading?.distanceAtr === undefined ? {} : { distanceToLiquidationAtr: reading.distanceAtr }),
    protection: rt.watchdog.protection(position.symbol),
    updatedAt: rt.positionsAt,
  });
}
