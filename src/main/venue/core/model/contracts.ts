/**
 * The venue's contract list (docs/reference/kucoin-futures.md#market-data, #positions). XBTUSDTM carries the SPEC-MKT example values
 * field by field; ETHUSDTM's cross parameters (k 6606, m 4110, mmrLevConstant 100) are derived
 * from the SPEC-POS batchGetCrossOrderLimit example (mmr 0.0054623236, maxOpenSize 38003);
 * SOLUSDTM follows KuCoin's published grid (tick 0.001, multiplier 0.1) with modelled tiers.
 */
import { ConfigError } from '../../../../shared/errors.ts';
import type { Dec } from './decimal.ts';
import type { FeedSymbol } from '../../feeds/price-feed.ts';
import { cmp, d, text, wireNumber } from './decimal.ts';
import type { RiskLimitLevelWire } from '../wire/wire-types.ts';

/** One isolated risk-limit tier (docs/reference/kucoin-futures.md#risk-limits). */
export interface RiskTier {
  readonly level: number;
  readonly minRiskLimit: number;
  readonly maxRiskLimit: number;
  readonly maxLeverage: number;
  readonly initialMargin: Dec;
  readonly maintainMargin: Dec;
}

/** Static description of a perpetual the venue lists. */
export interface ContractSpec {
  readonly symbol: string;
  readonly baseCurrency: string;
  readonly indexSymbol: string;
  readonly fundingBaseSymbol: string;
  readonly initialPrice: string;
  readonly tickSize: Dec;
  readonly indexPriceTickSize: Dec;
  readonly multiplier: Dec;
  readonly lotSize: number;
  readonly maxOrderQty: number;
  readonly maxPrice: Dec;
  readonly maxLeverage: number;
  readonly makerFeeRate: Dec;
  readonly takerFeeRate: Dec;
  readonly fundingRateCap: Dec;
  readonly fundingRateFloor: Dec;
  /** Cross-margin parameters (docs/reference/kucoin-futures.md#cross-margin). */
  readonly k: Dec;
  readonly m: Dec;
  readonly f: Dec;
  readonly mmrLimit: Dec;
  readonly mmrLevConstant: Dec;
  readonly riskTiers: readonly RiskTier[];
  readonly firstOpenDate: number;
  /** Annualised volatility multiplier against the configured base (ETH/SOL move more than BTC). */
  readonly volatilityFactor: number;
}

type TierRow = readonly [number, number, number, string, string];

/** The XBTUSDTM tier table of docs/reference/kucoin-futures.md#risk-limits: [maxRiskLimit, maxLeverage, initialMargin, maintainMargin] rows. */
const xbtTiers: readonly TierRow[] = [
  [0, 100_000, 125, '0.008', '0.004'],
  [100_000, 500_000, 100, '0.01', '0.005'],
  [500_000, 1_000_000, 75, '0.014', '0.007'],
  [1_000_000, 2_000_000, 50, '0.02', '0.01'],
  [2_000_000, 3_000_000, 30, '0.034', '0.017'],
  [3_000_000, 5_000_000, 20, '0.05', '0.025'],
  [5_000_000, 8_000_000, 10, '0.1', '0.05'],
  [8_000_000, 12_000_000, 5, '0.2', '0.1'],
  [12_000_000, 20_000_000, 4, '0.25', '0.125'],
  [20_000_000, 30_000_000, 3, '0.334', '0.167'],
  [30_000_000, 40_000_000, 2, '0.5', '0.25'],
  [40_000_000, 50_000_000, 1, '1', '0.5'],
];

const ethTiers: readonly TierRow[] = [
  [0, 100_000, 100, '0.01', '0.005'],
  [100_000, 500_000, 75, '0.014', '0.007'],
  [500_000, 1_000_000, 50, '0.02', '0.01'],
  [1_000_000, 2_000_000, 30, '0.034', '0.017'],
  [2_000_000, 5_000_000, 20, '0.05', '0.025'],
  [5_000_000, 10_000_000, 10, '0.1', '0.05'],
  [10_000_000, 20_000_000, 5, '0.2', '0.1'],
  [20_000_000, 30_000_000, 2, '0.5', '0.25'],
  [30_000_000, 40_000_000, 1, '1', '0.5'],
];

const solTiers: readonly TierRow[] = [
  [0, 50_000, 75, '0.014', '0.007'],
  [50_000, 200_000, 50, '0.02', '0.01'],
  [200_000, 500_000, 30, '0.034', '0.017'],
  [500_000, 1_000_000, 20, '0.05', '0.025'],
  [1_000_000, 3_000_000, 10, '0.1', '0.05'],
  [3_000_000, 5_000_000, 5, '0.2', '0.1'],
  [5_000_000, 8_000_000, 2, '0.5', '0.25'],
  [8_000_000, 10_000_000, 1, '1', '0.5'],
];

