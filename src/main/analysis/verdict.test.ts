import { describe, expect, it } from 'vitest';
import { weightedVerdict, type TimeframeVote } from './verdict.ts';

const votes = (
  signals: Record<string, number | undefined>,
  weights: Record<string, number> = { '5m': 1, '15m': 2, '1h': 3, '4h': 4 },
): TimeframeVote[] =>
  Object.entries(weights).map(([timeframe, weight]) => ({
    timeframe: timeframe as TimeframeVote['timeframe'],
    weight,
    signal: signals[timeframe],
  }));

describe('weighted verdict', () => {
  it('weights higher timeframes more by default: short-term strength loses to the 4h trend', () => {
    const verdict = weightedVerdict(votes({ '5m': 0.9, '15m': 0.6, '1h': -0.5, '4h': -0.8 }), 0.1);
    expect(verdict?.value).toBeCloseTo((0.9 + 1.2 - 1.5 - 3.2) / 10, 12);
    expect(verdict).toMatchObject({ direction: 'down', strongestTimeframe: '4h', coverage: 1 });
    expect(verdict?.agreement).toBeCloseTo(2.6 / (0.9 + 1.2 + 1.5 + 3.2), 12);
    expect(verdict?.confidence).toBeCloseTo(verdict?.agreement ?? Number.NaN, 12);
  });

  it('follows the configured weights: the same signals flip the verdict when the short timeframes weigh more', () => {
    const signals = { '5m': 0.9, '15m': 0.6, '1h': -0.5, '4h': -0.8 };
    const verdict = weightedVerdict(votes(signals, { '5m': 10, '15m': 5, '1h': 1, '4h': 1 }), 0.1);
    expect(verdict?.value).toBeGreaterThan(0);
    expect(verdict).toMatchObject({ direction: 'up', strongestTimeframe: '5m' });
  });

  it('counts only timeframes with a signal, and says so in the coverage and confidence', () => {
    const verdict = weightedVerdict(votes({ '5m': -0.6, '15m': -0.4 }), 0.1);
    expect(verdict?.value).toBeCloseTo((-0.6 - 0.8) / 3, 12);
    expect(verdict?.coverage).toBeCloseTo(0.3, 12);
    expect(verdict?.agreement).toBe(1);
    expect(verdict?.confidence).toBeCloseTo(0.3, 12);
    expect(verdict?.strongestTimeframe).toBe('15m');
  });

  it('is undefined without any signal; all-zero signals are flat with no confidence', () => {
    expect(weightedVerdict(votes({}), 0.1)).toBeUndefined();
    expect(weightedVerdict(votes({ '5m': 0, '15m': 0, '1h': 0, '4h': 0 }), 0.1)).toMatchObject({
      value: 0,
      direction: 'flat',
      confidence: 0,
      strongestTimeframe: '4h',
    });
  });
});
