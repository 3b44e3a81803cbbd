import { describe, expect, it } from 'vitest';
import { chartTimeframes, migrateSettings } from './settings.store.ts';

describe('chart settings', () => {
  it('offers 1m 5m 15m 1h 4h 1d', () => {
    expect(chartTimeframes).toEqual(['1m', '5m', '15m', '1h', '4h', '1d']);
  });

  it('keeps saved settings, but a timeframe no longer offered falls back to 15m', () => {
    expect(migrateSettings({ symbol: 'ETHUSDTM', timeframe: '30m', riskUsdt: '25' }, 2)).toEqual({
      symbol: 'ETHUSDTM',
      timeframe: '15m',
      riskUsdt: '25',
    });
    expect(migrateSettings({ symbol: 'ETHUSDTM', timeframe: '4h' }, 2)).toMatchObject({ timeframe: '4h' });
    expect(migrateSettings({ timeframe: 15 }, 1)).toEqual({});
  });
});
