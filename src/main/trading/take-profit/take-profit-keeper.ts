/**
 * Keeps a position's take-profit at the exchange (ADR 0342): one reduce-only profit-side stop of
 * ours at the trader's price, sized to the position, replaced new-first when the size or the price
 * changes, cancelled when the trader removes it. It runs after the loss-side stop and under its own
 * lock, so a slow take-profit request never holds up the watchdog; it is placed or replaced only
 * while the loss-side stop covers the position (protection first), while cancels go at any time.
 */
import { terminalOrderStatuses } from '../../../shared/domain/order.ts';
import type { TradingDeps } from '../deps.ts';
import { closingSideOf, stopRole, type SidedStop } from '../protection/live-stops.ts';
import { executeStopPlan, type StopExecution } from '../protection/stop-executor.ts';
import type { ExchangePosition } from '../wire-map.ts';
import { planTakeProfit } from './take-profit-plan.ts';
import { takeProfitFor } from './take-profit-setting.ts';

/** The lock key of a symbol's take-profit (apart from the symbol's stop lock). */
export const takeProfitLockOf = (symbol: string): string => `take-profit:${symbol}`;

/** Our untriggered take-profits of `position` among the symbol's live stops. */
export function ourTakeProfits(position: ExchangePosition, stops: readonly SidedStop[]): SidedStop[] {
  return stops.filter(
    (stop) =>
      stop.symbol === position.symbol &&
      stop.ours &&
      !stop.closesAll &&
      stopRole(stop, position.side) === 'take-profit',
  );
}

/**
 * One of ours was sent but is not in the stops read (still in doubt, or placed after the read):
 * another now would only pile up.
 */
function takeProfitInFlight(deps: TradingDeps, symbol: string, live: readonly SidedStop[]): boolean {
  const now = deps.now();
  const seen = new Set(live.map((stop) => stop.clientOid));
  return deps.journal
    .openOrders()
    .some(
      (o) =>
        o.symbol === symbol &&
        o.purpose === 'take-profit' &&
        !terminalOrderStatuses.has(o.status) &&
        !seen.has(o.clientOid) &&
        now - o.createdAt < deps.config.protection.stopDoubtGraceMs,
    );
}

/** Options of one keeping pass. */
export interface KeepOptions {
  /** The loss-side stop covers the position now (a take-profit is only placed then). */
  readonly covered: boolean;
  /** Wait for the symbol's take-profit lock instead of skipping when it is busy (the trader's change). */
  readonly wait?: boolean;
}

const idle: StopExecution = { placed: false, cancelled: 0, overlapMs: 0, gapMs: 0 };

/** Brings the position's take-profit at the exchange in line with the setting. */
export async function keepTakeProfit(
  deps: TradingDeps,
  position: ExchangePosition,
  stops: readonly SidedStop[],
  options: KeepOptions,
): Promise<StopExecution> {
  const key = takeProfitLockOf(position.symbol);
  if (options.wait !== true && deps.lock.isBusy(key)) return idle;
  return deps.lock.run(key, async () => {
    const ours = ourTakeProfits(position, stops);
    const plan = planTakeProfit(position.sizeLots, ours, takeProfitFor(deps, position.symbol, position.side));
    if (plan.place === undefined && plan.cancel.length === 0) return idle;
    if (plan.place !== undefined && (!options.covered || takeProfitInFlight(deps, position.symbol, ours)))
      return idle;
    const result = await executeStopPlan(deps, position, closingSideOf(position.side), plan, 'take-profit');
    if (result.failedReason !== undefined)
      deps.logger.warn('take-profit-place-failed', { symbol: position.symbol, reason: result.failedReason });
    return result;
  });
}
