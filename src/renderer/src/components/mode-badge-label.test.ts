import { describe, expect, it } from 'vitest';
import { modeBadgeLabel } from './mode-badge-label.ts';

describe('the header mode text', () => {
  it('says where the paper market comes from, and why it is simulated or stale', () => {
    expect(modeBadgeLabel('live', undefined)).toBe('LIVE');
    expect(modeBadgeLabel('paper', { source: 'live', reason: '', stale: '' })).toBe('PAPER · LIVE DATA');
    expect(
      modeBadgeLabel('paper', { source: 'live', reason: '', stale: 'KuCoin market stream reconnecting' }),
    ).toBe('PAPER · LIVE DATA (stale: KuCoin market stream reconnecting)');
    expect(
      modeBadgeLabel('paper', {
        source: 'simulated',
        reason: 'KuCoin unreachable: getaddrinfo ENOTFOUND',
        stale: '',
      }),
    ).toBe('PAPER · SIMULATED (KuCoin unreachable: getaddrinfo ENOTFOUND)');
    expect(modeBadgeLabel('paper', undefined)).toBe('PAPER');
  });
});
