import { describe, expect, it } from 'vitest';
import type { Level2ChangeEvent, OrderChangeEvent, VenueEvent } from '../wire/events.ts';
import { VenueError } from '../wire/errors.ts';
import { createTestVenue } from '../testing.ts';

const XBT = 'XBTUSDTM';

function order(overrides: Record<string, unknown>): Record<string, unknown> {
  return {
    clientOid: `c${Math.random().toString(36).slice(2, 12)}`,
    side: 'buy',
    symbol: XBT,
    leverage: 10,
    type: 'limit',
    ...overrides,
  };
}

function level2Changes(events: readonly VenueEvent[]): string[] {
  return events
    .filter(
      (event): event is Level2ChangeEvent =>
        event.subject === 'level2' && event.topic.startsWith('/contractMarket/level2:'),
    )
    .map((event) => event.data.change);
}

function orderChanges(events: readonly VenueEvent[], orderId: string): OrderChangeEvent['data'][] {
  return events
    .filter(
      (event): event is OrderChangeEvent =>
        event.subject === 'symbolOrderChange' && event.data.orderId === orderId,
    )
    .map((event) => event.data);
}

function rejection(run: () => unknown): VenueError {
  try {
    run();
  } catch (error) {
    if (error instanceof VenueError) return error;
    throw error;
  }
  throw new Error('expected a VenueError');
}

