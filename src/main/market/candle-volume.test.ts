import { describe, expect, it } from 'vitest';
import type { Candle } from '../../shared/ipc/channels/market.ts';
import { FormingVolumeReads, withKnownVolume, withRestVolumes } from './candle-volume.ts';

const bar = (openTimeMs: number, close: number, volume: number): Candle => ({
  openTimeMs,
  open: 100,
  high: 110,
  low: 90,
  close,
  volume,
});

describe('candle volume', () => {
  it('never takes the push’s volume: the bar keeps what REST said, a bar REST has not seen counts 0', () => {
    const pushed = bar(60_000, 105, 0.045);
    expect(withKnownVolume(pushed, bar(60_000, 101, 45))).toEqual(bar(60_000, 105, 45));
    expect(withKnownVolume(pushed, bar(0, 101, 45)).volume).toBe(0);
    expect(withKnownVolume(pushed, undefined).volume).toBe(0);
  });

  it('takes the closed bar from REST whole and only the volume of the forming one', () => {
    const cached = new Map([[120_000, bar(120_000, 107, 3)]]);
    const rows = [bar(60_000, 104, 50), bar(120_000, 103, 9)];
    expect(withRestVolumes(rows, (at) => cached.get(at), 120_000)).toEqual([
      bar(60_000, 104, 50),
      bar(120_000, 107, 9),
    ]);
  });

  it('reads when a new bar opens, then at most every refresh period', () => {
    const reads = new FormingVolumeReads(10_000);
    expect(reads.claim('k', 60_000, 1_000)).toBe(true);
    expect(reads.claim('k', 60_000, 5_000)).toBe(false);
    expect(reads.claim('k', 120_000, 5_001)).toBe(true);
    expect(reads.claim('k', 120_000, 15_000)).toBe(false);
    expect(reads.claim('k', 120_000, 15_001)).toBe(true);
    expect(reads.claim('other', 120_000, 15_001)).toBe(true);
  });
});
