import { describe, expect, it } from 'vitest';
import { toBar, toBarHistory } from './market.bars.ts';

const candle = (openTimeMs: number, close: number) => ({
  openTimeMs,
  open: 1,
  high: 2,
  low: 0.5,
  close,
  volume: 10,
});

describe('market bars', () => {
  it('uses the open time in whole seconds', () => {
    expect(toBar(candle(1_700_000_060_000, 1.5)).time).toBe(1_700_000_060);
  });

  it('sorts ascending and keeps the last candle per time', () => {
    const bars = toBarHistory([candle(120_000, 3), candle(60_000, 1), candle(120_000, 4)]);
    expect(bars.map((bar) => [bar.time, bar.close])).toEqual([
      [60, 1],
      [120, 4],
    ]);
  });
});
