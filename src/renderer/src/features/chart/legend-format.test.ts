import { describe, expect, it } from 'vitest';
import { formatPrice, formatVolume, legendFields } from './legend-format.ts';

const bar = { time: 60, open: 90_000.1, high: 90_012.5, low: 89_990, close: 89_995.3, volume: 1_234.5 };

describe('legend formatting', () => {
  it('shows every price at the tick precision, trailing zeros kept, so columns line up', () => {
    expect(legendFields(bar, 1)).toEqual({
      open: '90000.1',
      high: '90012.5',
      low: '89990.0',
      close: '89995.3',
      volume: '1.23K',
      direction: 'down',
    });
    expect(formatPrice(0.1234, 4)).toBe('0.1234');
    expect(formatPrice(3.5, 0)).toBe('4');
  });

  it('shows the price as it came while the contract (its tick) is not known yet', () => {
    expect(formatPrice(90_000.15, undefined)).toBe('90000.15');
  });

  it('says which way the bar went: a close at the open counts as up, like the candle', () => {
    expect(legendFields({ ...bar, close: bar.open }, 1).direction).toBe('up');
    expect(legendFields({ ...bar, close: bar.open + 1 }, 1).direction).toBe('up');
  });

  it('shortens volume to three significant digits with K, M, B', () => {
    expect(formatVolume(950)).toBe('950');
    expect(formatVolume(0.5)).toBe('0.5');
    expect(formatVolume(12_345)).toBe('12.3K');
    expect(formatVolume(4_560_000)).toBe('4.56M');
    expect(formatVolume(7_000_000_000)).toBe('7B');
    expect(formatVolume(0)).toBe('0');
  });
});
