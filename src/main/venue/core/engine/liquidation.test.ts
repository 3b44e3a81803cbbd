import { describe, expect, it } from 'vitest';
import type { PositionChangeEvent, VenueEvent } from '../wire/events.ts';
import { createTestVenue } from '../testing.ts';

const XBT = 'XBTUSDTM';

function liquidationEvents(events: readonly VenueEvent[]): PositionChangeEvent[] {
  return events.filter(
    (event): event is PositionChangeEvent =>
      event.subject === 'position.change' &&
      'changeReason' in event.data &&
      event.data.changeReason === 'liquidation',
  );
}

describe('isolated liquidation (docs/reference/kucoin-futures.md#isolated-margin: mark crosses the liquidation price)', () => {
  it('takes a long over at its bankruptcy price once the mark reaches the liquidation price', () => {
    const venue = createTestVenue();
    venue.exchange.openAccount('u1', '1000');
    venue.exchange.placeOrder('u1', {
      clientOid: 'open',
      side: 'buy',
      symbol: XBT,
      leverage: 50,
      type: 'market',
      size: 10,
    });
    const position = venue.exchange.position('u1', XBT);
    // 10 lots @ 86364.1, 50x: posInit 17.27282, posComm 863.641 × 1.02 × 0.0006 = 0.52854829…
    expect(position).toMatchObject({
      currentQty: 10,
      posInit: 17.27282,
      avgEntryPrice: 86364.1,
      posComm: 0.528548292,
    });
    const balanceBefore = venue.exchange.accountOverview('u1', 'USDT').marginBalance;
    const liquidationPrice = position.liquidationPrice;
    expect(liquidationPrice).toBeGreaterThan(position.bankruptPrice);
    const above = (Math.ceil(liquidationPrice * 100) / 100 + 0.01).toFixed(2);
    venue.move(XBT, { mark: above });
    expect(venue.exchange.position('u1', XBT).currentQty).toBe(10);
    venue.move(XBT, { mark: (Math.floor(liquidationPrice * 100) / 100).toFixed(2) });
    const after = venue.exchange.position('u1', XBT);
    expect(after).toMatchObject({ currentQty: 0, isOpen: false });
    const [fill] = venue.exchange.fills('u1', { tradeTypes: 'liquid' }).items;
    expect(fill).toMatchObject({
      tradeType: 'liquid',
      side: 'sell',
      size: 10,
      liquidity: 'taker',
      forceTaker: true,
    });
    expect(Number(fill?.price)).toBeCloseTo(Math.ceil(position.bankruptPrice * 10) / 10, 6);
    expect(venue.exchange.historyPositions('u1', {}).items[0]).toMatchObject({
      type: 'LIQUID_LONG',
      liquidAmount: '10',
    });
    expect(liquidationEvents(venue.events)).toHaveLength(1);
    const lost = balanceBefore - venue.exchange.accountOverview('u1', 'USDT').marginBalance;
    // The whole position margin and nothing more (the take-over price is rounded toward the trader).
    expect(lost).toBeLessThanOrEqual(position.posMargin + 1e-9);
    expect(lost).toBeGreaterThan(position.posMargin - 0.01);
  });

  it('liquidates a short when the mark rises to its liquidation price, even after a gap past bankruptcy', () => {
    const venue = createTestVenue();
    venue.exchange.openAccount('u1', '1000');
    venue.exchange.placeOrder('u1', {
      clientOid: 'open',
      side: 'sell',
      symbol: XBT,
      leverage: 20,
      type: 'market',
      size: 10,
    });
    const position = venue.exchange.position('u1', XBT);
    const before = venue.exchange.accountOverview('u1', 'USDT').marginBalance;
    venue.move(XBT, { mark: '95000', index: '95000', last: '95000' });
    expect(venue.exchange.position('u1', XBT).currentQty).toBe(0);
    const after = venue.exchange.accountOverview('u1', 'USDT');
    expect(before - after.marginBalance).toBeLessThanOrEqual(position.posMargin + 1e-9);
    expect(after.marginBalance).toBeGreaterThan(0);
    expect(venue.exchange.historyPositions('u1', {}).items[0]?.type).toBe('LIQUID_SHORT');
  });

  it('cancels the user’s open orders on the symbol first', () => {
    const venue = createTestVenue();
    venue.exchange.openAccount('u1', '1000');
    venue.exchange.placeOrder('u1', {
      clientOid: 'open',
      side: 'buy',
      symbol: XBT,
      leverage: 50,
      type: 'market',
      size: 5,
    });
    const resting = venue.exchange.placeOrder('u1', {
      clientOid: 'tp',
      side: 'sell',
      symbol: XBT,
      leverage: 50,
      price: '90000',
      size: 5,
      reduceOnly: true,
    });
    venue.exchange.jumpPrice(XBT, -10);
    expect(venue.exchange.order('u1', resting.orderId)).toMatchObject({ status: 'done', cancelExist: true });
    expect(venue.exchange.position('u1', XBT).currentQty).toBe(0);
  });
});

