import { describe, expect, it } from 'vitest';
import type { VenueExchange } from '../exchange-api.ts';
import { VenueError } from './errors.ts';
import { createTestVenue } from '../testing.ts';

const XBT = 'XBTUSDTM';
const base = {
  clientOid: 'e1',
  side: 'buy',
  symbol: XBT,
  leverage: 5,
  type: 'limit',
  price: '86000',
  size: 1,
};

function codeOf(run: () => unknown): [string, string, number] {
  try {
    run();
  } catch (error) {
    if (error instanceof VenueError) return [error.code, error.msg, error.httpStatus];
    throw error;
  }
  throw new Error('expected a VenueError');
}

const orderCases: [string, unknown, string, RegExp][] = [
  ['no body', null, '100001', /body/],
  ['missing clientOid', { ...base, clientOid: undefined }, '100001', /clientOid/],
  ['clientOid with a bad character', { ...base, clientOid: 'a b' }, '100001', /clientOid/],
  ['clientOid longer than 40', { ...base, clientOid: 'x'.repeat(41) }, '100001', /clientOid/],
  ['bad side', { ...base, side: 'long' }, '100001', /side/],
  ['missing side', { ...base, side: undefined }, '100001', /side/],
  ['missing leverage', { ...base, leverage: undefined }, '100001', /leverage/],
  ['negative leverage', { ...base, leverage: -1 }, '100001', /leverage/],
  ['limit without price', { ...base, price: undefined }, '100001', /price/],
  ['price off tick', { ...base, price: '86000.05' }, '100001', /tickSize/],
  ['price not a number', { ...base, price: '8.6e4' }, '100001', /price/],
  ['price above maxPrice', { ...base, price: '1000000.1' }, '100001', /greater/],
  ['size 0', { ...base, size: 0 }, '100001', /size/],
  ['fractional size', { ...base, size: 1.5 }, '100001', /integer/],
  ['size above maxOrderQty', { ...base, size: 1_000_001 }, '100001', /greater than 1000000/],
  ['size and qty both', { ...base, qty: '0.001' }, '100001', /exactly one/],
  [
    'qty not a multiple of the multiplier',
    { ...base, size: undefined, qty: '0.0015' },
    '100001',
    /multiplier/,
  ],
  ['postOnly with hidden', { ...base, postOnly: true, hidden: true }, '100001', /postOnly/],
  ['postOnly with IOC', { ...base, postOnly: true, timeInForce: 'IOC' }, '100001', /IOC/],
  ['hidden market order', { ...base, type: 'market', hidden: true }, '100001', /limit orders/],
  [
    'iceberg visible slice too small',
    { ...base, size: 100, iceberg: true, visibleSize: '4' },
    '100001',
    /visibleSize/,
  ],
  ['stop without stopPrice', { ...base, stop: 'up' }, '100001', /stopPrice/],
  [
    'bad stopPriceType',
    { ...base, stop: 'up', stopPrice: '90000', stopPriceType: 'XX' },
    '100001',
    /stopPriceType/,
  ],
  ['remark over 100 characters', { ...base, remark: 'r'.repeat(101) }, '100001', /remark/],
  ['unknown symbol', { ...base, symbol: 'NOPEUSDTM' }, '100003', /NOPEUSDTM/],
  ['leverage above the contract maximum', { ...base, leverage: 126 }, '300016', /125/],
  ['buy above the price band', { ...base, price: '91000' }, '300011', /higher than/],
  ['sell below the price band', { ...base, side: 'sell', price: '81000' }, '300012', /lower than/],
  [
    'position above the highest risk limit',
    { ...base, type: 'market', price: undefined, size: 600_000, leverage: 1 },
    '300005',
    /Risk limit/,
  ],
  ['trigger prices on a plain order', { ...base, triggerStopUpPrice: '90000' }, '100001', /st-orders/],
];

describe('every malformed order gets KuCoin’s code and message, and changes nothing', () => {
  it.each(orderCases)('%s → %s', (_name, body, code, message) => {
    const venue = createTestVenue();
    venue.exchange.openAccount('u1', '10000');
    const before = JSON.stringify([
      venue.exchange.accountOverview('u1', 'USDT'),
      venue.exchange.level2Snapshot(XBT),
    ]);
    const [gotCode, msg, status] = codeOf(() => venue.exchange.placeOrder('u1', body));
    expect(gotCode).toBe(code);
    expect(msg).toMatch(message);
    expect(status).toBe(200);
    expect(
      JSON.stringify([venue.exchange.accountOverview('u1', 'USDT'), venue.exchange.level2Snapshot(XBT)]),
    ).toBe(before);
    expect(
      venue.exchange.listOrders('u1', { status: 'active' }).totalNum +
        venue.exchange.listOrders('u1', { status: 'done' }).totalNum,
    ).toBe(0);
  });
});

