import { describe, expect, it } from 'vitest';
import type { Position } from '../../../../shared/domain/position.ts';
import { grabsLine, snapToTick, stopDropPreview } from './stop-drop.ts';

const long: Position = {
  symbol: 'XBTUSDTM',
  side: 'long',
  sizeLots: 2,
  marginMode: 'ISOLATED',
  realisedPnl: null,
  marginUsdt: null,
  avgEntryPrice: '60000',
  markPrice: '60500',
  liquidationPrice: '54000',
  leverage: 10,
  unrealisedPnl: '1',
  distanceToLiquidationPct: 10,
  protection: { status: 'PROTECTED', stopLots: 2, stopPrice: '58000' },
  updatedAt: 1,
};

describe('dragging the stop line', () => {
  it('picks the line up only within a few pixels of it', () => {
    expect(grabsLine(100, 104)).toBe(true);
    expect(grabsLine(100, 110)).toBe(false);
    expect(grabsLine(100, null)).toBe(false);
  });

  it('drops on the contract tick', () => {
    expect(snapToTick(58123.4567, '0.1')).toBe('58123.5');
    expect(snapToTick(3012.337, '0.01')).toBe('3012.34');
    expect(snapToTick(-1, '0.1')).toBeUndefined();
  });

  it('shows the loss at the stop and how far the stop sits from liquidation', () => {
    const preview = stopDropPreview(long, '59000', '0.001');
    expect(preview.lossAtStopUsdt).toBeCloseTo(2, 9); // (60000 − 59000) × 2 lots × 0.001
    expect(preview.stopToLiquidationPct).toBeCloseTo((5000 / 59000) * 100, 9);
    expect(preview.refusal).toBeUndefined();
  });

  it('refuses a stop beyond liquidation, and one on the wrong side of the mark', () => {
    expect(stopDropPreview(long, '53900', '0.001').refusal).toContain('Beyond liquidation');
    expect(stopDropPreview(long, '60600', '0.001').refusal).toContain('fire at once');
    const short: Position = { ...long, side: 'short', liquidationPrice: '66000', markPrice: '59500' };
    expect(stopDropPreview(short, '66100', '0.001').refusal).toContain('Beyond liquidation');
    expect(stopDropPreview(short, '61000', '0.001').lossAtStopUsdt).toBeCloseTo(2, 9);
  });

  it('says unknown rather than guessing a loss without an entry price', () => {
    expect(
      stopDropPreview({ ...long, avgEntryPrice: null }, '59000', '0.001').lossAtStopUsdt,
    ).toBeUndefined();
  });
});