describe('cross margin (docs/reference/kucoin-futures.md#cross-margin)', () => {
  it('reports cross position margin as mark value × IMR and liquidates everything when the risk rate reaches 1', () => {
    const venue = createTestVenue();
    venue.exchange.openAccount('u1', '200');
    venue.exchange.setMarginMode('u1', { symbol: XBT, marginMode: 'CROSS' });
    venue.exchange.setCrossLeverage('u1', { symbol: XBT, leverage: '50' });
    expect(venue.exchange.crossLeverage('u1', XBT)).toEqual({ symbol: XBT, leverage: '50' });
    venue.exchange.placeOrder('u1', {
      clientOid: 'open',
      side: 'buy',
      symbol: XBT,
      leverage: 50,
      type: 'market',
      size: 50,
      marginMode: 'CROSS',
    });
    const position = venue.exchange.position('u1', XBT);
    expect(position).toMatchObject({ crossMode: true, marginMode: 'CROSS', currentQty: 50 });
    // IMR = max(1/50, MMR × 1.3) = 0.02 → posMargin = 50 × 0.001 × 86364 × 0.02.
    expect(position.posMargin).toBe(86.364);
    const overview = venue.exchange.accountOverview('u1', 'USDT');
    expect(overview.riskRatio).toBeGreaterThan(0);
    expect(overview.riskRatio).toBeLessThan(1);
    venue.move(XBT, { mark: '82600', index: '82600', last: '82600' });
    expect(venue.exchange.position('u1', XBT).currentQty).toBe(0);
    expect(venue.exchange.historyPositions('u1', {}).items[0]).toMatchObject({
      type: 'LIQUID_LONG',
      marginMode: 'CROSS',
    });
    expect(venue.exchange.accountOverview('u1', 'USDT').marginBalance).toBeGreaterThanOrEqual(0);
  });

  it('refuses to change margin mode while a position is open (50002)', () => {
    const venue = createTestVenue();
    venue.exchange.openAccount('u1', '1000');
    venue.exchange.placeOrder('u1', {
      clientOid: 'open',
      side: 'buy',
      symbol: XBT,
      leverage: 5,
      type: 'market',
      size: 1,
    });
    expect(() => venue.exchange.setMarginMode('u1', { symbol: XBT, marginMode: 'CROSS' })).toThrow(
      'exist.order.or.position',
    );
    expect(venue.exchange.marginMode('u1', XBT).marginMode).toBe('ISOLATED');
  });

  it('max open size follows docs/reference/kucoin-futures.md#cross-margin for cross and margin ÷ per-lot cost for isolated', () => {
    const venue = createTestVenue();
    venue.exchange.openAccount('u1', '10000');
    const isolated = venue.exchange.maxOpenSize('u1', { symbol: XBT, price: '102012', leverage: '125' });
    // 10000 / (102.012 × (0.008 + 0.0006 + 1.008 × 0.0006)) = 10649.6…
    expect(isolated).toEqual({ symbol: XBT, maxBuyOpenSize: 10649, maxSellOpenSize: 10649 });
    venue.exchange.setMarginMode('u1', { symbol: XBT, marginMode: 'CROSS' });
    expect(
      venue.exchange.maxOpenSize('u1', { symbol: XBT, price: '102012', leverage: '125' }).maxBuyOpenSize,
    ).toBe(12102);
  });
});

describe('isolated margin transfers', () => {
  it('adds margin (posCross), moves the liquidation price away, and lets it be withdrawn', () => {
    const venue = createTestVenue();
    venue.exchange.openAccount('u1', '1000');
    venue.exchange.placeOrder('u1', {
      clientOid: 'open',
      side: 'buy',
      symbol: XBT,
      leverage: 20,
      type: 'market',
      size: 10,
    });
    const before = venue.exchange.position('u1', XBT);
    const after = venue.exchange.depositMargin('u1', { symbol: XBT, margin: 10, bizNo: 'biz-1' });
    expect(after.posCross).toBe(10);
    expect(after.posMargin).toBeCloseTo(before.posMargin + 10, 8);
    expect(after.liquidationPrice).toBeCloseTo(before.liquidationPrice - 1000, 6);
    expect(() => venue.exchange.depositMargin('u1', { symbol: XBT, margin: 10, bizNo: 'biz-1' })).toThrow(
      'bizNo',
    );
    expect(venue.exchange.maxWithdrawMargin('u1', XBT)).toBe('10');
    expect(venue.exchange.withdrawMargin('u1', { symbol: XBT, withdrawAmount: '4' })).toBe('4');
    expect(venue.exchange.position('u1', XBT).posCross).toBe(6);
  });
});
