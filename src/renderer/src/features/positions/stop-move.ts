import * as decimal from '../../../../shared/domain/decimal.ts';
import type { Position } from '../../../../shared/domain/position.ts';
import { decimalPattern, isPrice } from '../../domain/wire-patterns.ts';

/** A stop price the engine may be asked to move to, or why not. */
export type StopMoveCheck =
  { readonly ok: true; readonly stopPrice: string } | { readonly ok: false; readonly reason: string };

/**
 * A stop must stay on the losing side of the mark (below it for a long, above for a short);
 * a stop past the mark would trigger at once. The engine also keeps it in front of liquidation.
 */
export function checkStopMove(position: Position, text: string): StopMoveCheck {
  const stopPrice = text.trim();
  if (!isPrice(stopPrice)) return { ok: false, reason: 'Enter a stop price greater than 0.' };
  if (!isPrice(position.markPrice)) return { ok: true, stopPrice };
  const order = decimal.cmp(decimal.dec(stopPrice), decimal.dec(position.markPrice));
  if (position.side === 'long' && order >= 0) {
    return { ok: false, reason: `A long's stop must be below the mark price (${position.markPrice}).` };
  }
  if (position.side === 'short' && order <= 0) {
    return { ok: false, reason: `A short's stop must be above the mark price (${position.markPrice}).` };
  }
  return { ok: true, stopPrice };
}

/** A trailing distance as the wire accepts it (`trailingSpecSchema.distance`). */
export function isTrailingDistance(text: string): boolean {
  const trimmed = text.trim();
  return decimalPattern.test(trimmed) && /[1-9]/.test(trimmed);
}