describe('matching against the book (mid 86364, 10 levels × 100 lots, 1-tick spread)', () => {
  it('starts with the synthetic book around the last price', () => {
    const { exchange } = createTestVenue();
    const book = exchange.depth(XBT, 20);
    expect(book.bids[0]).toEqual([86363.9, 100]);
    expect(book.asks[0]).toEqual([86364.1, 100]);
    expect(book.asks).toHaveLength(10);
    const ticker = exchange.ticker(XBT);
    expect(ticker.bestBidPrice).toBe('86363.9');
    expect(ticker.bestAskSize).toBe(100);
  });

  it('a market buy walks three levels, pays taker on every fill and reports the book changes', () => {
    const venue = createTestVenue();
    venue.exchange.openAccount('u1', '10000');
    venue.events.length = 0;
    const { orderId } = venue.exchange.placeOrder('u1', order({ type: 'market', size: 250 }));
    const placed = venue.exchange.order('u1', orderId);
    expect(placed).toMatchObject({
      type: 'market',
      price: '0',
      timeInForce: 'GTC',
      status: 'done',
      dealSize: 250,
      filledSize: 250,
      filledValue: '21591.045',
      avgDealPrice: '86364.18',
      isActive: false,
    });
    const fills = venue.exchange.fills('u1', { orderId }).items;
    expect(fills.map((fill) => [fill.price, fill.size, fill.liquidity, fill.fee, fill.feeRate])).toEqual([
      ['86364.3', 50, 'taker', '2.590929', '0.00060'],
      ['86364.2', 100, 'taker', '5.181852', '0.00060'],
      ['86364.1', 100, 'taker', '5.181846', '0.00060'],
    ]);
    expect(level2Changes(venue.events)).toEqual(['86364.1,sell,0', '86364.2,sell,0', '86364.3,sell,50']);
    const changes = orderChanges(venue.events, orderId).map((change) => `${change.type}/${change.status}`);
    expect(changes).toEqual(['match/match', 'match/match', 'match/match', 'filled/done']);
    expect(venue.exchange.position('u1', XBT).currentQty).toBe(250);
    expect(venue.events.filter((event) => event.subject === 'match')).toHaveLength(3);
  });

  it('level-2 sequences rise by one per change and match the snapshot', () => {
    const venue = createTestVenue();
    venue.exchange.openAccount('u1', '10000');
    const before = venue.exchange.level2Snapshot(XBT).sequence;
    venue.events.length = 0;
    venue.exchange.placeOrder('u1', order({ type: 'market', size: 150 }));
    venue.exchange.placeOrder('u1', order({ price: '86000', size: 3 }));
    const sequences = venue.events
      .filter(
        (event): event is Level2ChangeEvent =>
          event.subject === 'level2' && event.topic.startsWith('/contractMarket/level2:'),
      )
      .map((event) => event.data.sequence);
    expect(sequences).toEqual(sequences.map((_, index) => before + index + 1));
    expect(venue.exchange.level2Snapshot(XBT).sequence).toBe(before + sequences.length);
  });

  it('a GTC limit rests with reserved margin, shows in the book and fills as maker when the market comes down', () => {
    const venue = createTestVenue();
    venue.exchange.openAccount('u1', '10000');
    venue.events.length = 0;
    const { orderId } = venue.exchange.placeOrder('u1', order({ price: '86000', size: 5 }));
    expect(venue.exchange.order('u1', orderId)).toMatchObject({
      status: 'open',
      isActive: true,
      filledSize: 0,
      value: '430',
    });
    expect(level2Changes(venue.events)).toEqual(['86000,buy,5']);
    expect(venue.exchange.accountOverview('u1', 'USDT').orderMargin).toBe(43.5418);
    expect(venue.exchange.level2Snapshot(XBT).bids.at(-1)).toEqual([86000, 5]);
    venue.move(XBT, { mark: '85990', index: '85990', last: '85990' });
    const filled = venue.exchange.order('u1', orderId);
    expect(filled).toMatchObject({ status: 'done', filledSize: 5, avgDealPrice: '86000' });
    const [fill] = venue.exchange.fills('u1', { orderId }).items;
    expect(fill).toMatchObject({ liquidity: 'maker', price: '86000', fee: '0.086', feeRate: '0.00020' });
    expect(venue.exchange.accountOverview('u1', 'USDT').orderMargin).toBe(0);
  });

  it('IOC trades what it can and cancels the rest', () => {
    const venue = createTestVenue();
    venue.exchange.openAccount('u1', '10000');
    const { orderId } = venue.exchange.placeOrder(
      'u1',
      order({ price: '86364.1', size: 150, timeInForce: 'IOC' }),
    );
    expect(venue.exchange.order('u1', orderId)).toMatchObject({
      status: 'done',
      filledSize: 100,
      cancelExist: true,
    });
    expect(orderChanges(venue.events, orderId).at(-1)).toMatchObject({
      type: 'canceled',
      canceledSize: '50',
      status: 'done',
    });
  });

  it('post-only: an order that would take is canceled without a fill; one that would not rests', () => {
    const venue = createTestVenue();
    venue.exchange.openAccount('u1', '10000');
    const taking = venue.exchange.placeOrder('u1', order({ price: '86364.5', size: 1, postOnly: true }));
    expect(venue.exchange.order('u1', taking.orderId)).toMatchObject({
      status: 'done',
      filledSize: 0,
      cancelExist: true,
    });
    expect(venue.exchange.fills('u1', {}).items).toHaveLength(0);
    const making = venue.exchange.placeOrder('u1', order({ price: '86363.9', size: 1, postOnly: true }));
    expect(venue.exchange.order('u1', making.orderId)).toMatchObject({ status: 'open', postOnly: true });
  });

  it('hidden orders stay out of the book and pay taker as maker; icebergs show their visible slice', () => {
    const venue = createTestVenue();
    venue.exchange.openAccount('u1', '100000');
    const hidden = venue.exchange.placeOrder('u1', order({ price: '86300', size: 4, hidden: true }));
    venue.exchange.placeOrder('u1', order({ price: '86200', size: 100, iceberg: true, visibleSize: '5' }));
    const bids = venue.exchange.level2Snapshot(XBT).bids;
    expect(bids.find(([price]) => price === 86300)).toBeUndefined();
    expect(bids.find(([price]) => price === 86200)).toEqual([86200, 5]);
    venue.move(XBT, { mark: '86290', index: '86290', last: '86290' });
    const [fill] = venue.exchange.fills('u1', { orderId: hidden.orderId }).items;
    expect(fill).toMatchObject({ liquidity: 'maker', feeRate: '0.00060', fee: '0.20712' });
  });

  it('two users trade with each other: the resting order is the maker', () => {
    const venue = createTestVenue();
    venue.exchange.openAccount('maker', '10000');
    venue.exchange.openAccount('taker', '10000');
    const resting = venue.exchange.placeOrder('maker', order({ side: 'sell', price: '86364.1', size: 2 }));
    const taking = venue.exchange.placeOrder('taker', order({ type: 'market', size: 2 }));
    expect(venue.exchange.fills('maker', { orderId: resting.orderId }).items[0]).toMatchObject({
      liquidity: 'maker',
      size: 2,
      price: '86364.1',
    });
    expect(venue.exchange.fills('taker', { orderId: taking.orderId }).items[0]).toMatchObject({
      liquidity: 'taker',
      size: 2,
      price: '86364.1',
    });
    expect(venue.exchange.position('maker', XBT).currentQty).toBe(-2);
    expect(venue.exchange.position('taker', XBT).currentQty).toBe(2);
    expect(venue.exchange.tradeHistory(XBT)[0]).toMatchObject({
      makerOrderId: resting.orderId,
      takerOrderId: taking.orderId,
      side: 'buy',
      size: 2,
    });
  });

  it('refuses an order the balance cannot carry with 300003 and changes nothing', () => {
    const venue = createTestVenue();
    venue.exchange.openAccount('u1', '100');
    const book = venue.exchange.level2Snapshot(XBT);
    const error = rejection(() =>
      venue.exchange.placeOrder('u1', order({ type: 'market', size: 500, leverage: 1 })),
    );
    expect(error.code).toBe('300003');
    expect(error.msg).toMatch(/^Balance insufficient\. The order would cost \d+\.\d{10}\.$/);
    expect(venue.exchange.level2Snapshot(XBT)).toEqual(book);
    expect(venue.exchange.accountOverview('u1', 'USDT').availableBalance).toBe(100);
    expect(venue.exchange.listOrders('u1', { status: 'done' }).items).toHaveLength(0);
  });

  it('answers a repeated clientOid with 300018 and keeps the first order', () => {
    const venue = createTestVenue();
    venue.exchange.openAccount('u1', '10000');
    const first = venue.exchange.placeOrder('u1', order({ clientOid: 'dup-1', price: '86000', size: 1 }));
    const error = rejection(() =>
      venue.exchange.placeOrder('u1', order({ clientOid: 'dup-1', price: '86000', size: 1 })),
    );
    expect([error.code, error.msg]).toEqual(['300018', 'clientOid parameter repeated']);
    expect(venue.exchange.orderByClientOid('u1', 'dup-1').id).toBe(first.orderId);
    expect(venue.exchange.listOrders('u1', { status: 'active' }).totalNum).toBe(1);
  });

  it('test orders validate fully but create nothing', () => {
    const venue = createTestVenue();
    venue.exchange.openAccount('u1', '10000');
    const result = venue.exchange.testOrder('u1', order({ clientOid: 'probe', price: '86000', size: 1 }));
    expect(result.clientOid).toBe('probe');
    expect(rejection(() => venue.exchange.order('u1', result.orderId)).code).toBe('404000');
    expect(
      venue.exchange.placeOrder('u1', order({ clientOid: 'probe', price: '86000', size: 1 })).clientOid,
    ).toBe('probe');
    expect(
      rejection(() => venue.exchange.testOrder('u1', order({ type: 'market', size: 1_000_000, leverage: 1 })))
        .code,
    ).toBe('300005');
  });

  it('places a batch with per-item codes', () => {
    const venue = createTestVenue();
    venue.exchange.openAccount('u1', '10000');
    const results = venue.exchange.placeOrders('u1', [
      order({ clientOid: 'b1', price: '86000', size: 1 }),
      order({ clientOid: 'b2', price: '86000.05', size: 1 }),
    ]);
    expect(results[0]).toMatchObject({ clientOid: 'b1', code: '200000', msg: 'success', symbol: XBT });
    expect(results[1]).toMatchObject({ clientOid: 'b2', code: '100001', orderId: null });
  });
});

