import { describe, expect, it } from 'vitest';
import { formatPrice, formatSignedPct, tickDecimals } from './price.ts';

describe('prices as the exchange quotes them', () => {
  it('round to the contract tick', () => {
    expect(formatPrice('70434.09417', '0.1')).toBe('70434.1');
    expect(formatPrice(3012.337, '0.01')).toBe('3012.34');
    expect(formatPrice('151.5', '1')).toBe('152');
    expect(formatPrice('0.123456', '0.00005')).toBe('0.12345');
  });

  it('say unknown instead of inventing a number', () => {
    expect(formatPrice(undefined, '0.1')).toBe('unknown');
    expect(formatPrice('NaN', '0.1')).toBe('unknown');
    expect(formatPrice('70434.09417', undefined)).toBe('70434.09417');
    expect(tickDecimals('bad')).toBeUndefined();
  });

  it('sign percentages', () => {
    expect(formatSignedPct(1.234)).toBe('+1.23 %');
    expect(formatSignedPct(-0.4)).toBe('−0.40 %');
    expect(formatSignedPct(undefined)).toBe('unknown');
  });
});
