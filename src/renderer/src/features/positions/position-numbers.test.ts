import { describe, expect, it } from 'vitest';
import { liquidationDistance, priceText, roeText, stopText, usdtText } from './position-numbers.ts';

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

describe('prices on any tick grid, stops and the distance to liquidation', () => {
  it('rounds onto ticks that are not powers of ten', () => {
    expect(priceText('100.3', '0.5')).toBe('100.5');
    expect(priceText('100.2', '0.5')).toBe('100.0');
    expect(priceText('1.23456', '0.05')).toBe('1.25');
    expect(priceText('70434', '1')).toBe('70434');
    expect(priceText(undefined, '0.1')).toBe('unknown');
  });
  it('a stop to tick, "none" when no stop rests', () => {
    expect(stopText('89000.04', '0.1')).toBe('89000.0');
    expect(stopText(undefined, '0.1')).toBe('none');
  });
  it("says the level in words as well as colour, from main's liquidation watch", () => {
    const warning = (level: 'warning' | 'critical') => ({
      symbol: 'XBTUSDTM',
      level,
      distancePct: 4,
      markPrice: '90000',
      liquidationPrice: '86400',
      at: 1,
    });
    expect(liquidationDistance(9.75, undefined, undefined)).toEqual({
      text: '9.75 %',
      level: 'ok',
      label: 'ok',
      color: 'teal',
    });
    expect(liquidationDistance(6.5, 2.04, warning('warning'))).toMatchObject({
      text: '6.50 % · 2.0 ATR',
      label: '⚠ warning',
      color: 'orange',
    });
    expect(liquidationDistance(4, undefined, warning('critical'))).toMatchObject({
      label: '⚠ critical',
      color: 'red',
    });
    expect(liquidationDistance(null, undefined, warning('critical'))).toMatchObject({
      text: 'unknown',
      level: 'unknown',
    });
  });
});
