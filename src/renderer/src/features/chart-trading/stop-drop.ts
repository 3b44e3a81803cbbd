import type { Position } from '../../../../shared/domain/position.ts';

/** How close (px) the pointer must be to the stop line to pick it up. */
export const stopGrabTolerancePx = 6;

/** Whether a pointer at `pointerY` grabs a line drawn at `lineY` (null: the line is off-screen). */
export function grabsLine(pointerY: number, lineY: number | null): boolean {
  return lineY !== null && Math.abs(pointerY - lineY) <= stopGrabTolerancePx;
}

/** A price from the chart snapped to the contract's tick, as the decimal string the exchange takes. */
export function snapToTick(price: number, tickSize: string): string | undefined {
  const tick = Number(tickSize);
  if (!Number.isFinite(price) || price <= 0 || !(tick > 0)) return undefined;
  const decimals = (tickSize.split('.')[1] ?? '').replace(/0+$/, '').length;
  return (Math.round(price / tick) * tick).toFixed(decimals);
}

/** What dropping the stop at a price would mean, shown while the trader drags. */
export interface StopDropPreview {
  readonly stopPrice: string;
  /** Loss if the stop fills at its price, in USDT (fees and slippage not included); negative locks in a profit. */
  readonly lossAtStopUsdt: number | undefined;
  /** How far the stop sits from liquidation, as a percent of the stop price. */
  readonly stopToLiquidationPct: number | undefined;
  /** Why the stop cannot be dropped here; undefined when it can. */
  readonly refusal: string | undefined;
}

const num = (text: string | null | undefined): number | undefined => {
  if (text === undefined || text === null || text === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) && value > 0 ? value : undefined;
};

function refusalOf(
  long: boolean,
  stop: number,
  mark: number | undefined,
  liquidation: number | undefined,
): string | undefined {
  if (liquidation !== undefined && (long ? stop <= liquidation : stop >= liquidation))
    return 'Beyond liquidation: the exchange would liquidate the position before this stop fires.';
  if (mark !== undefined && (long ? stop >= mark : stop <= mark))
    return `On the wrong side of the mark (${String(mark)}): the stop would fire at once.`;
  return undefined;
}

/**
 * The preview of a stop dragged to `stopPrice` for a position: loss at the stop, the distance to
 * liquidation, and a refusal when the stop would sit beyond liquidation or
 * on the wrong side of the mark. Display only: main's risk rules and the watchdog decide on release.
 */
export function stopDropPreview(
  position: Position,
  stopPrice: string,
  multiplier: string | undefined,
): StopDropPreview {
  const long = position.side === 'long';
  const stop = Number(stopPrice);
  const entry = num(position.avgEntryPrice);
  const mult = num(multiplier);
  const liquidation = num(position.liquidationPrice);
  const loss =
    entry === undefined || mult === undefined
      ? undefined
      : (long ? entry - stop : stop - entry) * position.sizeLots * mult;
  return {
    stopPrice,
    lossAtStopUsdt: loss,
    stopToLiquidationPct: liquidation === undefined ? undefined : (Math.abs(stop - liquidation) / stop) * 100,
    refusal: refusalOf(long, stop, num(position.markPrice), liquidation),
  };
}
