import type { AutoscaleInfo } from 'lightweight-charts';

/**
 * Widens the candles' price range so the given prices stay on screen: a trader must see the
 * entry, the stop and the trailing stop without scrolling. Liquidation is left out on purpose —
 * it is usually far away and would flatten the candles; its axis label still shows.
 */
export function includePrices(base: AutoscaleInfo | null, prices: readonly number[]): AutoscaleInfo | null {
  if (prices.length === 0) return base;
  const low = Math.min(...prices);
  const high = Math.max(...prices);
  if (base?.priceRange == null) {
    return base === null ? null : { ...base, priceRange: { minValue: low, maxValue: high } };
  }
  return {
    ...base,
    priceRange: {
      minValue: Math.min(base.priceRange.minValue, low),
      maxValue: Math.max(base.priceRange.maxValue, high),
    },
  };
}