describe('reduce-only and closeOrder (docs/reference/kucoin-futures.md#orders)', () => {
  it('reduce-only sells only what the long holds and cancels the excess', () => {
    const venue = createTestVenue();
    venue.exchange.openAccount('u1', '10000');
    venue.exchange.placeOrder('u1', order({ type: 'market', size: 5 }));
    const { orderId } = venue.exchange.placeOrder(
      'u1',
      order({ side: 'sell', type: 'market', size: 8, reduceOnly: true }),
    );
    expect(venue.exchange.order('u1', orderId)).toMatchObject({
      filledSize: 5,
      status: 'done',
      reduceOnly: true,
    });
    expect(venue.exchange.position('u1', XBT)).toMatchObject({ currentQty: 0, isOpen: false });
  });

  it('reduce-only with nothing to reduce answers 300009', () => {
    const venue = createTestVenue();
    venue.exchange.openAccount('u1', '10000');
    expect(
      rejection(() =>
        venue.exchange.placeOrder('u1', order({ side: 'sell', type: 'market', size: 1, reduceOnly: true })),
      ).code,
    ).toBe('300009');
  });

  it('a resting reduce-only order shrinks when the position shrinks', () => {
    const venue = createTestVenue();
    venue.exchange.openAccount('u1', '10000');
    venue.exchange.placeOrder('u1', order({ type: 'market', size: 5 }));
    const resting = venue.exchange.placeOrder(
      'u1',
      order({ side: 'sell', price: '86500', size: 5, reduceOnly: true }),
    );
    venue.exchange.placeOrder('u1', order({ side: 'sell', type: 'market', size: 3 }));
    expect(venue.exchange.order('u1', resting.orderId)).toMatchObject({ status: 'open' });
    expect(orderChanges(venue.events, resting.orderId).at(-1)).toMatchObject({
      type: 'update',
      oldSize: '5',
      remainSize: '2',
    });
  });

  it('closeOrder closes a short whatever size is sent, and needs a position', () => {
    const venue = createTestVenue();
    venue.exchange.openAccount('u1', '10000');
    expect(
      rejection(() =>
        venue.exchange.placeOrder('u1', { clientOid: 'x1', symbol: XBT, closeOrder: true, type: 'market' }),
      ).code,
    ).toBe('300009');
    venue.exchange.placeOrder('u1', order({ side: 'sell', type: 'market', size: 7 }));
    const { orderId } = venue.exchange.placeOrder('u1', {
      clientOid: 'x2',
      symbol: XBT,
      closeOrder: true,
      type: 'market',
    });
    expect(venue.exchange.order('u1', orderId)).toMatchObject({
      side: 'buy',
      size: 7,
      filledSize: 7,
      closeOrder: true,
    });
    expect(venue.exchange.position('u1', XBT).currentQty).toBe(0);
    expect(venue.exchange.historyPositions('u1', {}).items[0]).toMatchObject({
      type: 'CLOSE_SHORT',
      side: 'SHORT',
      symbol: XBT,
    });
  });

  it('a resting order that closed a position reserves margin once it would open one, or is canceled if it cannot', () => {
    const venue = createTestVenue();
    venue.exchange.openAccount('rich', '10000');
    venue.exchange.placeOrder('rich', order({ type: 'market', size: 10 }));
    const closing = venue.exchange.placeOrder('rich', order({ side: 'sell', price: '86500', size: 10 }));
    expect(venue.exchange.accountOverview('rich', 'USDT').orderMargin).toBe(0);
    venue.exchange.placeOrder('rich', { clientOid: 'flat', symbol: XBT, closeOrder: true, type: 'market' });
    expect(venue.exchange.order('rich', closing.orderId).status).toBe('open');
    // 10 × 0.001 × 86500 × (1/10 + 0.0006 + 1.1 × 0.0006) = 87.5899
    expect(venue.exchange.accountOverview('rich', 'USDT').orderMargin).toBe(87.5899);
    venue.exchange.openAccount('poor', '200');
    venue.exchange.placeOrder('poor', order({ type: 'market', size: 10 }));
    const opening = venue.exchange.placeOrder(
      'poor',
      order({ side: 'sell', price: '86500', size: 11, leverage: 1 }),
    );
    expect(venue.exchange.order('poor', opening.orderId).status).toBe('open');
    venue.exchange.placeOrder('poor', { clientOid: 'flat2', symbol: XBT, closeOrder: true, type: 'market' });
    expect(venue.exchange.order('poor', opening.orderId)).toMatchObject({
      status: 'done',
      cancelExist: true,
      filledSize: 0,
    });
    expect(venue.exchange.accountOverview('poor', 'USDT').orderMargin).toBe(0);
  });
});

