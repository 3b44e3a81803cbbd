import { describe, expect, it } from 'vitest';
import { planStops, protectiveStopPrice } from './stop-plan.ts';

const stop = (clientOid: string, sizeLots: number, stopPrice = '89000') => ({ clientOid, exchangeOrderId: clientOid, sizeLots, stopPrice });

describe('stop plan', () => {
  it('does nothing when one stop covers the position exactly', () => {
    expect(planStops('long', 5, [stop('a', 5)], '89000')).toEqual({ coveredLots: 5, status: 'PROTECTED', cancel: [] });
  });

  it('after a partial fill adds a full-size stop, then cancels the short one', () => {
    const plan = planStops('long', 8, [stop('a', 5)], '89000');
    expect(plan).toMatchObject({ status: 'NAKED', place: { sizeLots: 8, stopPrice: '89000' }, cancel: [stop('a', 5)] });
  });

  it('after a partial close replaces an oversized stop', () => {
    expect(planStops('short', 2, [stop('a', 5)], '91000')).toMatchObject({ status: 'PROTECTED', place: { sizeLots: 2 } });
  });

  it('keeps the exact stop and cancels a leftover from an interrupted hand-off', () => {
    expect(planStops('long', 5, [stop('a', 5, '88000'), stop('b', 5, '89000')], '89000')).toEqual({ coveredLots: 10, status: 'PROTECTED', cancel: [stop('a', 5, '88000')] });
  });

  it('moves the stop when the target price changes', () => {
    expect(planStops('long', 5, [stop('a', 5, '88000')], '89000')).toMatchObject({ place: { sizeLots: 5, stopPrice: '89000' }, cancel: [stop('a', 5, '88000')] });
  });

  it('a naked position gets a stop', () => {
    expect(planStops('long', 3, [], '89000')).toMatchObject({ coveredLots: 0, status: 'NAKED', place: { sizeLots: 3 }, cancel: [] });
  });

  it('keeps the tightest live stop price', () => {
    expect(protectiveStopPrice('long', [stop('a', 1, '89000'), stop('b', 1, '89500')], '88000')).toBe('89500');
    expect(protectiveStopPrice('short', [stop('a', 1, '91000'), stop('b', 1, '90500')], undefined)).toBe('90500');
    expect(protectiveStopPrice('short', [], '91000')).toBe('91000');
  });
});
