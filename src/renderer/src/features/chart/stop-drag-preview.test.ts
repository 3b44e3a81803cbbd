import { describe, expect, it } from 'vitest';
import type { Position } from '../../../../shared/domain/position.ts';
import { stopDragPreview, stopDragText } from './stop-drag-preview.ts';

function position(patch: Partial<Position>): Position {
  return {
    symbol: 'XBTUSDTM',
    side: 'long',
    sizeLots: 2,
    marginMode: 'ISOLATED',
    avgEntryPrice: '90000.0',
    markPrice: '90100.0',
    liquidationPrice: '72500.0',
    leverage: 5,
    unrealisedPnl: '0.2',
    realisedPnl: null,
    marginUsdt: '36',
    distanceToLiquidationPct: 19,
    protection: { status: 'PROTECTED', stopLots: 2, stopPrice: '87300.0' },
    updatedAt: 0,
    ...patch,
  };
}

describe('what a dragged stop would mean', () => {
  it('a long: loss = (entry − stop) × lots × multiplier, distance above liquidation', () => {
    const preview = stopDragPreview(position({}), '0.001', '87300.0', 1);
    // (87300 − 90000) × 2 × 0.001 = −5.40 USDT; 87300 − 72500 = 14800 = 16.95 % of the stop.
    expect(preview).toEqual({
      stopPrice: '87300.0',
      pnlAtStopUsdt: '-5.40',
      liquidationDistance: '14800.0',
      liquidationDistancePct: '16.95',
      beyondLiquidation: false,
    });
    expect(stopDragText(preview)).toBe(
      'Stop 87300.0 · Loss at stop -5.40 USDT (before fees) · 14800.0 (16.95 %) before liquidation',
    );
  });

  it('a short: the signs turn round; a stop past liquidation says so', () => {
    const short = position({ side: 'short', liquidationPrice: '107500.0' });
    expect(stopDragPreview(short, '0.001', '92000.0', 1).pnlAtStopUsdt).toBe('-4.00');
    const past = stopDragPreview(short, '0.001', '108000.0', 1);
    expect(past.beyondLiquidation).toBe(true);
    expect(stopDragText(past)).toContain('at or beyond liquidation');
  });

  it('a stop moved into profit shows the gain it locks in', () => {
    expect(stopDragText(stopDragPreview(position({}), '0.001', '91000.0', 1))).toContain('Gain at stop 2.00 USDT');
  });

  it('unknown entry, multiplier or liquidation stay unknown, never guessed', () => {
    const preview = stopDragPreview(position({ avgEntryPrice: null, liquidationPrice: null }), undefined, '87300.0', 1);
    expect(preview.pnlAtStopUsdt).toBeUndefined();
    expect(preview.liquidationDistance).toBeUndefined();
    expect(preview.beyondLiquidation).toBe(false);
    expect(stopDragText(preview)).toBe('Stop 87300.0 · P&L at stop unknown (before fees) · liquidation unknown');
  });
});
