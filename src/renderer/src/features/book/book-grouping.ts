import type { BookPriceLevel } from '../../../../shared/ipc/channels/market.ts';
import {
  dec,
  format,
  isDecimalString,
  mul,
  roundToTick,
  sub,
  type Dec,
} from '../../../../shared/domain/decimal.ts';

/** The grouping steps the book offers, as multiples of the contract's tick. */
export const groupingMultiples = [1, 10, 100] as const;
/** One of {@link groupingMultiples}. */
export type GroupingMultiple = (typeof groupingMultiples)[number];

/** A grouped level with the cumulative size from the spread out to it (for the depth bar). */
export interface GroupedLevel {
  /** The bucket's price on the step grid, formatted to the tick. */
  readonly price: string;
  readonly sizeLots: number;
  /** Lots from the best level out to and including this one. */
  readonly cumulativeLots: number;
}

/** Decimals of a tick size: "0.1" → 1, "0.05" → 2, "1" → 0. */
export function tickDecimals(tickSize: string): number {
  const fraction = tickSize.split('.')[1] ?? '';
  return fraction.replace(/0+$/, '').length;
}

/** A decimal price shown with exactly the tick's decimals ("91234.5" at tick 0.01 → "91234.50"). */
export function formatToTick(price: string, tickSize: string): string {
  if (!isDecimalString(price) || !isDecimalString(tickSize)) return price;
  return format(dec(price), tickDecimals(tickSize));
}

/**
 * Sums sizes into price buckets of `step` (a decimal string), rounding each price away from the
 * spread (ADR 0530): a bid goes to the bucket at or below it, an ask to the bucket at or above
 * it, so a bucket never claims a better price than any order in it. Levels come best first and
 * the buckets do too; prices are formatted to `tickSize`.
 */
export function groupLevels(
  levels: readonly BookPriceLevel[],
  side: 'bid' | 'ask',
  step: string,
  tickSize: string,
): GroupedLevel[] {
  const stepDec = dec(step);
  const buckets = new Map<string, { price: Dec; sizeLots: number }>();
  for (const level of levels) {
    if (!isDecimalString(level.price)) continue;
    const bucket = roundToTick(dec(level.price), stepDec, side === 'bid' ? 'down' : 'up');
    const key = format(bucket);
    const known = buckets.get(key);
    buckets.set(key, { price: bucket, sizeLots: (known?.sizeLots ?? 0) + level.sizeLots });
  }
  let cumulativeLots = 0;
  // Map order is first-seen order, and levels arrive best first: the buckets are best first too.
  return [...buckets.values()].map(({ price, sizeLots }) => {
    cumulativeLots += sizeLots;
    return { price: formatToTick(format(price), tickSize), sizeLots, cumulativeLots };
  });
}

/** The grouping step for a multiple of the tick ("0.1" × 10 → "1"). */
export function groupingStep(tickSize: string, multiple: GroupingMultiple): string {
  return format(mul(dec(tickSize), dec(multiple)));
}

/** Best ask − best bid, formatted to the tick; undefined while a side is empty. */
export function spreadOf(
  bestBid: string | undefined,
  bestAsk: string | undefined,
  tickSize: string,
): string | undefined {
  if (bestBid === undefined || bestAsk === undefined) return undefined;
  if (!isDecimalString(bestBid) || !isDecimalString(bestAsk)) return undefined;
  return formatToTick(format(sub(dec(bestAsk), dec(bestBid))), tickSize);
}
