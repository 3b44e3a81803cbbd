import * as decimal from '../../../../shared/domain/decimal.ts';
import type { Position } from '../../../../shared/domain/position.ts';
import { nearestTakeProfit } from '../../domain/take-profit.ts';
import { isPrice } from '../../domain/wire-patterns.ts';
import { priceText } from './position-numbers.ts';

/** A take-profit price the engine may be asked to set, or why not. */
export type TakeProfitCheck =
  { readonly ok: true; readonly price: string } | { readonly ok: false; readonly reason: string };

/**
 * A take-profit must be on the profit side of the mark (above it for a long, below for a short);
 * one past the mark would close the position at once. The engine checks the tick again.
 */
export function checkTakeProfitMove(position: Position, text: string): TakeProfitCheck {
  const price = text.trim();
  if (!isPrice(price)) return { ok: false, reason: 'Enter a take-profit price greater than 0.' };
  if (position.markPrice === null || !isPrice(position.markPrice)) return { ok: true, price };
  const order = decimal.cmp(decimal.dec(price), decimal.dec(position.markPrice));
  if (position.side === 'long' && order <= 0) {
    return {
      ok: false,
      reason: `A long's take-profit must be above the mark price (${position.markPrice}).`,
    };
  }
  if (position.side === 'short' && order >= 0) {
    return {
      ok: false,
      reason: `A short's take-profit must be below the mark price (${position.markPrice}).`,
    };
  }
  return { ok: true, price };
}

/**
 * The TP column: the take-profit resting at the exchange (to tick), "none" when there is none,
 * "unknown" while the stops cannot be read — never a price that is not at the exchange.
 */
export function takeProfitText(position: Position, tickSize: string | undefined): string {
  if (position.protection.status === 'UNKNOWN') return 'unknown';
  const price = nearestTakeProfit(position);
  if (price === undefined) return 'none';
  const more = (position.protection.takeProfits?.length ?? 0) - 1;
  return more > 0 ? `${priceText(price, tickSize)} (+${String(more)})` : priceText(price, tickSize);
}
