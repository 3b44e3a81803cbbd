/**
 * Distance to liquidation and the warning level with hysteresis (ADR 0305): a level is raised
 * once when the distance falls to it and cleared only when the distance is `hysteresisPct`
 * points beyond it again, so a mark price hovering at a threshold does not flood alerts.
 */

/** Alert levels, least to most severe. */
export type LiquidationLevel = 'none' | 'warning' | 'critical';

/** Thresholds in % of the mark price. */
export interface LiquidationThresholds {
  readonly warnDistancePct: number;
  readonly criticalDistancePct: number;
  readonly hysteresisPct: number;
}

/**
 * (mark − liquidation) / mark × 100 for a long, (liquidation − mark) / mark × 100 for a short.
 * A display figure, not a money sum, so a float is fine here. 0 or below means at/through liquidation.
 */
export function distanceToLiquidationPct(
  side: 'long' | 'short',
  markPrice: number,
  liquidationPrice: number,
): number {
  if (!(markPrice > 0) || !(liquidationPrice > 0)) return Number.POSITIVE_INFINITY;
  const gap = side === 'long' ? markPrice - liquidationPrice : liquidationPrice - markPrice;
  return (gap / markPrice) * 100;
}

/** The level after a new distance reading, given the current level. */
export function nextLiquidationLevel(
  current: LiquidationLevel,
  distancePct: number,
  t: LiquidationThresholds,
): LiquidationLevel {
  if (distancePct <= t.criticalDistancePct) return 'critical';
  if (current === 'critical' && distancePct <= t.criticalDistancePct + t.hysteresisPct) return 'critical';
  if (distancePct <= t.warnDistancePct) return 'warning';
  if (current !== 'none' && distancePct <= t.warnDistancePct + t.hysteresisPct) return 'warning';
  return 'none';
}
