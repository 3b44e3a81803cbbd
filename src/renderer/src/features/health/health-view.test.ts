import { describe, expect, it } from 'vitest';
import { breakerLight, clockLight, poolLight, poolUsedPct, streamLight } from './health-view.ts';

describe('health lights', () => {
  it('breaker and clock', () => {
    expect([breakerLight('closed'), breakerLight('half-open'), breakerLight('open')]).toEqual([
      'ok',
      'warn',
      'bad',
    ]);
    const clock = { offsetMs: 0, rttMs: 10, uncertaintyMs: 5, maxUncertaintyMs: 250 };
    expect(clockLight({ ...clock, state: 'uncertain' })).toBe('warn');
    expect(clockLight({ ...clock, state: 'unsynced' })).toBe('bad');
  });

  it('streams: absent private stream is not a fault, stopped is', () => {
    expect(streamLight('absent')).toBe('ok');
    expect(streamLight('reconnecting')).toBe('warn');
    expect(streamLight('stopped')).toBe('bad');
  });

  it('pools: amber from 70 %, red from 90 % or when paused', () => {
    expect(poolUsedPct({ limit: 2000, used: 500 })).toBe(25);
    expect(poolLight({ limit: 100, used: 69, pausedForMs: 0 })).toBe('ok');
    expect(poolLight({ limit: 100, used: 70, pausedForMs: 0 })).toBe('warn');
    expect(poolLight({ limit: 100, used: 90, pausedForMs: 0 })).toBe('bad');
    expect(poolLight({ limit: 100, used: 1, pausedForMs: 3000 })).toBe('bad');
    expect(poolUsedPct({ limit: 0, used: 0 })).toBe(100);
  });
});
