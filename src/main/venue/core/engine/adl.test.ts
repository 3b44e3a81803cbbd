import { describe, expect, it } from 'vitest';
import type { OrderChangeEvent, PositionChangeEvent } from '../wire/events.ts';
import { createTestVenue } from '../testing.ts';

const XBT = 'XBTUSDTM';

describe('auto-deleveraging drill (docs/reference/kucoin-futures.md#fills tradeType adl, docs/reference/kucoin-futures.md#ws-private-topics changeReason adl)', () => {
  it('closes part of a short at the mark with no fee, an adl fill and position.change reason adl; stops stay', () => {
    const venue = createTestVenue();
    venue.exchange.openAccount('u1', '10000');
    venue.exchange.placeOrder('u1', {
      clientOid: 'open',
      side: 'sell',
      symbol: XBT,
      leverage: 5,
      type: 'market',
      size: 5,
    });
    venue.exchange.placeOrder('u1', {
      clientOid: 'sl',
      side: 'buy',
      symbol: XBT,
      leverage: 5,
      type: 'market',
      size: 5,
      reduceOnly: true,
      stop: 'up',
      stopPrice: '99000',
      stopPriceType: 'MP',
    });
    const mark = venue.exchange.markPrice(XBT).value;
    const balanceBefore = venue.exchange.accountOverview('u1', 'USDT').marginBalance;
    expect(venue.exchange.autoDeleverage('u1', XBT, 2)).toBe(3);
    expect(venue.exchange.position('u1', XBT).currentQty).toBe(-3);
    const fills = venue.exchange.fills('u1', { tradeTypes: 'adl' }).items;
    expect(fills).toHaveLength(1);
    expect(fills[0]).toMatchObject({ tradeType: 'adl', side: 'buy', size: 2, fee: '0', forceTaker: true });
    expect(Number(fills[0]?.price)).toBeCloseTo(mark, 1);
    const reasons = venue.events
      .filter((e): e is PositionChangeEvent => e.subject === 'position.change' && 'changeReason' in e.data)
      .map((e) => e.data.changeReason);
    expect(reasons.at(-1)).toBe('adl');
    const orderEvents = venue.events.filter(
      (e): e is OrderChangeEvent => e.subject === 'symbolOrderChange' && e.data.tradeType === 'adl',
    );
    expect(orderEvents.map((e) => e.data.type)).toEqual(['match', 'filled']);
    expect(orderEvents[0]?.data.clientOid?.startsWith('adl')).toBe(true);
    // The user's stop is untouched (KuCoin's ADL touches the position only).
    expect(venue.exchange.listStopOrders('u1', { symbol: XBT }).items.map((s) => s.size)).toEqual([5]);
    // No fee: the margin balance moves only by the realised PnL of the 2 lots (entry vs mark).
    const entry = venue.exchange.position('u1', XBT).avgEntryPrice;
    const expected = (entry - Number(fills[0]?.price)) * 2 * 0.001;
    expect(venue.exchange.accountOverview('u1', 'USDT').marginBalance - balanceBefore).toBeCloseTo(
      expected,
      6,
    );
  });

  it('refuses zero, fractional and too many lots, and a flat symbol', () => {
    const venue = createTestVenue();
    venue.exchange.openAccount('u1', '10000');
    expect(() => venue.exchange.autoDeleverage('u1', XBT, 1)).toThrow(/no open XBTUSDTM position/);
    venue.exchange.placeOrder('u1', {
      clientOid: 'open',
      side: 'buy',
      symbol: XBT,
      leverage: 5,
      type: 'market',
      size: 2,
    });
    for (const lots of [0, 1.5, 3])
      expect(() => venue.exchange.autoDeleverage('u1', XBT, lots)).toThrow(/lots must be 1\.\.2/);
    expect(venue.exchange.position('u1', XBT).currentQty).toBe(2);
  });
});
