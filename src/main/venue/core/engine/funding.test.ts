import { describe, expect, it } from 'vitest';
import type { PositionSettlementEvent } from '../wire/events.ts';
import { TEST_START_MS, createTestVenue } from '../testing.ts';

const XBT = 'XBTUSDTM';
const EIGHT_HOURS = 28_800_000;

describe('funding every 8 h of venue time (docs/reference/kucoin-futures.md#fees-and-funding)', () => {
  it('a long pays and a short receives |qty| × multiplier × mark × rate at the settlement', () => {
    const venue = createTestVenue({ priceStepMs: 60_000 });
    venue.exchange.openAccount('long', '10000');
    venue.exchange.openAccount('short', '10000');
    venue.exchange.placeOrder('long', {
      clientOid: 'l',
      side: 'buy',
      symbol: XBT,
      leverage: 10,
      type: 'market',
      size: 10,
    });
    venue.exchange.placeOrder('short', {
      clientOid: 's',
      side: 'sell',
      symbol: XBT,
      leverage: 10,
      type: 'market',
      size: 10,
    });
    expect(venue.exchange.fundingRateCurrent(XBT)).toMatchObject({
      value: 0.0001,
      granularity: EIGHT_HOURS,
      fundingTime: TEST_START_MS + EIGHT_HOURS,
    });
    const longBefore = venue.exchange.accountOverview('long', 'USDT').marginBalance;
    const shortBefore = venue.exchange.accountOverview('short', 'USDT').marginBalance;
    venue.clock.advance(EIGHT_HOURS - 60_000);
    venue.exchange.advanceTo(venue.clock.now());
    expect(venue.exchange.fundingPayments('long', {}).dataList).toHaveLength(0);
    venue.clock.advance(60_000);
    const payments = venue.exchange.fundingPayments('long', { symbol: XBT }).dataList;
    // 10 × 0.001 × 86364 × 0.0001 = 0.086364
    expect(payments).toEqual([
      expect.objectContaining({
        symbol: XBT,
        timePoint: TEST_START_MS + EIGHT_HOURS,
        fundingRate: 0.0001,
        markPrice: 86364,
        positionQty: 10,
        funding: -0.086364,
        marginMode: 'ISOLATED',
      }),
    ]);
    expect(venue.exchange.accountOverview('long', 'USDT').marginBalance).toBeCloseTo(
      longBefore - 0.086364,
      9,
    );
    expect(venue.exchange.accountOverview('short', 'USDT').marginBalance).toBeCloseTo(
      shortBefore + 0.086364,
      9,
    );
    expect(venue.exchange.position('long', XBT)).toMatchObject({ posFunding: -0.086364, posLoss: 0.086364 });
    expect(venue.exchange.position('short', XBT)).toMatchObject({ posFunding: 0.086364, posCross: 0.086364 });
    const settlement = venue.events.find(
      (event): event is PositionSettlementEvent =>
        event.subject === 'position.settlement' && event.userId === 'long',
    );
    expect(settlement?.data).toMatchObject({
      qty: 10,
      fundingFee: -0.086364,
      fundingRate: 0.0001,
      fundingTime: TEST_START_MS + EIGHT_HOURS,
    });
    expect(
      venue.events.filter((event) => event.subject === 'funding.begin' || event.subject === 'funding.end')
        .length,
    ).toBe(6);
    expect(venue.exchange.fundingHistory(XBT, TEST_START_MS, TEST_START_MS + EIGHT_HOURS)).toEqual([
      { symbol: XBT, fundingRate: 0.0001, timepoint: TEST_START_MS + EIGHT_HOURS },
    ]);
    expect(venue.exchange.fundingRateCurrent(XBT).timePoint).toBe(TEST_START_MS + EIGHT_HOURS);
  });

  it('the predicted rate follows the premium of mark over index, clamped to the cap', () => {
    const venue = createTestVenue({ priceStepMs: 60_000 });
    venue.move(XBT, { mark: '86450.36', index: '86364' });
    venue.clock.advance(60_000);
    // premium 0.001 → rate = premium + clamp(0.0001 − premium, ±0.0005) = 0.0005
    expect(venue.exchange.fundingRateCurrent(XBT).predictedValue).toBe(0.0005);
    venue.move(XBT, { mark: '90000', index: '86364' });
    venue.clock.advance(60_000);
    expect(venue.exchange.fundingRateCurrent(XBT).predictedValue).toBe(0.003);
  });
});
