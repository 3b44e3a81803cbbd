import { describe, expect, it } from 'vitest';
import { analysisConfigSchema } from '../config/sections/analysis.ts';
import { stepVerdictZone, type VerdictZone } from './verdict-alerts.ts';

const config = analysisConfigSchema.parse({
  verdict: { alertStrength: 0.5, hysteresisSignal: 0.05 },
}).verdict;

function run(values: readonly number[]): (string | undefined)[] {
  let zone: VerdictZone | undefined;
  return values.map((value) => {
    const step = stepVerdictZone(zone, value, config);
    zone = step.zone;
    return step.change;
  });
}

describe('verdict changes', () => {
  it('the first verdict sets the zone silently; a sign flip and strength crossings are reported', () => {
    expect(run([0.2, -0.2, -0.55, -0.3, 0.3])).toEqual([
      undefined,
      'sign',
      'strengthened',
      'weakened',
      'sign',
    ]);
  });

  it('a verdict wobbling around zero or around the strength reports once, not on every tick', () => {
    expect(run([0.3, -0.02, 0.01, -0.03, 0.04])).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(run([0.3, -0.06, 0.01, -0.04])).toEqual([undefined, 'sign', undefined, undefined]);
    expect(run([0.3, 0.51, 0.47, 0.52, 0.46, 0.44])).toEqual([
      undefined,
      'strengthened',
      undefined,
      undefined,
      undefined,
      'weakened',
    ]);
  });

  it('a jump from strong up to strong down is one sign change, and keeps the value of the last change', () => {
    let zone: VerdictZone | undefined = stepVerdictZone(undefined, 0.7, config).zone;
    const step = stepVerdictZone(zone, -0.8, config);
    expect(step).toEqual({ zone: { sign: -1, strong: true, value: -0.8 }, change: 'sign' });
    zone = stepVerdictZone(step.zone, -0.75, config).zone;
    expect(zone.value).toBe(-0.8);
  });

  it('uses the configured strength', () => {
    let zone: VerdictZone | undefined;
    const steps = [0.1, 0.25, 0.35].map((value) => {
      const step = stepVerdictZone(zone, value, { ...config, alertStrength: 0.3 });
      zone = step.zone;
      return step.change;
    });
    expect(steps).toEqual([undefined, undefined, 'strengthened']);
  });
});
