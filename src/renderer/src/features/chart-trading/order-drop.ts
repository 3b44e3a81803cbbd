import type { OrderLine } from '../chart/order-lines.ts';

/** What dropping an order's line at a price would mean, shown while the trader drags. */
export interface OrderDropPreview {
  readonly clientOid: string;
  readonly side: OrderLine['side'];
  readonly purpose: OrderLine['purpose'];
  /** Lots the replacement would carry: what the order has still to fill. */
  readonly lots: number;
  /** The new price, on the tick. */
  readonly price: string;
  readonly oldPrice: string;
  /** For an entry: its stop, which stays where it is. */
  readonly stopPrice: string | undefined;
  /** For an entry: the loss if it fills at `price` and is stopped out at its stop, in USDT (fees not included). */
  readonly lossAtStopUsdt: number | undefined;
  /** Why the order cannot be dropped here; undefined when it can. */
  readonly refusal: string | undefined;
}

function refusalOf(line: OrderLine, price: number, stop: number | undefined): string | undefined {
  if (price === line.price) return 'The order already rests at this price.';
  if (line.purpose !== 'entry' || stop === undefined) return undefined;
  if (line.side === 'buy' ? price <= stop : price >= stop)
    return `On the wrong side of its stop (${String(stop)}): the entry would be stopped out at once.`;
  return undefined;
}

/**
 * The preview of an order's line dragged to `price`: side, lots, the new price and — for an entry,
 * whose stop stays put — the loss at that stop from the new price; a refusal for the same price or
 * an entry moved through its stop. Display only: main's risk rules decide on release.
 */
export function orderDropPreview(
  line: OrderLine,
  price: string,
  multiplier: string | undefined,
): OrderDropPreview {
  const at = Number(price);
  const stop = line.stopPrice === undefined ? undefined : Number(line.stopPrice);
  const mult = multiplier === undefined ? undefined : Number(multiplier);
  const loss =
    line.purpose !== 'entry' || stop === undefined || mult === undefined || !Number.isFinite(mult)
      ? undefined
      : (line.side === 'buy' ? at - stop : stop - at) * line.lots * mult;
  return {
    clientOid: line.clientOid,
    side: line.side,
    purpose: line.purpose,
    lots: line.lots,
    price,
    oldPrice: line.priceText,
    stopPrice: line.stopPrice,
    lossAtStopUsdt: loss,
    refusal: refusalOf(line, at, stop),
  };
}
