import { describe, expect, it } from 'vitest';
import { toVolumeBar } from './volume-bars.ts';

const colors = { up: 'green', down: 'red' };
const bar = { time: 120, open: 100, high: 110, low: 90, close: 105, volume: 42 };

describe('volume colouring', () => {
  it('colours a rising bar’s volume up and a falling bar’s down, at the bar’s time', () => {
    expect(toVolumeBar(bar, colors)).toEqual({ time: 120, value: 42, color: 'green' });
    expect(toVolumeBar({ ...bar, close: 95 }, colors)).toEqual({ time: 120, value: 42, color: 'red' });
  });

  it('colours a doji (close = open) up, as the candle is drawn', () => {
    expect(toVolumeBar({ ...bar, close: 100 }, colors).color).toBe('green');
  });
});
