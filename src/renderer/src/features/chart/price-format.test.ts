import { describe, expect, it } from 'vitest';
import { priceFormatFor } from './price-format.ts';

describe('priceFormatFor', () => {
  it('shows as many decimals as the tick size has', () => {
    expect(priceFormatFor('0.1')).toEqual({ type: 'price', precision: 1, minMove: 0.1 });
    expect(priceFormatFor('0.00010')).toEqual({ type: 'price', precision: 4, minMove: 0.0001 });
    expect(priceFormatFor('1')).toEqual({ type: 'price', precision: 0, minMove: 1 });
  });

  it('gives no format for a tick it cannot read', () => {
    expect(priceFormatFor('0')).toBeUndefined();
    expect(priceFormatFor('1e-2')).toBeUndefined();
  });
});
