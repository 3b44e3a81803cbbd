/**
 * What the protection watchdog must do for one position (ADR 0303): exchange-side stops must
 * cover exactly the position size (field lessons 4, 5). Pure planner: the service executes the
 * plan new-stop-first, then cancels the surplus, so there is never less cover than before.
 */
import { cmp, dec } from '../../../shared/domain/decimal.ts';
import type { PositionSide } from '../../../shared/domain/primitives.ts';

/** A live exchange-side stop on the position's closing side. */
export interface LiveStop {
  readonly clientOid: string;
  readonly exchangeOrderId: string;
  readonly sizeLots: number;
  readonly stopPrice: string;
}

/** The plan: place one stop (of `placeLots` at `stopPrice`), then cancel the listed stops. */
export interface StopPlan {
  readonly coveredLots: number;
  readonly status: 'PROTECTED' | 'NAKED';
  readonly place?: { readonly sizeLots: number; readonly stopPrice: string };
  readonly cancel: readonly LiveStop[];
}

/**
 * Plans the stop cover for a position of `positionLots` (> 0) whose stop should sit at `targetStopPrice`:
 * - one live stop of exactly the position size at the target → keep it, cancel any others;
 * - otherwise one new stop for the full size at the target, then cancel every old stop
 *   (the old ones stay until the new one is acknowledged, so cover never drops; they are
 *   reduce-only, so the brief overlap can never over-close).
 */
export function planStops(_side: PositionSide, positionLots: number, stops: readonly LiveStop[], targetStopPrice: string): StopPlan {
  const coveredLots = stops.reduce((sum, stop) => sum + stop.sizeLots, 0);
  const status = coveredLots >= positionLots ? 'PROTECTED' : 'NAKED';
  const target = dec(targetStopPrice);
  const keeper = stops.find((stop) => stop.sizeLots === positionLots && cmp(dec(stop.stopPrice), target) === 0);
  if (keeper !== undefined) {
    return { coveredLots, status: 'PROTECTED', cancel: stops.filter((stop) => stop !== keeper) };
  }
  return { coveredLots, status, place: { sizeLots: positionLots, stopPrice: targetStopPrice }, cancel: stops };
}

/**
 * The stop price to keep when repairing: the tightest (most protective) live stop, else the
 * journaled one. For a long the highest trigger, for a short the lowest.
 */
export function protectiveStopPrice(side: PositionSide, stops: readonly LiveStop[], fallback: string | undefined): string | undefined {
  let best: string | undefined;
  for (const stop of stops) {
    const order = best === undefined ? 0 : cmp(dec(stop.stopPrice), dec(best));
    if (best === undefined || (side === 'long' ? order > 0 : order < 0)) best = stop.stopPrice;
  }
  return best ?? fallback;
}