function tiers(rows: readonly TierRow[]): RiskTier[] {
  return rows.map(([minRiskLimit, maxRiskLimit, maxLeverage, im, mm], index) => ({
    level: index + 1,
    minRiskLimit,
    maxRiskLimit,
    maxLeverage,
    initialMargin: d(im),
    maintainMargin: d(mm),
  }));
}

const common = {
  lotSize: 1,
  maxOrderQty: 1_000_000,
  maxPrice: d('1000000'),
  makerFeeRate: d('0.0002'),
  takerFeeRate: d('0.0006'),
  fundingRateCap: d('0.003'),
  fundingRateFloor: d('-0.003'),
  f: d('1.3'),
  mmrLimit: d('0.3'),
  indexPriceTickSize: d('0.01'),
} as const;

/** Every contract the venue lists, XBTUSDTM first. */
export const contractSpecs: readonly ContractSpec[] = [
  {
    ...common,
    symbol: 'XBTUSDTM',
    baseCurrency: 'XBT',
    indexSymbol: '.KXBTUSDT',
    fundingBaseSymbol: 'XBT',
    initialPrice: '86364',
    tickSize: d('0.1'),
    multiplier: d('0.001'),
    maxLeverage: 125,
    k: d('490'),
    m: d('300'),
    mmrLevConstant: d('125'),
    riskTiers: tiers(xbtTiers),
    firstOpenDate: 1585555200000,
    volatilityFactor: 1,
  },
  {
    ...common,
    symbol: 'ETHUSDTM',
    baseCurrency: 'ETH',
    indexSymbol: '.KETHUSDT',
    fundingBaseSymbol: 'ETH',
    initialPrice: '2556.4',
    tickSize: d('0.01'),
    multiplier: d('0.01'),
    maxLeverage: 100,
    k: d('6606'),
    m: d('4110'),
    mmrLevConstant: d('100'),
    riskTiers: tiers(ethTiers),
    firstOpenDate: 1591086000000,
    volatilityFactor: 1.25,
  },
  {
    ...common,
    symbol: 'SOLUSDTM',
    baseCurrency: 'SOL',
    indexSymbol: '.KSOLUSDT',
    fundingBaseSymbol: 'SOL',
    initialPrice: '142.35',
    tickSize: d('0.001'),
    indexPriceTickSize: d('0.001'),
    multiplier: d('0.1'),
    maxLeverage: 75,
    k: d('30000'),
    m: d('80000'),
    mmrLevConstant: d('75'),
    riskTiers: tiers(solTiers),
    firstOpenDate: 1620000000000,
    volatilityFactor: 1.6,
  },
];

/** The tier whose range holds `positionValue` (USDT), at least `minLevel` (the user's chosen level); the top tier when above every range. */
export function tierFor(spec: ContractSpec, positionValue: Dec, minLevel = 1): RiskTier {
  const found = spec.riskTiers.find(
    (tier) => tier.level >= minLevel && cmp(positionValue, d(tier.maxRiskLimit)) <= 0,
  );
  const last = spec.riskTiers[spec.riskTiers.length - 1];
  if (last === undefined)
    throw new ConfigError('venue-contract-no-tiers', `contract ${spec.symbol} has no risk tiers`);
  return found ?? last;
}

/** The highest risk limit of the contract (USDT). */
export function maxRiskLimitOf(spec: ContractSpec): number {
  return spec.riskTiers[spec.riskTiers.length - 1]?.maxRiskLimit ?? 0;
}

/** GET /api/v1/contracts/risk-limit/{symbol} rows. */
export function riskLimitWire(spec: ContractSpec): RiskLimitLevelWire[] {
  return spec.riskTiers.map((tier) => ({
    symbol: spec.symbol,
    level: tier.level,
    maxRiskLimit: tier.maxRiskLimit,
    minRiskLimit: tier.minRiskLimit,
    maxLeverage: tier.maxLeverage,
    initialMargin: wireNumber(tier.initialMargin),
    maintainMargin: wireNumber(tier.maintainMargin),
  }));
}

/** The listed contracts as price-feed symbols (initial price and grids). */
export function feedSymbols(): FeedSymbol[] {
  return contractSpecs.map((spec) => ({
    symbol: spec.symbol,
    initialPrice: spec.initialPrice,
    tickSize: text(spec.tickSize),
    indexPriceTickSize: text(spec.indexPriceTickSize),
  }));
}