describe('self-trade prevention (docs/reference/kucoin-futures.md#orders stp)', () => {
  function withOwnAsk(): { venue: ReturnType<typeof createTestVenue>; askId: string } {
    const venue = createTestVenue();
    venue.exchange.openAccount('u1', '100000');
    const ask = venue.exchange.placeOrder('u1', order({ side: 'sell', price: '86364.1', size: 5 }));
    return { venue, askId: ask.orderId };
  }

  it('without stp a user trades with their own resting order (KuCoin allows it)', () => {
    const { venue, askId } = withOwnAsk();
    const { orderId } = venue.exchange.placeOrder('u1', order({ type: 'market', size: 5 }));
    expect(venue.exchange.fills('u1', { orderId: askId }).items[0]).toMatchObject({
      liquidity: 'maker',
      size: 5,
    });
    expect(venue.exchange.order('u1', orderId)).toMatchObject({ filledSize: 5 });
    expect(venue.exchange.position('u1', XBT).currentQty).toBe(0);
  });

  it('CN cancels the incoming order, CO the resting one, CB both', () => {
    const cn = withOwnAsk();
    const taker = cn.venue.exchange.placeOrder('u1', order({ price: '86365', size: 5, stp: 'CN' }));
    expect(cn.venue.exchange.order('u1', taker.orderId)).toMatchObject({
      status: 'done',
      filledSize: 0,
      cancelExist: true,
    });
    expect(cn.venue.exchange.order('u1', cn.askId).status).toBe('open');

    const co = withOwnAsk();
    const through = co.venue.exchange.placeOrder('u1', order({ price: '86365', size: 5, stp: 'CO' }));
    expect(co.venue.exchange.order('u1', co.askId)).toMatchObject({ status: 'done', filledSize: 0 });
    expect(co.venue.exchange.order('u1', through.orderId)).toMatchObject({ status: 'done', filledSize: 5 });
    expect(
      co.venue.exchange
        .fills('u1', { orderId: through.orderId })
        .items.every((fill) => fill.liquidity === 'taker'),
    ).toBe(true);

    const cb = withOwnAsk();
    const both = cb.venue.exchange.placeOrder('u1', order({ price: '86365', size: 5, stp: 'CB' }));
    expect(cb.venue.exchange.order('u1', both.orderId)).toMatchObject({ status: 'done', filledSize: 0 });
    expect(cb.venue.exchange.order('u1', cb.askId)).toMatchObject({ status: 'done', filledSize: 0 });
  });
});
