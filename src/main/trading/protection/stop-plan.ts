/**
 * What the protection watchdog must do for one position (ADR 0303, 0331): its loss-side
 * exchange stops must cover its size. Pure planner over the *loss-side* stops only (take-profits
 * never count and are never touched): foreign stops (placed outside Bulwark) count as cover and are
 * never cancelled; ours are sized to cover what the foreign ones do not. The service executes the
 * plan new-stop-first, then cancels the surplus, so there is never less cover than before.
 */
import { cmp, dec } from '../../../shared/domain/decimal.ts';
import type { PositionSide } from '../../../shared/domain/primitives.ts';

/** A live exchange-side stop on the position's loss side. */
export interface LiveStop {
  readonly clientOid: string;
  readonly exchangeOrderId: string;
  readonly sizeLots: number;
  readonly stopPrice: string;
}

/** The loss-side cover of a position, split by who placed it. */
export interface Cover {
  readonly ours: readonly LiveStop[];
  readonly foreign: readonly LiveStop[];
}

/** The plan: place one stop of ours (of `sizeLots` at `stopPrice`), then cancel the listed stops of ours. */
export interface StopPlan {
  readonly coveredLots: number;
  readonly status: 'PROTECTED' | 'NAKED';
  readonly place?: { readonly sizeLots: number; readonly stopPrice: string };
  readonly cancel: readonly LiveStop[];
}

const lotsOf = (stops: readonly LiveStop[]): number => stops.reduce((sum, stop) => sum + stop.sizeLots, 0);

/**
 * Plans the cover for a position of `positionLots` (> 0) whose stop should sit at `targetStopPrice`:
 * - ours must cover `need = position − foreign cover` lots;
 * - one stop of ours of exactly `need` at the target → keep it, cancel our others;
 * - otherwise one new stop of ours for `need` at the target, then cancel every old one of ours (the
 *   old ones stay until the new one is acknowledged; they are reduce-only, so the overlap never
 *   over-closes);
 * - `need` 0 (foreign stops cover it all) → our stops are surplus.
 */
export function planStops(positionLots: number, cover: Cover, targetStopPrice: string): StopPlan {
  const foreignLots = lotsOf(cover.foreign);
  const coveredLots = foreignLots + lotsOf(cover.ours);
  const status = coveredLots >= positionLots ? 'PROTECTED' : 'NAKED';
  const need = Math.max(0, positionLots - foreignLots);
  if (need === 0) return { coveredLots, status: 'PROTECTED', cancel: cover.ours };
  const target = dec(targetStopPrice);
  const keeper = cover.ours.find((stop) => stop.sizeLots === need && cmp(dec(stop.stopPrice), target) === 0);
  if (keeper !== undefined)
    return { coveredLots, status: 'PROTECTED', cancel: cover.ours.filter((stop) => stop !== keeper) };
  return { coveredLots, status, place: { sizeLots: need, stopPrice: targetStopPrice }, cancel: cover.ours };
}

/**
 * The most protective of the live loss-side stops — for a long the highest trigger, for a short the
 * lowest — else `fallback`.
 */
export function protectiveStopPrice(
  side: PositionSide,
  stops: readonly LiveStop[],
  fallback: string | undefined,
): string | undefined {
  let best: string | undefined;
  for (const stop of stops) {
    const order = best === undefined ? 0 : cmp(dec(stop.stopPrice), dec(best));
    if (best === undefined || (side === 'long' ? order > 0 : order < 0)) best = stop.stopPrice;
  }
  return best ?? fallback;
}
