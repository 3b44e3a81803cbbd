/**
 * A KuCoin contract as the venue lists it (ADR 0180): tick, lot, multiplier, max leverage, fees,
 * funding cap/floor, cross-margin parameters and the risk-limit tiers all come from the upstream's
 * `GET /api/v1/contracts/active` and `GET /api/v1/contracts/risk-limit/{symbol}` answers
 * (https://www.kucoin.com/docs-new/rest/futures-trading/market-data/get-all-symbols).
 */
import { z } from 'zod';
import { ValidationError } from '../../../shared/errors.ts';
import type { ContractSpec, RiskTier } from '../core/model/contracts.ts';
import { d } from '../core/model/decimal.ts';
import type { KucoinContract } from '../../exchange/kucoin/schemas/market.ts';
import type { KucoinRiskLimitLevel } from '../../exchange/kucoin/schemas/positions.ts';

/** Fields of KuCoin's contract answer that our client keeps as extras (its schema is loose). */
const extrasSchema = z.looseObject({
  k: z.union([z.number(), z.string()]).optional(),
  fundingRateCap: z.union([z.number(), z.string()]).nullish(),
  fundingRateFloor: z.union([z.number(), z.string()]).nullish(),
  firstOpenDate: z.number().nullish(),
  indexSymbol: z.string().nullish(),
  fundingBaseSymbol: z.string().nullish(),
});

/**
 * Used only where KuCoin's answer lacks a field (older answers have no cross parameters or
 * funding cap): the values of KuCoin's XBTUSDTM example, so margin maths still runs.
 */
const fallback = {
  k: '490',
  m: '300',
  f: '1.3',
  mmrLimit: '0.3',
  mmrLevConstant: '125',
  fundingRateCap: '0.003',
  fundingRateFloor: '-0.003',
} as const;

function decimalText(value: number | string | null | undefined, otherwise: string): string {
  if (value === null || value === undefined || value === '') return otherwise;
  const text = typeof value === 'number' ? String(value) : value;
  return /^-?\d+(\.\d+)?$/.test(text) ? text : otherwise;
}

function tiersOf(symbol: string, levels: readonly KucoinRiskLimitLevel[]): RiskTier[] {
  if (levels.length === 0)
    throw new ValidationError(
      'mirror-contract-no-tiers',
      `KuCoin answered no risk-limit tiers for ${symbol}; the contract cannot be mirrored.`,
      { details: { symbol } },
    );
  return [...levels]
    .sort((a, b) => a.level - b.level)
    .map((level) => ({
      level: level.level,
      minRiskLimit: Number(level.minRiskLimit),
      maxRiskLimit: Number(level.maxRiskLimit),
      maxLeverage: level.maxLeverage,
      initialMargin: d(level.initialMargin),
      maintainMargin: d(level.maintainMargin),
    }));
}

/**
 * The venue spec of an upstream contract at the upstream's current mark price.
 * @throws ValidationError when the lot size is not a whole number of contracts or no tiers exist.
 */
export function specFromUpstream(
  contract: KucoinContract,
  levels: readonly KucoinRiskLimitLevel[],
): ContractSpec {
  const extras = extrasSchema.parse(contract);
  const lotSize = Number(contract.lotSize);
  if (!Number.isInteger(lotSize) || lotSize < 1)
    throw new ValidationError(
      'mirror-contract-lot',
      `KuCoin lists ${contract.symbol} with lot size ${contract.lotSize}; the venue trades whole lots only.`,
      { details: { symbol: contract.symbol } },
    );
  const tickSize = d(contract.tickSize);
  const initialPrice = contract.markPrice ?? contract.lastTradePrice ?? contract.tickSize;
  return {
    symbol: contract.symbol,
    baseCurrency: contract.baseCurrency,
    indexSymbol: extras.indexSymbol ?? `.K${contract.baseCurrency}USDT`,
    fundingBaseSymbol: extras.fundingBaseSymbol ?? contract.baseCurrency,
    initialPrice,
    tickSize,
    indexPriceTickSize: contract.indexPriceTickSize === undefined ? tickSize : d(contract.indexPriceTickSize),
    multiplier: d(contract.multiplier),
    lotSize,
    maxOrderQty: contract.maxOrderQty,
    maxPrice: d(contract.maxPrice),
    maxLeverage: contract.maxLeverage,
    makerFeeRate: d(contract.makerFeeRate),
    takerFeeRate: d(contract.takerFeeRate),
    fundingRateCap: d(decimalText(extras.fundingRateCap, fallback.fundingRateCap)),
    fundingRateFloor: d(decimalText(extras.fundingRateFloor, fallback.fundingRateFloor)),
    k: d(decimalText(extras.k, fallback.k)),
    m: d(decimalText(contract.m, fallback.m)),
    f: d(decimalText(contract.f, fallback.f)),
    mmrLimit: d(decimalText(contract.mmrLimit, fallback.mmrLimit)),
    mmrLevConstant: d(decimalText(contract.mmrLevConstant, fallback.mmrLevConstant)),
    riskTiers: tiersOf(contract.symbol, levels),
    firstOpenDate: extras.firstOpenDate ?? 0,
    volatilityFactor: 1,
  };
}
