import { describe, expect, it } from 'vitest';
import type { KucoinFill } from '../../exchange/kucoin/schemas/orders.ts';
import { fillsOfChange } from './fill-window.ts';

const fill = (tradeId: string, side: 'buy' | 'sell', size: number): KucoinFill => ({
  symbol: 'XBTUSDTM',
  tradeId,
  orderId: `o-${tradeId}`,
  side,
  price: '90000',
  size,
  createdAt: 1_000,
  value: undefined,
  fee: undefined,
  feeRate: undefined,
});

describe('the fills of one position change', () => {
  it('stops at the fill that brings the position to what the read showed; later fills wait for the next change', () => {
    const entry = fill('t1', 'buy', 5);
    const closeElsewhere = fill('t2', 'sell', 5);
    expect(fillsOfChange([entry, closeElsewhere], undefined, { side: 'long', lots: 5 })).toEqual([entry]);
    expect(fillsOfChange([closeElsewhere], { side: 'long', lots: 5 }, undefined)).toEqual([closeElsewhere]);
  });

  it('follows a flip through flat to the other side', () => {
    const fills = [fill('t1', 'sell', 5), fill('t2', 'sell', 3), fill('t3', 'buy', 1)];
    expect(fillsOfChange(fills, { side: 'long', lots: 5 }, { side: 'short', lots: 3 })).toEqual(
      fills.slice(0, 2),
    );
  });

  it('takes every fill when they never add up to the read (some not visible yet)', () => {
    const fills = [fill('t1', 'buy', 2)];
    expect(fillsOfChange(fills, undefined, { side: 'long', lots: 5 })).toEqual(fills);
  });
});
