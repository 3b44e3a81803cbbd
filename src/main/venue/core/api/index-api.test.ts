import { describe, expect, it } from 'vitest';
import type { Level2DepthEvent, VenueEvent } from '../wire/events.ts';
import { TEST_START_MS, createTestVenue } from '../testing.ts';

const XBT = 'XBTUSDTM';

function depthEvents(events: readonly VenueEvent[], depth: 5 | 50): Level2DepthEvent[] {
  return events.filter(
    (event): event is Level2DepthEvent => event.topic === `/contractMarket/level2Depth${depth}:${XBT}`,
  );
}

describe('index, premium and interest series (docs/reference/kucoin-futures.md#market-data)', () => {
  it('records the index every step and the premium every minute, paged newest first', () => {
    const venue = createTestVenue();
    venue.move(XBT, { mark: '86450.36', index: '86364' });
    venue.clock.advance(120_000);
    const index = venue.exchange.indexSeries({ symbol: '.KXBTUSDT', maxCount: '3' });
    expect(index.hasMore).toBe(true);
    expect(index.dataList.map((row) => row.timePoint)).toEqual([
      TEST_START_MS + 121_000,
      TEST_START_MS + 120_000,
      TEST_START_MS + 119_000,
    ]);
    expect(index.dataList[0]).toMatchObject({ symbol: '.KXBTUSDT', granularity: 1000, value: 86364 });
    const next = venue.exchange.indexSeries({
      symbol: '.KXBTUSDT',
      maxCount: '1',
      offset: String(index.dataList[2]?.timePoint),
    });
    expect(next.dataList[0]?.timePoint).toBe(TEST_START_MS + 118_000);
    const premium = venue.exchange.premiumSeries({ symbol: '.XBTUSDTMPI' }).dataList;
    expect(premium[0]).toEqual({
      symbol: '.XBTUSDTMPI',
      granularity: 60_000,
      timePoint: TEST_START_MS + 120_000,
      value: 0.001,
    });
    expect(venue.exchange.interestSeries({ symbol: '.XBTINT8H', maxCount: '1' }).dataList[0]).toMatchObject({
      value: 0.0001,
      granularity: 60_000,
    });
    expect(() => venue.exchange.indexSeries({ symbol: '.NOPE' })).toThrow('Contract parameter invalid');
  });
});

describe('level2Depth5 / level2Depth50 (docs/reference/kucoin-futures.md#ws-public-topics)', () => {
  it('pushes the top of the book when it changed, at most every 100 ms of venue time', () => {
    const venue = createTestVenue();
    venue.exchange.openAccount('u1', '10000');
    venue.move(XBT, {});
    const first = depthEvents(venue.events, 5).length;
    venue.exchange.placeOrder('u1', {
      clientOid: 'a',
      side: 'buy',
      symbol: XBT,
      leverage: 5,
      type: 'market',
      size: 150,
    });
    venue.exchange.placeOrder('u1', {
      clientOid: 'b',
      side: 'buy',
      symbol: XBT,
      leverage: 5,
      type: 'market',
      size: 10,
    });
    const inWindow = depthEvents(venue.events, 5).length;
    expect(inWindow - first).toBeLessThanOrEqual(1);
    venue.clock.advance(1000);
    venue.exchange.advanceTo(venue.clock.now());
    const last = depthEvents(venue.events, 5).at(-1);
    expect(last?.data.asks).toHaveLength(5);
    expect(last?.data.asks[0]?.[0]).toBe('86364.1');
    expect(last?.data.sequence).toBe(venue.exchange.level2Snapshot(XBT).sequence);
    expect(depthEvents(venue.events, 50).at(-1)?.data.bids).toHaveLength(10);
  });
});

describe('auto-deposit (docs/reference/kucoin-futures.md#positions auto-deposit-status)', () => {
  it('tops the isolated margin up from the balance instead of liquidating', () => {
    const venue = createTestVenue();
    venue.exchange.openAccount('u1', '1000');
    venue.exchange.placeOrder('u1', {
      clientOid: 'o',
      side: 'buy',
      symbol: XBT,
      leverage: 50,
      type: 'market',
      size: 10,
    });
    expect(venue.exchange.setAutoDeposit('u1', { symbol: XBT, status: true })).toBe(true);
    expect(venue.exchange.position('u1', XBT).autoDeposit).toBe(true);
    const liquidationPrice = venue.exchange.position('u1', XBT).liquidationPrice;
    venue.move(XBT, { mark: (Math.floor(liquidationPrice) - 10).toFixed(2) });
    const position = venue.exchange.position('u1', XBT);
    expect(position.currentQty).toBe(10);
    expect(position.posCross).toBeGreaterThan(0);
    expect(position.liquidationPrice).toBeLessThan(venue.exchange.markPrice(XBT).value);
    expect(() => venue.exchange.setAutoDeposit('u1', { symbol: XBT, status: 'yes' })).toThrow('status');
  });
});
