import { describe, expect, it } from 'vitest';
import type { ExchangeHealth } from '../../../../shared/ipc/channels/market.ts';
import { overallHealth } from '../../components/header/HealthLight.tsx';
import { exchangeLinkProblem } from './ExchangeLinkBanner.tsx';
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

describe('the exchange link banner and the header light', () => {
  const healthy: ExchangeHealth = {
    breaker: 'closed',
    limiter: [],
    clock: { state: 'healthy', offsetMs: 0, rttMs: 10, uncertaintyMs: 5, maxUncertaintyMs: 250 },
    streams: { public: 'open', private: 'absent' },
  };

  it('say nothing while the link is fine', () => {
    expect(exchangeLinkProblem(healthy)).toBeUndefined();
    expect(overallHealth(healthy)).toEqual({ light: 'ok', problems: [] });
  });

  it('say entries are refused while the breaker is open, and name the part at fault', () => {
    const open = { ...healthy, breaker: 'open' as const };
    expect(exchangeLinkProblem(open)?.title).toContain('breaker OPEN');
    expect(overallHealth(open)).toEqual({ light: 'bad', problems: ['order breaker open'] });
  });

  it('warn when the market stream is reconnecting, not while it first connects', () => {
    expect(
      exchangeLinkProblem({ ...healthy, streams: { public: 'reconnecting', private: 'absent' } })?.title,
    ).toBe('Market stream reconnecting');
    expect(
      exchangeLinkProblem({ ...healthy, streams: { public: 'connecting', private: 'absent' } }),
    ).toBeUndefined();
  });
});
