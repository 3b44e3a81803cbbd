/**
 * When the verdict is worth telling (ADR 0702): it flips sign, or |verdict| crosses the alert
 * strength. Both lines carry hysteresis, so a forming bar that wobbles around a line reports once,
 * not on every tick. The first verdict after a contract is followed sets the zone silently.
 */
import type { VerdictChanged } from '../../shared/ipc/channels/analysis.ts';
import type { AnalysisConfig } from '../config/sections/analysis.ts';

/** Where the verdict stands: its sign (0 until it first leaves the dead band), strong or not, and its value at the last change. */
export interface VerdictZone {
  readonly sign: -1 | 0 | 1;
  readonly strong: boolean;
  readonly value: number;
}

/** The next zone, and what changed (if anything worth an event). */
export interface ZoneStep {
  readonly zone: VerdictZone;
  readonly change: VerdictChanged['change'] | undefined;
}

function nextSign(previous: -1 | 0 | 1, value: number, hysteresis: number): -1 | 0 | 1 {
  if (value >= hysteresis && value > 0) return 1;
  if (value <= -hysteresis && value < 0) return -1;
  return previous;
}

function nextStrong(previous: boolean, magnitude: number, config: AnalysisConfig['verdict']): boolean {
  if (previous) return magnitude >= config.alertStrength - config.hysteresisSignal;
  return magnitude >= config.alertStrength;
}

/** Steps the zone for a new verdict value. */
export function stepVerdictZone(
  previous: VerdictZone | undefined,
  value: number,
  config: AnalysisConfig['verdict'],
): ZoneStep {
  const magnitude = Math.abs(value);
  if (previous === undefined) {
    return {
      zone: {
        sign: nextSign(0, value, config.hysteresisSignal),
        strong: magnitude >= config.alertStrength,
        value,
      },
      change: undefined,
    };
  }
  const sign = nextSign(previous.sign, value, config.hysteresisSignal);
  const strong = nextStrong(previous.strong, magnitude, config);
  const flipped = previous.sign !== 0 && sign !== previous.sign;
  const change: ZoneStep['change'] = flipped
    ? 'sign'
    : strong === previous.strong
      ? undefined
      : strong
        ? 'strengthened'
        : 'weakened';
  if (change === undefined) return { zone: { ...previous, sign }, change };
  return { zone: { sign, strong, value }, change };
}
