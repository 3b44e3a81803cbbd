import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VenueError } from './wire/errors.ts';
import type { VenueExchange } from './exchange-api.ts';
import { createTestVenue } from './testing.ts';

/** Runs `call`; anything thrown must be a VenueError (KuCoin code and msg), never a crash. */
function onlyVenueErrors(call: () => unknown): void {
  try {
    call();
  } catch (error) {
    if (!(error instanceof VenueError)) throw error;
    expect(error.code).toMatch(/^\d{5,6}$/);
    expect(error.msg.length).toBeGreaterThan(0);
  }
}

const field = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -5, max: 2_000_000 }),
  fc.double({ noNaN: false }),
  fc.constantFrom(
    'buy',
    'sell',
    'limit',
    'market',
    'GTC',
    'IOC',
    'up',
    'down',
    'TP',
    'MP',
    'IP',
    'CROSS',
    'ISOLATED',
    'XBTUSDTM',
    'ETHUSDTM',
    '86000',
    '86000.05',
    '1',
    '0',
    '-1',
    '1e3',
    '',
  ),
  fc.string({ maxLength: 12 }),
);

const orderBody = fc.record(
  {
    clientOid: fc.oneof(fc.string({ maxLength: 45 }), fc.integer()),
    side: field,
    symbol: field,
    leverage: field,
    type: field,
    price: field,
    size: field,
    qty: field,
    valueQty: field,
    timeInForce: field,
    postOnly: field,
    hidden: field,
    iceberg: field,
    visibleSize: field,
    reduceOnly: field,
    closeOrder: field,
    stop: field,
    stopPrice: field,
    stopPriceType: field,
    marginMode: field,
    stp: field,
    remark: field,
    triggerStopUpPrice: field,
    triggerStopDownPrice: field,
  },
  { requiredKeys: [] },
);

const calls: ((x: VenueExchange, body: unknown) => unknown)[] = [
  (x, body) => x.placeOrder('u1', body),
  (x, body) => x.testOrder('u1', body),
  (x, body) => x.placeOrderWithStops('u1', body),
  (x, body) => x.placeOrders('u1', [body, body]),
  (x, body) => x.cancelMany('u1', body),
  (x, body) => x.setMarginMode('u1', body),
  (x, body) => x.setCrossLeverage('u1', body),
  (x, body) => x.depositMargin('u1', body),
  (x, body) => x.withdrawMargin('u1', body),
  (x, body) => x.changeRiskLimitLevel('u1', body),
  (x, body) => x.batchChangeMarginMode('u1', body),
  (x, body) => x.setAutoDeposit('u1', body),
];

describe('malformed input never crashes the venue (fast-check)', () => {
  it('every write endpoint answers random bodies with a result or a VenueError, and the ledger stays exact', () => {
    const venue = createTestVenue();
    venue.exchange.openAccount('u1', '10000');
    fc.assert(
      fc.property(
        fc.oneof(orderBody, fc.anything()),
        fc.integer({ min: 0, max: calls.length - 1 }),
        (body, index) => {
          onlyVenueErrors(() => calls[index]?.(venue.exchange, body));
          const ledger = venue.exchange.ledger('u1');
          expect(Number(ledger.balance)).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 400, seed: 424242 },
    );
  });

  it('query endpoints answer random query strings with a result or a VenueError', () => {
    const venue = createTestVenue();
    venue.exchange.openAccount('u1', '10000');
    const query = fc.dictionary(
      fc.constantFrom(
        'symbol',
        'status',
        'side',
        'type',
        'startAt',
        'endAt',
        'currentPage',
        'pageSize',
        'price',
        'leverage',
        'maxCount',
        'offset',
        'tradeTypes',
        'reverse',
      ),
      fc.oneof(
        fc.string({ maxLength: 8 }),
        fc.constantFrom('XBTUSDTM', 'active', 'done', '5', '0', '-3', '1e9'),
      ),
    );
    fc.assert(
      fc.property(query, (q) => {
        const x = venue.exchange;
        for (const call of [
          () => x.listOrders('u1', q),
          () => x.listStopOrders('u1', q),
          () => x.fills('u1', q),
          () => x.historyPositions('u1', q),
          () => x.fundingPayments('u1', q),
          () => x.maxOpenSize('u1', q),
          () => x.batchCrossOrderLimit('u1', q),
          () => x.transactionHistory('u1', q),
          () => x.indexSeries(q),
          () => x.premiumSeries(q),
        ]) {
          onlyVenueErrors(call);
        }
      }),
      { numRuns: 150, seed: 424243 },
    );
  });
});
