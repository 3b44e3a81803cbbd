/**
 * Where a trailing stop should be (ADR 0304). Pure: the service feeds mark prices (and an ATR
 * for `atr` mode) and moves the exchange stop when this says so. The stop only ever moves in the
 * trader's favour and never onto the wrong side of the mark (that would fire at once, docs/reference/kucoin-futures.md#stop-direction).
 */
import {
  add,
  cmp,
  dec,
  div,
  format,
  mul,
  roundToTick,
  sub,
  type Dec,
} from '../../../shared/domain/decimal.ts';
import type { TrailingState } from '../../../shared/domain/trailing.ts';

const HUNDRED: Dec = { m: 100n, s: 0 };

/** The result of one mark-price update. */
export interface TrailingStep {
  /** The updated state (activation, best price); persist when it differs. */
  readonly state: TrailingState;
  /** The new stop price when the stop should move now. */
  readonly moveTo?: string;
}

function distanceOf(state: TrailingState, best: Dec, atr: number | undefined): Dec | 'unknown' {
  const distance = dec(state.spec.distance);
  if (state.spec.mode === 'price') return distance;
  if (state.spec.mode === 'percent') return div(mul(best, distance), HUNDRED, 12, 'up');
  if (atr === undefined || !Number.isFinite(atr) || atr <= 0) return 'unknown';
  return mul(distance, dec(atr.toFixed(10)));
}

function activated(state: TrailingState, mark: Dec): boolean {
  if (state.activated) return true;
  if (state.spec.activationPrice === undefined) return true;
  const activation = dec(state.spec.activationPrice);
  return state.positionSide === 'long' ? cmp(mark, activation) >= 0 : cmp(mark, activation) <= 0;
}

/**
 * Advances a trailing stop with a new mark price.
 * @param atr - the latest ATR (price units) for `atr` mode; ignored otherwise.
 * @param minMoveTicks - the stop moves only when the gain is at least this many ticks.
 */
export function stepTrailing(
  state: TrailingState,
  markText: string,
  atr: number | undefined,
  tickSize: Dec,
  minMoveTicks: number,
): TrailingStep {
  const mark = dec(markText);
  if (!activated(state, mark)) return { state };
  const long = state.positionSide === 'long';
  const previousBest = state.bestPrice === undefined ? mark : dec(state.bestPrice);
  const best = long
    ? cmp(mark, previousBest) > 0
      ? mark
      : previousBest
    : cmp(mark, previousBest) < 0
      ? mark
      : previousBest;
  const next: TrailingState = { ...state, activated: true, bestPrice: format(best) };
  const distance = distanceOf(state, best, atr);
  if (distance === 'unknown') return { state: next };
  const candidate = long
    ? roundToTick(sub(best, distance), tickSize, 'down')
    : roundToTick(add(best, distance), tickSize, 'up');
  const current = dec(state.stopPrice);
  const minGain = mul(tickSize, dec(minMoveTicks));
  const gain = long ? sub(candidate, current) : sub(current, candidate);
  const safeSide = long ? cmp(candidate, mark) < 0 : cmp(candidate, mark) > 0;
  if (cmp(gain, minGain) < 0 || !safeSide) return { state: next };
  return { state: next, moveTo: format(candidate) };
}
