import { describe, expect, it } from 'vitest';
import type { Verdict } from '../../shared/ipc/channels/analysis.ts';
import { analysisConfigSchema } from '../config/sections/analysis.ts';
import { againstVerdictDenial, entryWarning, signedScore } from './entry-check.ts';

const entry = analysisConfigSchema.parse({}).entry;
const down: Verdict = {
  value: -0.62,
  direction: 'down',
  confidence: 0.8,
  coverage: 1,
  agreement: 0.8,
  strongestTimeframe: '4h',
};
const up: Verdict = { ...down, value: 0.45, direction: 'up', strongestTimeframe: '1h' };

describe('entry against the verdict', () => {
  it("warns the side that goes against it, in the trader's words, and not the other side", () => {
    expect(entryWarning('buy', down, entry)).toBe(
      'Entering long against the 4h downtrend, verdict \u22120.62',
    );
    expect(entryWarning('sell', down, entry)).toBeUndefined();
    expect(entryWarning('sell', up, entry)).toBe('Entering short against the 1h uptrend, verdict +0.45');
    expect(entryWarning('buy', up, entry)).toBeUndefined();
  });

  it('stays quiet for a weak or unsure verdict, and without one', () => {
    expect(entryWarning('buy', { ...down, value: -0.29 }, entry)).toBeUndefined();
    expect(entryWarning('buy', { ...down, confidence: 0.2 }, entry)).toBeUndefined();
    expect(entryWarning('buy', null, entry)).toBeUndefined();
    expect(entryWarning('buy', { ...down, value: -0.29 }, { ...entry, warnStrength: 0.2 })).toBeDefined();
  });

  it('the risk rule is off by default; on, it refuses with its rule id and the numbers', () => {
    expect(againstVerdictDenial('buy', down, entry)).toBeUndefined();
    const on = { ...entry, refuseAgainstVerdict: true };
    const denial = againstVerdictDenial('buy', down, on);
    expect(denial).toMatchObject({
      ruleId: 'against-verdict',
      side: 'buy',
      verdict: -0.62,
      confidence: 0.8,
      strongestTimeframe: '4h',
      refuseStrength: 0.5,
      refuseMinConfidence: 0.5,
      numbers: {
        side: 'buy',
        verdict: -0.62,
        confidence: 0.8,
        strongestTimeframe: '4h',
        refuseStrength: 0.5,
        refuseMinConfidence: 0.5,
      },
    });
    expect(denial?.message).toBe(
      'Entering long against the 4h downtrend, verdict \u22120.62 (confidence 0.80): entries against a verdict of 0.50 or more with confidence 0.50 or more are refused',
    );
    expect(againstVerdictDenial('sell', down, on)).toBeUndefined();
    expect(againstVerdictDenial('sell', up, on)).toBeUndefined(); // 0.45 < 0.50
    expect(againstVerdictDenial('buy', { ...down, confidence: 0.49 }, on)).toBeUndefined();
    expect(againstVerdictDenial('buy', undefined, on)).toBeUndefined();
  });

  it('writes scores with a sign', () => {
    expect([signedScore(0.456), signedScore(-0.004), signedScore(-1), signedScore(0)]).toEqual([
      '+0.46',
      '0.00',
      '\u22121.00',
      '0.00',
    ]);
  });
});
