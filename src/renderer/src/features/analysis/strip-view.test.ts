import { describe, expect, it } from 'vitest';
import { indicatorValue, signedScore, stripView, viewKey } from './strip-view.ts';
import { snapshotOf } from './snapshots.test-helper.ts';

describe('strip view', () => {
  it('writes each timeframe as direction and signal, with the components and their values for the hover', () => {
    const view = stripView(snapshotOf());
    expect(view.timeframes.map((t) => t.text)).toEqual([
      '→ +0.05',
      '↓ \u22120.40',
      '↓ \u22120.80',
      'not enough history (needs 34 bars of 4h, has 12)',
    ]);
    expect(view.timeframes[2]?.details).toEqual([
      'EMA 9/21 trend: \u22120.80 × 0.5 (EMA 9 90100.1, EMA 21 90200.5, ATR 14 120.25)',
      'RSI 14: \u22120.40 × 0.25 (RSI 14 41.2346)',
      'MACD 12/26/9 histogram: \u22120.80 × 0.25 (MACD -12.5, signal -8, histogram -4.5, ATR 14 120.25)',
      'ATR 14: 120.25 · 300 bars · weight 3',
    ]);
    expect(view.verdict).toEqual({
      direction: 'down',
      value: '\u22120.62',
      confidence: '0.80',
      strongestTimeframe: '1h',
    });
    expect(view.warnings.buy).toBe('Entering long against the 1h downtrend, verdict \u22120.62');
  });

  it('says loading and why a timeframe has no data; no verdict without one', () => {
    const view = stripView(
      snapshotOf({
        timeframes: [
          { timeframe: '5m', weight: 1, status: 'loading' },
          {
            timeframe: '15m',
            weight: 2,
            status: 'unavailable',
            message: 'candles unavailable (timeout); retrying every 10 s',
          },
        ],
        verdict: null,
        entryWarnings: {},
      }),
    );
    expect(view.timeframes.map((t) => [t.text, t.details])).toEqual([
      ['loading…', []],
      ['no data', ['candles unavailable (timeout); retrying every 10 s']],
    ]);
    expect(view.verdict).toBeUndefined();
  });

  it('snapshots that look the same have the same key; a change in a shown digit changes it', () => {
    const a = snapshotOf();
    const b = snapshotOf({ at: a.at + 500 });
    expect(viewKey(stripView(a))).toBe(viewKey(stripView(b)));
    const moved = snapshotOf({ verdict: { ...a.verdict!, value: -0.63 } });
    expect(viewKey(stripView(moved))).not.toBe(viewKey(stripView(a)));
    expect([signedScore(0.004), signedScore(-0.5), indicatorValue(90_123.456789)]).toEqual([
      '0.00',
      '\u22120.50',
      '90123.5',
    ]);
  });
});
