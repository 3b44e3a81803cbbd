import { describe, expect, it } from 'vitest';
import { createChartedSeries } from './charted-series.ts';

describe('charted series', () => {
  it('knows the series a chart asked for, and forgets the oldest beyond the newest few', () => {
    const charted = createChartedSeries(2);
    expect(charted.has('XBTUSDTM', '15m')).toBe(false);
    charted.note('XBTUSDTM', '15m');
    charted.note('XBTUSDTM', '1h');
    expect(charted.has('XBTUSDTM', '15m')).toBe(true);
    // Asked again: it is the newest now, so the next switch drops 1h rather than it.
    charted.note('XBTUSDTM', '15m');
    charted.note('ETHUSDTM', '15m');
    expect(charted.has('XBTUSDTM', '1h')).toBe(false);
    expect(charted.has('XBTUSDTM', '15m')).toBe(true);
    expect(charted.has('ETHUSDTM', '15m')).toBe(true);
  });
});
