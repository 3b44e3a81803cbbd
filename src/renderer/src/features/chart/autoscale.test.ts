import { describe, expect, it } from 'vitest';
import { includePrices } from './autoscale.ts';

describe('includePrices', () => {
  it('widens the range to keep a stop below the candles on screen', () => {
    const base = { priceRange: { minValue: 89_000, maxValue: 91_000 } };
    expect(includePrices(base, [88_500, 90_000])?.priceRange).toEqual({ minValue: 88_500, maxValue: 91_000 });
  });

  it('leaves the range alone when there is nothing to include or no data', () => {
    const base = { priceRange: { minValue: 1, maxValue: 2 } };
    expect(includePrices(base, [])).toBe(base);
    expect(includePrices(null, [5])).toBeNull();
  });
});
