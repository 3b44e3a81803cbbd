import type { CreatePriceLineOptions, IPriceLine } from 'lightweight-charts';
import { describe, expect, it } from 'vitest';
import type { Order } from '../../../../shared/domain/order.ts';
import { createOrderLineManager, openOrderLines, orderLineTitle } from './order-lines.ts';

const order = (patch: Partial<Order>): Order => ({
  clientOid: 'bw-1',
  symbol: 'XBTUSDTM',
  side: 'buy',
  type: 'limit',
  purpose: 'entry',
  sizeLots: 3,
  filledLots: 1,
  price: '88000',
  stopPrice: '86000',
  leverage: 5,
  reduceOnly: false,
  status: 'PARTIALLY_FILLED',
  createdAt: 1,
  updatedAt: 1,
  ...patch,
});

describe('open order lines', () => {
  it('draws the confirmed open limit entries and closes of the symbol, with the lots still to fill', () => {
    const orders = {
      a: order({ clientOid: 'a' }),
      b: order({ clientOid: 'b', purpose: 'stop', type: 'market', price: undefined }),
      c: order({ clientOid: 'c', status: 'FILLED' }),
      d: order({ clientOid: 'd', status: 'SUBMITTED' }),
      e: order({ clientOid: 'e', symbol: 'ETHUSDTM' }),
      f: order({
        clientOid: 'f',
        purpose: 'close',
        side: 'sell',
        reduceOnly: true,
        status: 'ACKED',
        filledLots: 0,
      }),
    };
    expect(openOrderLines(orders, 'XBTUSDTM').map((l) => [l.clientOid, l.lots, l.price])).toEqual([
      ['a', 2, 88_000],
      ['f', 3, 88_000],
    ]);
    expect(orderLineTitle({ side: 'sell', lots: 3, purpose: 'close' })).toBe('Sell 3 close');
  });

  it('creates a line once per order, moves it, and removes it when the order is done', () => {
    const log: string[] = [];
    const host = {
      createPriceLine: (options: CreatePriceLineOptions) => {
        log.push(`create ${String(options.price)} ${options.title ?? ''}`);
        return {
          applyOptions: (o: { price?: number }) => log.push(`move ${String(o.price)}`),
        } as unknown as IPriceLine;
      },
      removePriceLine: () => log.push('remove'),
    };
    const manager = createOrderLineManager(host, { buy: 'green', sell: 'red' });
    const line = openOrderLines({ a: order({ clientOid: 'a' }) }, 'XBTUSDTM');
    manager.setOrders(line);
    manager.setOrders(line);
    manager.setOrders(line.map((l) => ({ ...l, price: 88_500 })));
    manager.setOrders([]);
    expect(log).toEqual(['create 88000 Buy 2', 'move 88500', 'remove']);
  });
});
