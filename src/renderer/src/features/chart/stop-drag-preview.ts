// What a dragged stop would mean for the position, shown next to the line while it moves.
// Exact decimal arithmetic on the exchange's text; main decides whether the stop is allowed
// (src/main/trading/actions.ts), this only informs the trader before the release.
import { dec, div, format, mul, sub, type Dec } from '../../../../shared/domain/decimal.ts';
import type { Position } from '../../../../shared/domain/position.ts';

/** The dragged stop's consequences, in USDT and price units. */
export interface StopDragPreview {
  /** The stop price the release would send. */
  readonly stopPrice: string;
  /** P&L if the stop fills exactly at its price, before fees (negative = a loss), to the cent. */
  readonly pnlAtStopUsdt: string | undefined;
  /** How far the stop sits in front of liquidation (price units; ≤ 0 = at or beyond it). */
  readonly liquidationDistance: string | undefined;
  /** The same distance as % of the stop price, 2 decimals. */
  readonly liquidationDistancePct: string | undefined;
  /** True when the stop is at or past liquidation: the position would be liquidated first. */
  readonly beyondLiquidation: boolean;
}

const decimalText = /^-?\d+(\.\d+)?$/;

function decOf(text: string | null | undefined): Dec | undefined {
  return text === null || text === undefined || !decimalText.test(text) ? undefined : dec(text);
}

/** `a − b` for a long, `b − a` for a short: positive = in the position's favour. */
function favourable(position: Position, a: Dec, b: Dec): Dec {
  return position.side === 'long' ? sub(a, b) : sub(b, a);
}

function cents(value: Dec): string {
  const text = format(value, 2);
  return text === '-0.00' ? '0.00' : text;
}

/**
 * The preview for moving `position`'s stop to `stopPrice` (a tick-snapped decimal string).
 * `multiplier` is the contract's coins per lot; unknown inputs give undefined fields, never guesses.
 */
export function stopDragPreview(
  position: Position,
  multiplier: string | undefined,
  stopPrice: string,
  tickDecimals: number,
): StopDragPreview {
  const stop = dec(stopPrice);
  const entry = decOf(position.avgEntryPrice);
  const coins = decOf(multiplier);
  const pnl =
    entry === undefined || coins === undefined
      ? undefined
      : mul(mul(favourable(position, stop, entry), dec(position.sizeLots)), coins);
  const liquidation = decOf(position.liquidationPrice);
  const distance = liquidation === undefined ? undefined : favourable(position, stop, liquidation);
  return {
    stopPrice,
    pnlAtStopUsdt: pnl === undefined ? undefined : cents(pnl),
    liquidationDistance: distance === undefined ? undefined : format(distance, tickDecimals),
    liquidationDistancePct:
      distance === undefined || stop.m === 0n ? undefined : cents(div(mul(distance, dec(100)), stop, 2)),
    beyondLiquidation: distance !== undefined && distance.m <= 0n,
  };
}

/** The preview in one line of the trader's words, for the label beside the dragged line. */
export function stopDragText(preview: StopDragPreview): string {
  const pnl =
    preview.pnlAtStopUsdt === undefined
      ? 'P&L at stop unknown'
      : `${preview.pnlAtStopUsdt.startsWith('-') ? 'Loss' : 'Gain'} at stop ${preview.pnlAtStopUsdt} USDT`;
  const liquidation =
    preview.liquidationDistance === undefined
      ? 'liquidation unknown'
      : preview.beyondLiquidation
        ? 'at or beyond liquidation'
        : `${preview.liquidationDistance} (${preview.liquidationDistancePct ?? '?'} %) before liquidation`;
  return `Stop ${preview.stopPrice} · ${pnl} (before fees) · ${liquidation}`;
}
