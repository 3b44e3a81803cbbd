import { describe, expect, it } from 'vitest';
import { formatFundingRate, fundingCountdown } from './funding.ts';

describe('funding in the market strip', () => {
  it('counts down to the settlement in hours, minutes and seconds', () => {
    expect(fundingCountdown(10_000 + 7_384_000, 10_000)).toBe('02:03:04');
    expect(fundingCountdown(10_000, 10_000)).toBe('settling');
    expect(fundingCountdown(undefined, 10_000)).toBe('unknown');
  });

  it('shows the rate to four decimals of a percent, signed', () => {
    expect(formatFundingRate(0.01)).toBe('+0.0100 %');
    expect(formatFundingRate(-0.00376)).toBe('−0.0038 %');
    expect(formatFundingRate(undefined)).toBe('unknown');
  });
});
