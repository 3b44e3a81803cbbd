import { describe, expect, it } from 'vitest';
import type { Order } from '../../../../shared/domain/order.ts';
import { ordersOfTab } from './dock-tabs.ts';

function order(clientOid: string, extra: Partial<Order>): Order {
  return {
    clientOid,
    symbol: 'XBTUSDTM',
    side: 'buy',
    type: 'limit',
    purpose: 'entry',
    sizeLots: 1,
    filledLots: 0,
    status: 'ACKED',
    leverage: 5,
    reduceOnly: false,
    createdAt: 1,
    updatedAt: 1,
    ...extra,
  };
}

describe('the dock splits orders as the exchange does', () => {
  const orders = [
    order('limit', { price: '60000' }),
    order('stop', { purpose: 'stop', type: 'market', stopPrice: '58000', side: 'sell', reduceOnly: true }),
    order('doubt', { status: 'UNKNOWN', price: '60100' }),
    order('done', { status: 'FILLED', price: '60200' }),
    order('stop-cancelled', { purpose: 'stop', stopPrice: '57000', status: 'CANCELLED' }),
  ];

  it('lists resting limits and undecided orders under Open orders, never finished ones', () => {
    expect(ordersOfTab(orders, 'open-orders').map((o) => o.clientOid)).toEqual(['limit', 'doubt']);
  });

  it('lists live orders with a trigger price under Stop orders', () => {
    expect(ordersOfTab(orders, 'stop-orders').map((o) => o.clientOid)).toEqual(['stop']);
  });
});
