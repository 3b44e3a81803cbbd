import * as decimal from '../../../shared/domain/decimal.ts';
import type { Position } from '../../../shared/domain/position.ts';

/**
 * The take-profit resting at the exchange that the mark reaches first (a long's lowest, a short's
 * highest), as the exchange gave it; `undefined` when none rests or the stops could not be read
 * (the engine then reports none, and nothing is guessed). The chart's line and the dock's TP
 * column both show this one.
 */
export function nearestTakeProfit(position: Position): string | undefined {
  let best: string | undefined;
  for (const { stopPrice } of position.protection.takeProfits ?? []) {
    if (!/^\d+(\.\d+)?$/.test(stopPrice)) continue;
    const order = best === undefined ? 0 : decimal.cmp(decimal.dec(stopPrice), decimal.dec(best));
    if (best === undefined || (position.side === 'long' ? order < 0 : order > 0)) best = stopPrice;
  }
  return best;
}
