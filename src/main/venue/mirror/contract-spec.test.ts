import { describe, expect, it } from 'vitest';
import { contractSchema } from '../../exchange/kucoin/schemas/market.ts';
import { riskLimitLevelsSchema } from '../../exchange/kucoin/schemas/positions.ts';
import { text } from '../core/model/decimal.ts';
import { specFromUpstream } from './contract-spec.ts';

// Fields as KuCoin's GET /api/v1/contracts/active example answers them (numbers, not strings).
const kucoinContract = contractSchema.parse({
  symbol: 'DOGEUSDTM',
  rootSymbol: 'USDT',
  type: 'FFWCSX',
  firstOpenDate: 1629346800000,
  baseCurrency: 'DOGE',
  quoteCurrency: 'USDT',
  settleCurrency: 'USDT',
  maxOrderQty: 1000000,
  maxPrice: 1000000.0,
  lotSize: 1,
  tickSize: 0.00001,
  indexPriceTickSize: 0.00001,
  multiplier: 100.0,
  initialMargin: 0.013,
  maintainMargin: 0.0065,
  maxRiskLimit: 25000,
  minRiskLimit: 25000,
  riskStep: 12500,
  makerFeeRate: 0.0002,
  takerFeeRate: 0.0006,
  isInverse: false,
  status: 'Open',
  indexSymbol: '.KDOGEUSDT',
  fundingBaseSymbol: '.DOGEINT8H',
  markPrice: 0.17153,
  indexPrice: 0.17154,
  lastTradePrice: 0.1715,
  maxLeverage: 75,
  k: 5000,
  m: 2500,
  f: 1.3,
  mmrLimit: 0.3,
  mmrLevConstant: 75,
  fundingRateCap: 0.003,
  fundingRateFloor: -0.003,
});

describe('a KuCoin contract as the paper venue lists it', () => {
  it('takes tick, lot, multiplier, leverage, fees, funding bounds and cross parameters from the answer', () => {
    const tiers = riskLimitLevelsSchema.parse([
      {
        symbol: 'DOGEUSDTM',
        level: 2,
        maxRiskLimit: 50000,
        minRiskLimit: 25000,
        maxLeverage: 50,
        initialMargin: 0.02,
        maintainMargin: 0.01,
      },
      {
        symbol: 'DOGEUSDTM',
        level: 1,
        maxRiskLimit: 25000,
        minRiskLimit: 0,
        maxLeverage: 75,
        initialMargin: 0.013,
        maintainMargin: 0.0065,
      },
    ]);
    const spec = specFromUpstream(kucoinContract, tiers);
    expect([
      text(spec.tickSize),
      text(spec.indexPriceTickSize),
      text(spec.multiplier),
      spec.lotSize,
      spec.maxLeverage,
      spec.maxOrderQty,
    ]).toEqual(['0.00001', '0.00001', '100', 1, 75, 1000000]);
    expect([
      text(spec.makerFeeRate),
      text(spec.takerFeeRate),
      text(spec.fundingRateCap),
      text(spec.fundingRateFloor),
    ]).toEqual(['0.0002', '0.0006', '0.003', '-0.003']);
    expect([
      text(spec.k),
      text(spec.m),
      text(spec.f),
      text(spec.mmrLimit),
      text(spec.mmrLevConstant),
    ]).toEqual(['5000', '2500', '1.3', '0.3', '75']);
    expect(spec.initialPrice).toBe('0.17153');
    expect(spec.indexSymbol).toBe('.KDOGEUSDT');
    expect(spec.riskTiers.map((tier) => [tier.level, tier.maxRiskLimit, tier.maxLeverage])).toEqual([
      [1, 25000, 75],
      [2, 50000, 50],
    ]);
  });

  it('refuses a contract it cannot trade in whole lots, or one without tiers, saying which', () => {
    expect(() => specFromUpstream({ ...kucoinContract, lotSize: '0.1' }, [])).toThrow(
      /DOGEUSDTM with lot size 0\.1/,
    );
    expect(() => specFromUpstream(kucoinContract, [])).toThrow(/no risk-limit tiers for DOGEUSDTM/);
  });
});
