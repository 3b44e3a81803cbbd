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
  if (position.markPrice === null || !isPrice(position.markPrice)) return { ok: true, stopPrice };
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

/** An optional trailing activation price for a position, or why not. */
export type ActivationCheck =
  | { readonly ok: true; readonly activationPrice: string | undefined }
  | { readonly ok: false; readonly reason: string };

/**
 * Empty means "trail at once". Otherwise the activation price must be on the profitable side of
 * the entry (above it for a long, below for a short), as in the order ticket.
 */
export function checkActivation(position: Position, text: string): ActivationCheck {
  const activationPrice = text.trim();
  if (activationPrice === '') return { ok: true, activationPrice: undefined };
  if (!isPrice(activationPrice)) return { ok: false, reason: 'Enter an activation price greater than 0.' };
  if (position.avgEntryPrice === null || !isPrice(position.avgEntryPrice))
    return { ok: true, activationPrice };
  const order = decimal.cmp(decimal.dec(activationPrice), decimal.dec(position.avgEntryPrice));
  if (position.side === 'long' && order <= 0) {
    return { ok: false, reason: `A long's trailing activates above the entry (${position.avgEntryPrice}).` };
  }
  if (position.side === 'short' && order >= 0) {
    return { ok: false, reason: `A short's trailing activates below the entry (${position.avgEntryPrice}).` };
  }
  return { ok: true, activationPrice };
}
