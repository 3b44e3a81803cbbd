import { describe, expect, it } from 'vitest';
import type { StopOrderEvent, VenueEvent } from '../wire/events.ts';
import { createTestVenue } from '../testing.ts';

const XBT = 'XBTUSDTM';
type PriceKind = 'mark' | 'index' | 'last';
const watched = { TP: 'last', MP: 'mark', IP: 'index' } as const;

function stopOrderEvents(events: readonly VenueEvent[]): StopOrderEvent[] {
  return events.filter((event): event is StopOrderEvent => event.subject === 'stopOrder');
}

function stopEvents(events: readonly VenueEvent[], orderId: string): string[] {
  return stopOrderEvents(events)
    .filter((event) => event.data.orderId === orderId)
    .map((event) => event.data.type);
}

describe('stop triggers: up/down × TP (last) / MP (mark) / IP (index) (docs/reference/kucoin-futures.md#stop-orders)', () => {
  const cases = (['up', 'down'] as const).flatMap((stop) =>
    (['TP', 'MP', 'IP'] as const).map((type) => ({ stop, type })),
  );

  it.each(cases)('$stop $type fires only on its own price', ({ stop, type }) => {
    const venue = createTestVenue();
    venue.exchange.openAccount('u1', '10000');
    const stopPrice = stop === 'up' ? '86500' : '86200';
    const beyond = stop === 'up' ? '86600' : '86100';
    const { orderId } = venue.exchange.placeOrder('u1', {
      clientOid: `s-${stop}-${type}`,
      side: stop === 'up' ? 'buy' : 'sell',
      symbol: XBT,
      leverage: 5,
      type: 'market',
      size: 2,
      stop,
      stopPrice,
      stopPriceType: type,
    });
    expect(venue.exchange.listStopOrders('u1', {}).items.map((item) => item.id)).toEqual([orderId]);
    const others = (['mark', 'index', 'last'] as PriceKind[]).filter((kind) => kind !== watched[type]);
    venue.move(XBT, Object.fromEntries(others.map((kind) => [kind, beyond])));
    expect(venue.exchange.order('u1', orderId)).toMatchObject({ status: 'open', stopTriggered: false });
    venue.move(XBT, { [watched[type]]: beyond });
    expect(venue.exchange.order('u1', orderId)).toMatchObject({
      status: 'done',
      stopTriggered: true,
      filledSize: 2,
      stop,
      stopPriceType: type,
    });
    expect(stopEvents(venue.events, orderId)).toEqual(['open', 'triggered']);
    expect(venue.exchange.listStopOrders('u1', {}).totalNum).toBe(0);
    expect(venue.exchange.position('u1', XBT).currentQty).toBe(stop === 'up' ? 2 : -2);
  });

  it('fires at once when the condition already holds at placement', () => {
    const venue = createTestVenue();
    venue.exchange.openAccount('u1', '10000');
    const { orderId } = venue.exchange.placeOrder('u1', {
      clientOid: 'now',
      side: 'buy',
      symbol: XBT,
      leverage: 5,
      type: 'market',
      size: 1,
      stop: 'down',
      stopPrice: '90000',
      stopPriceType: 'MP',
    });
    expect(venue.exchange.order('u1', orderId)).toMatchObject({
      status: 'done',
      stopTriggered: true,
      filledSize: 1,
    });
  });

  it('a triggered reduce-only stop with no position is canceled with the error on advancedOrders', () => {
    const venue = createTestVenue();
    venue.exchange.openAccount('u1', '10000');
    const { orderId } = venue.exchange.placeOrder('u1', {
      clientOid: 'sl',
      side: 'sell',
      symbol: XBT,
      leverage: 5,
      type: 'market',
      size: 1,
      reduceOnly: true,
      stop: 'down',
      stopPrice: '86000',
      stopPriceType: 'MP',
    });
    venue.move(XBT, { mark: '85900' });
    expect(venue.exchange.order('u1', orderId)).toMatchObject({
      status: 'done',
      filledSize: 0,
      stopTriggered: true,
    });
    const triggered = stopOrderEvents(venue.events).find((event) => event.data.type === 'triggered');
    expect(triggered?.data).toMatchObject({
      triggerSuccess: false,
      error: 'error.createOrder.noPositionToReduce',
    });
  });

  it('a triggered stop the balance cannot carry is canceled with accountBalanceInsufficient', () => {
    const venue = createTestVenue();
    venue.exchange.openAccount('u1', '50');
    const { orderId } = venue.exchange.placeOrder('u1', {
      clientOid: 'big',
      side: 'buy',
      symbol: XBT,
      leverage: 1,
      type: 'market',
      size: 10,
      stop: 'up',
      stopPrice: '86400',
      stopPriceType: 'TP',
    });
    venue.move(XBT, { last: '86400' });
    expect(venue.exchange.order('u1', orderId)).toMatchObject({ status: 'done', filledSize: 0 });
    const triggered = stopOrderEvents(venue.events).find((event) => event.data.type === 'triggered');
    expect(triggered?.data.error).toBe('error.createOrder.accountBalanceInsufficient');
  });

  it('st-orders: entry plus TP/SL legs; the leg that fires closes the position and cancels the other', () => {
    const venue = createTestVenue();
    venue.exchange.openAccount('u1', '10000');
    venue.exchange.placeOrderWithStops('u1', {
      clientOid: 'entry',
      side: 'buy',
      symbol: XBT,
      leverage: 5,
      type: 'market',
      size: 3,
      triggerStopUpPrice: '87000',
      triggerStopDownPrice: '85000',
      stopPriceType: 'MP',
    });
    expect(venue.exchange.position('u1', XBT).currentQty).toBe(3);
    const legs = venue.exchange.listStopOrders('u1', {}).items;
    expect(legs.map((leg) => [leg.stop, leg.side, leg.size, leg.reduceOnly, leg.stopPrice])).toEqual(
      expect.arrayContaining([
        ['up', 'sell', 3, true, '87000'],
        ['down', 'sell', 3, true, '85000'],
      ]),
    );
    venue.move(XBT, { mark: '87000', index: '87000', last: '87000' });
    expect(venue.exchange.position('u1', XBT).currentQty).toBe(0);
    expect(venue.exchange.listStopOrders('u1', {}).totalNum).toBe(0);
    const down = legs.find((leg) => leg.stop === 'down');
    expect(venue.exchange.order('u1', down?.id ?? '')).toMatchObject({
      status: 'done',
      filledSize: 0,
      cancelExist: true,
    });
  });

  it('cancelStopOrders removes untriggered stops only', () => {
    const venue = createTestVenue();
    venue.exchange.openAccount('u1', '10000');
    const stop = venue.exchange.placeOrder('u1', {
      clientOid: 'st1',
      side: 'buy',
      symbol: XBT,
      leverage: 5,
      type: 'market',
      size: 1,
      stop: 'up',
      stopPrice: '90000',
    });
    const limit = venue.exchange.placeOrder('u1', {
      clientOid: 'l1',
      side: 'buy',
      symbol: XBT,
      leverage: 5,
      price: '86000',
      size: 1,
    });
    expect(venue.exchange.cancelStopOrders('u1', XBT).cancelledOrderIds).toEqual([stop.orderId]);
    expect(venue.exchange.order('u1', limit.orderId).status).toBe('open');
    expect(stopEvents(venue.events, stop.orderId)).toEqual(['open', 'cancel']);
  });

  it('a TP stop fires on the last trade our own order prints, not only on the next price step', () => {
    const venue = createTestVenue();
    venue.exchange.openAccount('u1', '100000');
    venue.exchange.openAccount('u2', '100000');
    const { orderId } = venue.exchange.placeOrder('u2', {
      clientOid: 'tp',
      side: 'sell',
      symbol: XBT,
      leverage: 5,
      type: 'market',
      size: 1,
      stop: 'up',
      stopPrice: '86364.5',
      stopPriceType: 'TP',
    });
    venue.exchange.placeOrder('u1', {
      clientOid: 'sweep',
      side: 'buy',
      symbol: XBT,
      leverage: 5,
      type: 'market',
      size: 450,
    });
    expect(venue.exchange.order('u2', orderId)).toMatchObject({
      stopTriggered: true,
      status: 'done',
      filledSize: 1,
    });
  });
});
