import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dec } from '../../../shared/domain/decimal.ts';
import type { TrailingState } from '../../../shared/domain/trailing.ts';
import { stepTrailing } from './trailing-math.ts';

const tick = dec('0.1');
const longState: TrailingState = {
  symbol: 'XBTUSDTM',
  positionSide: 'long',
  spec: { mode: 'price', distance: '500' },
  activated: false,
  stopPrice: '89000',
};

describe('trailing stop math', () => {
  it('follows the best price by the distance and only upward for a long', () => {
    let step = stepTrailing(longState, '90000', undefined, tick, 1);
    expect(step.moveTo).toBe('89500');
    step = stepTrailing({ ...step.state, stopPrice: '89500' }, '89900', undefined, tick, 1);
    expect(step.moveTo).toBeUndefined();
    step = stepTrailing({ ...step.state, stopPrice: '89500' }, '90200', undefined, tick, 1);
    expect(step.moveTo).toBe('89700');
  });

  it('waits for the activation price', () => {
    const state = { ...longState, spec: { ...longState.spec, activationPrice: '91000' } };
    expect(stepTrailing(state, '90999.9', undefined, tick, 1).moveTo).toBeUndefined();
    expect(stepTrailing(state, '91000', undefined, tick, 1).moveTo).toBe('90500');
  });

  it('trails a short downward with percent distance, rounding away from the mark', () => {
    const state: TrailingState = {
      ...longState,
      positionSide: 'short',
      spec: { mode: 'percent', distance: '1' },
      stopPrice: '92000',
    };
    expect(stepTrailing(state, '90000', undefined, tick, 1).moveTo).toBe('90900');
    expect(stepTrailing(state, '90000.3', undefined, tick, 1).moveTo).toBe('90900.4');
  });

  it('uses ATR multiples and does nothing without an ATR', () => {
    const state: TrailingState = { ...longState, spec: { mode: 'atr', distance: '2' } };
    expect(stepTrailing(state, '90000', undefined, tick, 1).moveTo).toBeUndefined();
    expect(stepTrailing(state, '90000', 150, tick, 1).moveTo).toBe('89700');
  });

  it('respects the minimum move in ticks', () => {
    const state = { ...longState, stopPrice: '89499.8' };
    expect(stepTrailing(state, '90000', undefined, tick, 3).moveTo).toBeUndefined();
    expect(stepTrailing(state, '90000', undefined, tick, 2).moveTo).toBe('89500');
  });

  it('never moves against the trader and never past the mark (property)', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.array(fc.integer({ min: 800_000, max: 1_000_000 }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 5000 }),
        (long, marks, distTicks) => {
          let state: TrailingState = {
            symbol: 'XBTUSDTM',
            positionSide: long ? 'long' : 'short',
            spec: { mode: 'price', distance: (distTicks / 10).toFixed(1) },
            activated: true,
            stopPrice: long ? '1' : '999999',
          };
          for (const m of marks) {
            const mark = (m / 10).toFixed(1);
            const step = stepTrailing(state, mark, undefined, tick, 1);
            state = step.state;
            if (step.moveTo !== undefined) {
              const next = Number(step.moveTo);
              expect(long ? next > Number(state.stopPrice) : next < Number(state.stopPrice)).toBe(true);
              expect(long ? next < Number(mark) : next > Number(mark)).toBe(true);
              state = { ...state, stopPrice: step.moveTo };
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
