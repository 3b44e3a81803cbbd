import { describe, expect, it } from 'vitest';
import {
  distanceToLiquidationPct,
  nextLiquidationLevel,
  type LiquidationLevel,
} from './liquidation-levels.ts';

const t = { warnDistancePct: 10, criticalDistancePct: 5, hysteresisPct: 1 };

describe('liquidation levels', () => {
  it('measures the distance on the right side', () => {
    expect(distanceToLiquidationPct('long', 100, 90)).toBeCloseTo(10);
    expect(distanceToLiquidationPct('short', 100, 104)).toBeCloseTo(4);
  });

  it('raises warning then critical once each and clears only past the hysteresis', () => {
    const readings = [20, 10.01, 10, 9.5, 10.5, 11.01, 10, 5, 5.5, 6, 6.01, 4, 12];
    let level: LiquidationLevel = 'none';
    const seen: LiquidationLevel[] = [];
    for (const d of readings) {
      const next = nextLiquidationLevel(level, d, t);
      if (next !== level) seen.push(next);
      level = next;
    }
    expect(seen).toEqual(['warning', 'none', 'warning', 'critical', 'warning', 'critical', 'none']);
  });
});
