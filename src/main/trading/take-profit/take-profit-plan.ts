/**
 * What the engine must do about a position's take-profit (ADR 0342), pure: exactly one
 * reduce-only profit-side stop of ours, at the trader's price, sized to the position. Foreign
 * take-profits are never part of the plan (never counted, never cancelled).
 */
import { cmp, dec } from '../../../shared/domain/decimal.ts';
import type { LiveStop } from '../protection/stop-plan.ts';

/** Place one take-profit of ours (then cancel the listed ones), or only cancel. */
export interface TakeProfitPlan {
  readonly place?: { readonly sizeLots: number; readonly stopPrice: string };
  readonly cancel: readonly LiveStop[];
}

/**
 * Plans for a position of `positionLots` whose take-profit should be at `target` (none: every
 * one of ours goes). A take-profit of ours of exactly the size at exactly the price is kept; any
 * other is replaced — the new one first, the old ones cancelled after.
 */
export function planTakeProfit(
  positionLots: number,
  ours: readonly LiveStop[],
  target: string | undefined,
): TakeProfitPlan {
  if (target === undefined) return { cancel: ours };
  const price = dec(target);
  const keeper = ours.find((stop) => stop.sizeLots === positionLots && cmp(dec(stop.stopPrice), price) === 0);
  if (keeper !== undefined) return { cancel: ours.filter((stop) => stop !== keeper) };
  return { place: { sizeLots: positionLots, stopPrice: target }, cancel: ours };
}
