import { describe, expect, it } from 'vitest';
import { priceText, roeText, usdtText } from './position-numbers.ts';

describe('the positions table writes numbers as a trader reads them', () => {
  it('prices to the contract tick, the exchange text when the tick is unknown, unknown when absent', () => {
    expect(priceText('70434.09417', '0.1')).toBe('70434.1');
    expect(priceText('142.35', '0.001')).toBe('142.350');
    expect(priceText('70434.09417', undefined)).toBe('70434.09417');
    expect(priceText(null, '0.1')).toBe('unknown');
  });
  it('money to the cent, never "-0.00"', () => {
    expect(usdtText('0.00026')).toBe('0.00');
    expect(usdtText('-0.004')).toBe('0.00');
    expect(usdtText('-12.306')).toBe('-12.31');
    expect(usdtText('12.305')).toBe('12.31');
    expect(usdtText(null)).toBe('unknown');
  });
  it('ROE on the margin, unknown without a margin', () => {
    expect(roeText('5', '100')).toBe('5.00 %');
    expect(roeText('-2.5', '50')).toBe('-5.00 %');
    expect(roeText('5', null)).toBe('unknown');
    expect(roeText('5', '0')).toBe('unknown');
    expect(roeText(null, '100')).toBe('unknown');
  });
});
