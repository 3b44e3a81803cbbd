import { describe, expect, it } from 'vitest';
import type { Position } from '../../../../shared/domain/position.ts';
import { checkActivation, checkStopMove, isTrailingDistance } from './stop-move.ts';

const long: Position = {
  symbol: 'XBTUSDTM',
  side: 'long',
  sizeLots: 1,
  marginMode: 'ISOLATED',
  realisedPnl: null,
  marginUsdt: null,
  avgEntryPrice: '90000',
  markPrice: '90500',
  liquidationPrice: '81000',
  leverage: 10,
  unrealisedPnl: '0.5',
  distanceToLiquidationPct: 10,
  protection: { status: 'PROTECTED', stopLots: 1, stopPrice: '89000' },
  updatedAt: 1,
};

describe('checkStopMove', () => {
  it('accepts a long stop below the mark, refuses one at or above it', () => {
    expect(checkStopMove(long, ' 90100 ')).toEqual({ ok: true, stopPrice: '90100' });
    expect(checkStopMove(long, '90500').ok).toBe(false);
    expect(checkStopMove(long, '91000').ok).toBe(false);
  });

  it('mirrors the rule for a short', () => {
    const short = { ...long, side: 'short' as const };
    expect(checkStopMove(short, '91000').ok).toBe(true);
    expect(checkStopMove(short, '90000').ok).toBe(false);
  });

  it('refuses text that is not a price', () => {
    expect(checkStopMove(long, '').ok).toBe(false);
    expect(checkStopMove(long, '-5').ok).toBe(false);
  });

  it('trailing distances must be positive decimals', () => {
    expect(isTrailingDistance('1.5')).toBe(true);
    expect(isTrailingDistance('0')).toBe(false);
    expect(isTrailingDistance('abc')).toBe(false);
  });
});

describe('checkActivation', () => {
  it('empty means trail at once; otherwise the price must be beyond the entry in profit', () => {
    expect(checkActivation(long, '  ')).toEqual({ ok: true, activationPrice: undefined });
    expect(checkActivation(long, ' 91000 ')).toEqual({ ok: true, activationPrice: '91000' });
    expect(checkActivation(long, '90000')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/above the entry/) as unknown,
    });
    const short = { ...long, side: 'short' as const };
    expect(checkActivation(short, '89000').ok).toBe(true);
    expect(checkActivation(short, '90000.1')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/below the entry/) as unknown,
    });
    expect(checkActivation(long, 'x').ok).toBe(false);
  });
});