describe('other error paths', () => {
  const setup = (): VenueExchange => {
    const { exchange } = createTestVenue();
    exchange.openAccount('u1', '10000');
    return exchange;
  };

  it.each<[string, (exchange: VenueExchange) => unknown, string]>([
    ['unknown contract', (x) => x.contract('NOPE'), '100003'],
    ['unknown ticker', (x) => x.ticker('NOPE'), '100003'],
    ['unsupported kline granularity', (x) => x.klines(XBT, 7), '100001'],
    ['cancel an unknown order', (x) => x.cancelOrder('u1', '123'), '100004'],
    ['cancel by an unknown clientOid', (x) => x.cancelByClientOid('u1', 'nope', XBT), '100004'],
    ['query an unknown order', (x) => x.order('u1', '123'), '404000'],
    ['query an unknown clientOid', (x) => x.orderByClientOid('u1', 'nope'), '404000'],
    ['unknown account', (x) => x.accountOverview('ghost', 'USDT'), '400003'],
    [
      'batch of 21 orders',
      (x) =>
        x.placeOrders(
          'u1',
          Array.from({ length: 21 }, (_, i) => ({ ...base, clientOid: `b${i}` })),
        ),
      '100001',
    ],
    ['batch that is not an array', (x) => x.placeOrders('u1', { ...base }), '100001'],
    ['multi-cancel without ids', (x) => x.cancelMany('u1', {}), '100001'],
    ['bad order-list status', (x) => x.listOrders('u1', { status: 'pending' }), '100001'],
    ['bad page size', (x) => x.listOrders('u1', { pageSize: '-1' }), '100001'],
    ['bad margin mode', (x) => x.setMarginMode('u1', { symbol: XBT, marginMode: 'HEDGE' }), '100001'],
    [
      'cross leverage above maximum',
      (x) => x.setCrossLeverage('u1', { symbol: XBT, leverage: '200' }),
      '300016',
    ],
    [
      'deposit margin without a position',
      (x) => x.depositMargin('u1', { symbol: XBT, margin: 1, bizNo: 'b' }),
      '300009',
    ],
    [
      'withdraw more margin than added',
      (x) => {
        x.placeOrder('u1', { ...base, type: 'market', price: undefined });
        return x.withdrawMargin('u1', { symbol: XBT, withdrawAmount: '1' });
      },
      '200004',
    ],
    ['max open size without price', (x) => x.maxOpenSize('u1', { symbol: XBT, leverage: '5' }), '100001'],
    [
      'setPrice with a bad price',
      (x) => {
        x.setPrice(XBT, 'abc');
      },
      '100001',
    ],
    ['st-orders without trigger prices', (x) => x.placeOrderWithStops('u1', { ...base }), '100001'],
  ])('%s → %s', (_name, run, code) => {
    expect(codeOf(() => run(setup()))[0]).toBe(code);
  });

  it('cancelling twice answers 100004 the second time', () => {
    const exchange = setup();
    const { orderId } = exchange.placeOrder('u1', base);
    expect(exchange.cancelOrder('u1', orderId)).toEqual({ cancelledOrderIds: [orderId] });
    expect(codeOf(() => exchange.cancelOrder('u1', orderId))[0]).toBe('100004');
    expect(exchange.order('u1', orderId)).toMatchObject({ status: 'done', cancelExist: true });
  });

  it('multi-cancel answers per item', () => {
    const exchange = setup();
    const { orderId } = exchange.placeOrder('u1', base);
    expect(exchange.cancelMany('u1', { orderIdsList: [orderId, '42'] })).toEqual([
      { orderId, clientOid: null, code: '200', msg: 'success' },
      { orderId: '42', clientOid: null, code: '100004', msg: 'Order is in not cancelable state' },
    ]);
  });

  it('cancel-only status refuses new orders (300002) but allows cancels', () => {
    const exchange = setup();
    const { orderId } = exchange.placeOrder('u1', base);
    exchange.setStatus('cancelonly');
    expect(codeOf(() => exchange.placeOrder('u1', { ...base, clientOid: 'e2' }))[0]).toBe('300002');
    expect(exchange.cancelOrder('u1', orderId).cancelledOrderIds).toEqual([orderId]);
    expect(exchange.status()).toEqual({ status: 'cancelonly', msg: '' });
  });

  it('the 101st open order on a contract is refused with 300001', () => {
    const exchange = setup();
    for (let i = 0; i < 100; i++)
      exchange.placeOrder('u1', { ...base, clientOid: `o${i}`, price: String(85000 + i) });
    const [code, msg] = codeOf(() => exchange.placeOrder('u1', { ...base, clientOid: 'o100' }));
    expect([code, msg]).toEqual([
      '300001',
      'Active order quantity limit exceeded (limit: 100, current: 100)',
    ]);
  });
});
