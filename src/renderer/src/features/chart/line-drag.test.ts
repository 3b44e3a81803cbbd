import { describe, expect, it } from 'vitest';
import { lineUnderPointer, snapToTick } from './line-drag.ts';

// A linear scale stand-in for priceToCoordinate: 1 px per price unit, 100 at y=0.
const toY = (price: number): number | null => (price > 200 ? null : 100 - price);

describe('grabbing a line', () => {
  it('grabs the line within the tolerance and prefers the nearest', () => {
    const lines = [
      { id: 'stop', price: 40 },
      { id: 'entry', price: 45 },
    ];
    expect(lineUnderPointer(61, lines, toY)?.id).toBe('stop'); // 1 px from stop, 6 from entry
    expect(lineUnderPointer(56, lines, toY)?.id).toBe('entry');
  });

  it('grabs nothing farther than the tolerance, or a line off the scale', () => {
    expect(lineUnderPointer(50, [{ id: 'stop', price: 40 }], toY)).toBeUndefined(); // 10 px away
    expect(lineUnderPointer(-110, [{ id: 'stop', price: 210 }], toY)).toBeUndefined();
    expect(lineUnderPointer(60, [], toY)).toBeUndefined();
  });
});

describe('snapping a dragged price to the tick', () => {
  it('rounds to the nearest tick and writes the tick decimals', () => {
    expect(snapToTick(70123.44999, '0.1')).toBe('70123.4');
    expect(snapToTick(70123.45, '0.1')).toBe('70123.5');
    expect(snapToTick(70123, '0.1')).toBe('70123.0');
    expect(snapToTick(0.123456789, '0.00001')).toBe('0.12346');
    expect(snapToTick(101.3, '5')).toBe('100');
  });

  it('refuses what cannot be a price', () => {
    expect(snapToTick(-5, '0.1')).toBeUndefined();
    expect(snapToTick(0.01, '0.1')).toBeUndefined(); // rounds to 0
    expect(snapToTick(Number.NaN, '0.1')).toBeUndefined();
    expect(snapToTick(100, 'abc')).toBeUndefined();
    expect(snapToTick(100, '0')).toBeUndefined();
  });
});
