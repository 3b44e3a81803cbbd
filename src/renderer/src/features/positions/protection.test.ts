import { describe, expect, it } from 'vitest';
import type { Position } from '../../../../shared/domain/position.ts';
import { protectionBadge, protectionLabel } from './protection.ts';

const base: Position = {
  symbol: 'XBTUSDTM',
  side: 'long',
  sizeLots: 4,
  marginMode: 'ISOLATED',
  realisedPnl: null,
  marginUsdt: null,
  avgEntryPrice: '90000',
  markPrice: '90000',
  liquidationPrice: '81000',
  leverage: 10,
  unrealisedPnl: '0',
  distanceToLiquidationPct: 10,
  protection: { status: 'NAKED', stopLots: 0, nakedSince: 10_000 },
  updatedAt: 12_000,
};

describe('protection badge', () => {
  it('counts NAKED seconds from nakedSince', () => {
    const view = protectionBadge(base, undefined, 22_500);
    expect(protectionLabel(view)).toBe('NAKED 12 s');
  });

  it('a newer protection-changed event wins and keeps counting', () => {
    const event = {
      symbol: 'XBTUSDTM',
      status: 'NAKED' as const,
      positionLots: 4,
      stopLots: 1,
      nakedForS: 3,
      at: 13_000,
    };
    expect(protectionLabel(protectionBadge(base, event, 15_000))).toBe('NAKED 5 s');
  });

  it('an event saying PROTECTED shows PROTECTED', () => {
    const event = {
      symbol: 'XBTUSDTM',
      status: 'PROTECTED' as const,
      positionLots: 4,
      stopLots: 4,
      nakedForS: 0,
      at: 13_000,
    };
    expect(protectionLabel(protectionBadge(base, event, 99_000))).toBe('PROTECTED');
  });

  it('an event older than the snapshot is ignored', () => {
    const event = {
      symbol: 'XBTUSDTM',
      status: 'PROTECTED' as const,
      positionLots: 4,
      stopLots: 4,
      nakedForS: 0,
      at: 11_000,
    };
    expect(protectionBadge(base, event, 13_000).status).toBe('NAKED');
  });
});
