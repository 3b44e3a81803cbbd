import { describe, expect, it } from 'vitest';
import type { LiveStop } from '../protection/stop-plan.ts';
import { planTakeProfit } from './take-profit-plan.ts';

const tp = (id: string, sizeLots: number, stopPrice: string): LiveStop => ({
  clientOid: `bwt${id}`,
  exchangeOrderId: id,
  sizeLots,
  stopPrice,
});

describe('take-profit plan', () => {
  it('places one for the whole position when there is none', () => {
    expect(planTakeProfit(5, [], '95000')).toEqual({
      place: { sizeLots: 5, stopPrice: '95000' },
      cancel: [],
    });
  });

  it('keeps the one of the right size and price (price compared as a number), cancels the others', () => {
    const keep = tp('1', 5, '95000.0');
    const extra = tp('2', 5, '95000');
    expect(planTakeProfit(5, [keep, extra], '95000')).toEqual({ cancel: [extra] });
  });

  it('replaces it when the position grew or shrank: the new one first, then the old', () => {
    const old = tp('1', 5, '95000');
    expect(planTakeProfit(8, [old], '95000')).toEqual({
      place: { sizeLots: 8, stopPrice: '95000' },
      cancel: [old],
    });
    expect(planTakeProfit(3, [old], '95000')).toEqual({
      place: { sizeLots: 3, stopPrice: '95000' },
      cancel: [old],
    });
  });

  it('replaces it when the price changed', () => {
    const old = tp('1', 5, '95000');
    expect(planTakeProfit(5, [old], '96000')).toEqual({
      place: { sizeLots: 5, stopPrice: '96000' },
      cancel: [old],
    });
  });

  it('cancels every one of ours when there is no take-profit any more', () => {
    const old = tp('1', 5, '95000');
    expect(planTakeProfit(5, [old], undefined)).toEqual({ cancel: [old] });
    expect(planTakeProfit(5, [], undefined)).toEqual({ cancel: [] });
  });
});
