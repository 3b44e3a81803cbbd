/** lightweight-charts' price format: decimals shown and the smallest move (the tick). */
export interface PriceFormat {
  readonly type: 'price';
  readonly precision: number;
  readonly minMove: number;
}

/** lightweight-charts' price format for a contract's tick size: "0.1" → 1 decimal, moves of 0.1. */
export function priceFormatFor(tickSize: string): PriceFormat | undefined {
  if (!/^\d+(\.\d+)?$/.test(tickSize)) return undefined;
  const minMove = Number(tickSize);
  if (!(minMove > 0)) return undefined;
  const fraction = tickSize.split('.')[1] ?? '';
  return { type: 'price', precision: fraction.replace(/0+$/, '').length, minMove };
}
