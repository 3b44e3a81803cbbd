// The math of grabbing a price line with the mouse: which line is under the pointer, and which
// exchange price a pointer height means. Pure functions; the DOM wiring is in line-drag-controller.ts.
import { dec, format, roundToTick } from '../../../../shared/domain/decimal.ts';

/** How close (CSS px, vertically) the pointer must be to a line to grab it. */
export const grabTolerancePx = 6;

/** A line the trader may grab: an id the caller understands and the price it is drawn at. */
export interface DraggableLine {
  readonly id: string;
  readonly price: number;
}

/**
 * The line nearest to `pointerY` within `tolerancePx`, or undefined. `toY` is the series'
 * `priceToCoordinate` (null when the price is off the visible scale: such a line cannot be grabbed).
 */
export function lineUnderPointer(
  pointerY: number,
  lines: readonly DraggableLine[],
  toY: (price: number) => number | null,
  tolerancePx: number = grabTolerancePx,
): DraggableLine | undefined {
  let best: DraggableLine | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const line of lines) {
    const y = toY(line.price);
    if (y === null || !Number.isFinite(y)) continue;
    const distance = Math.abs(pointerY - y);
    if (distance <= tolerancePx && distance < bestDistance) {
      best = line;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * A chart price put on the contract's tick grid, as the decimal text the engine accepts
 * ("70123.4"). Main refuses a stop off the tick (src/main/trading/actions.ts), so the dragged
 * price is snapped before it is shown or sent. Undefined for a price ≤ 0, not finite, or a bad tick.
 */
export function snapToTick(price: number, tickSize: string): string | undefined {
  if (!Number.isFinite(price) || price <= 0 || !/^\d+(\.\d+)?$/.test(tickSize) || !(Number(tickSize) > 0)) {
    return undefined;
  }
  // dec() reads a number through its shortest round-trip text, so 70123.45 stays 70123.45.
  const snapped = roundToTick(dec(price), dec(tickSize), 'half-up');
  const decimals = (tickSize.split('.')[1] ?? '').replace(/0+$/, '').length;
  const text = format(snapped, decimals);
  return Number(text) > 0 ? text : undefined;
}
