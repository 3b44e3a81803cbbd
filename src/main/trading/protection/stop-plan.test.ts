import { describe, expect, it } from 'vitest';
import { planStops, protectiveStopPrice } from './stop-plan.ts';

const stop = (clientOid: string, sizeLots: number, stopPrice = '89000') => ({
  clientOid,
  exchangeOrderId: clientOid,
  sizeLots,
  stopPrice,
});
const ours = (...stops: ReturnType<typeof stop>[]) => ({ ours: stops, foreign: [] });

describe('stop plan (loss-side cover)', () => {
  it('does nothing when one stop of ours covers the position exactly at the target', () => {
    expect(planStops(5, ours(stop('a', 5)), '89000')).toEqual({
      coveredLots: 5,
      status: 'PROTECTED',
      cancel: [],
    });
  });

  it('after a partial fill adds a full-size stop, then cancels the short one', () => {
    expect(planStops(8, ours(stop('a', 5)), '89000')).toMatchObject({
      status: 'NAKED',
      place: { sizeLots: 8, stopPrice: '89000' },
      cancel: [stop('a', 5)],
    });
  });

  it('after a partial close replaces an oversized stop', () => {
    expect(planStops(2, ours(stop('a', 5, '91000')), '91000')).toMatchObject({
      status: 'PROTECTED',
      place: { sizeLots: 2 },
    });
  });

  it('keeps the exact stop and cancels a leftover from an interrupted hand-off', () => {
    expect(planStops(5, ours(stop('a', 5, '88000'), stop('b', 5, '89000')), '89000')).toEqual({
      coveredLots: 10,
      status: 'PROTECTED',
      cancel: [stop('a', 5, '88000')],
    });
  });

  it('moves the stop when the target price changes', () => {
    expect(planStops(5, ours(stop('a', 5, '88000')), '89000')).toMatchObject({
      place: { sizeLots: 5, stopPrice: '89000' },
      cancel: [stop('a', 5, '88000')],
    });
  });

  it('a naked position gets a stop', () => {
    expect(planStops(3, ours(), '89000')).toMatchObject({
      coveredLots: 0,
      status: 'NAKED',
      place: { sizeLots: 3 },
      cancel: [],
    });
  });

  it('a foreign stop counts as cover and is never in the cancel list; ours cover only the rest', () => {
    const plan = planStops(10, { ours: [stop('a', 10)], foreign: [stop('web', 4, '88000')] }, '89000');
    expect(plan).toMatchObject({
      coveredLots: 14,
      status: 'PROTECTED',
      place: { sizeLots: 6, stopPrice: '89000' },
    });
    expect(plan.cancel.map((s) => s.clientOid)).toEqual(['a']);
  });

  it('a foreign stop covering everything leaves nothing for ours to do but go', () => {
    expect(planStops(4, { ours: [stop('a', 4)], foreign: [stop('web', 4, '88000')] }, '89000')).toEqual({
      coveredLots: 8,
      status: 'PROTECTED',
      cancel: [stop('a', 4)],
    });
    expect(planStops(4, { ours: [], foreign: [stop('web', 4, '88000')] }, '89000')).toEqual({
      coveredLots: 4,
      status: 'PROTECTED',
      cancel: [],
    });
  });

  it('keeps the most protective live stop price', () => {
    expect(protectiveStopPrice('long', [stop('a', 1, '89000'), stop('b', 1, '89500')], '88000')).toBe(
      '89500',
    );
    expect(protectiveStopPrice('short', [stop('a', 1, '91000'), stop('b', 1, '90500')], undefined)).toBe(
      '90500',
    );
    expect(protectiveStopPrice('short', [], '91000')).toBe('91000');
  });
});
