import { describe, expect, it } from 'vitest';
import { contractSchema } from '../exchange/kucoin/schemas/market.ts';
import { contractStatsOf } from './contract-stats.ts';

const base = {
  symbol: 'XBTUSDTM',
  baseCurrency: 'XBT',
  quoteCurrency: 'USDT',
  settleCurrency: 'USDT',
  status: 'Open',
  multiplier: 0.001,
  tickSize: 0.1,
  lotSize: 1,
  maxOrderQty: 1_000_000,
  maxPrice: 1_000_000,
  maxLeverage: 125,
  initialMargin: 0.008,
  maintainMargin: 0.004,
  makerFeeRate: 0.0002,
  takerFeeRate: 0.0006,
};

describe('contract figures for the market strip', () => {
  it('turn KuCoin fractions into percent and the remaining funding time into an epoch', () => {
    const contract = contractSchema.parse({
      ...base,
      fundingFeeRate: 0.0001,
      priceChgPct: -0.0234,
      nextFundingRateTime: 3_600_000,
      highPrice: 61_000,
      lowPrice: 59_000,
    });
    const stats = contractStatsOf(contract, 1_000_000);
    expect(stats.fundingRatePct).toBeCloseTo(0.01, 12);
    expect(stats.changePct24h).toBeCloseTo(-2.34, 12);
    expect(stats.nextFundingAtMs).toBe(4_600_000);
    expect([stats.high24h, stats.low24h]).toEqual(['61000', '59000']);
  });

  it('leave out what the exchange did not send, so the strip says unknown', () => {
    const stats = contractStatsOf(contractSchema.parse({ ...base, fundingFeeRate: null }), 5);
    expect(stats).toEqual({ symbol: 'XBTUSDTM', receivedAtMs: 5 });
  });
});
