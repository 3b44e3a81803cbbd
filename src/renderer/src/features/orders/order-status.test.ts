import { describe, expect, it } from 'vitest';
import type { Order } from '../../../../shared/domain/order.ts';
import { canCancel, isOpenOrder, orderStatusColor, orderStatusHint, sortOrders } from './order-status.ts';

const order = (
  clientOid: string,
  status: Order['status'],
  updatedAt: number,
  purpose: Order['purpose'] = 'entry',
): Order => ({
  clientOid,
  symbol: 'XBTUSDTM',
  side: 'buy',
  type: 'limit',
  purpose,
  sizeLots: 1,
  filledLots: 0,
  leverage: 5,
  reduceOnly: false,
  status,
  createdAt: 0,
  updatedAt,
});

describe('order status rules', () => {
  it('puts UNKNOWN and RECONCILING on top, then open, then done; newest first within each', () => {
    const sorted = sortOrders([
      order('done', 'FILLED', 50),
      order('open-old', 'ACKED', 10),
      order('recon', 'RECONCILING', 5),
      order('open-new', 'ACKED', 20),
      order('unknown', 'UNKNOWN', 30),
    ]);
    expect(sorted.map((o) => o.clientOid)).toEqual(['unknown', 'recon', 'open-new', 'open-old', 'done']);
  });

  it('never offers to cancel a protective stop or an undecided order', () => {
    expect(canCancel(order('a', 'ACKED', 1, 'stop'))).toBe(false);
    expect(canCancel(order('b', 'UNKNOWN', 1))).toBe(false);
    expect(canCancel(order('c', 'ACKED', 1))).toBe(true);
  });

  it('UNKNOWN counts as open (it may be live at the exchange)', () => {
    expect(isOpenOrder(order('u', 'UNKNOWN', 1))).toBe(true);
    expect(isOpenOrder(order('f', 'FILLED', 1))).toBe(false);
  });
});

describe('undecided orders read as "finding out", not as failed', () => {
  it('UNKNOWN and RECONCILING are amber, never red, and say what the engine is doing', () => {
    for (const status of ['UNKNOWN', 'RECONCILING'] as const) {
      expect(['orange', 'yellow']).toContain(orderStatusColor[status]);
      expect(orderStatusHint[status]).toMatch(/engine is asking|engine asks/);
    }
    expect(orderStatusColor.REJECTED).toBe('red');
  });
});
