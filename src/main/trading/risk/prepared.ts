/**
 * Contracts and limits pre-parsed into exact decimals once, so a risk evaluation does no string
 * parsing on the hot path (bench goal: p99 ≤ 50 µs per evaluation, ADR 0300).
 */
import type { Contract } from '../../../shared/domain/contract.ts';
import { cmp, dec, type Dec } from '../../../shared/domain/decimal.ts';
import type { TradingConfig } from '../../config/sections/trading.ts';
import type { CrossParameters } from './liquidation.ts';

/** One risk-limit tier with decimal fields. */
export interface PreparedTier {
  readonly maxRiskLimit: Dec;
  readonly maxLeverage: number;
  readonly maintenanceMarginRate: Dec;
}

/** A contract ready for the risk engine. */
export interface PreparedContract {
  readonly symbol: string;
  readonly status: Contract['status'];
  readonly tickSize: Dec;
  readonly lotSize: number;
  readonly multiplier: Dec;
  readonly maxOrderQtyLots: number;
  readonly maxPrice: Dec;
  readonly maxLeverage: number;
  readonly takerFeeRate: Dec;
  /** Ascending tiers; a single synthetic tier from the contract when none are known. */
  readonly tiers: readonly PreparedTier[];
  /** Cross-margin parameters, when the exchange gave them. */
  readonly cross?: CrossParameters;
}

/** Parses a contract's decimal fields once. @throws ValidationError on malformed decimals. */
export function prepareContract(contract: Contract): PreparedContract {
  const tiers: PreparedTier[] = contract.riskLimitTiers.map((tier) => ({
    maxRiskLimit: dec(tier.maxRiskLimit),
    maxLeverage: tier.maxLeverage,
    maintenanceMarginRate: dec(tier.maintenanceMarginRate),
  }));
  if (tiers.length === 0) {
    // Unknown tiers: one unbounded tier with the contract's own rates (docs/reference/kucoin-futures.md#market-data).
    tiers.push({
      maxRiskLimit: dec('1000000000000'),
      maxLeverage: contract.maxLeverage,
      maintenanceMarginRate: dec(contract.maintenanceMarginRate),
    });
  }
  return {
    symbol: contract.symbol,
    status: contract.status,
    tickSize: dec(contract.tickSize),
    lotSize: contract.lotSize,
    multiplier: dec(contract.multiplier),
    maxOrderQtyLots: contract.maxOrderQtyLots,
    maxPrice: dec(contract.maxPrice),
    maxLeverage: contract.maxLeverage,
    takerFeeRate: dec(contract.takerFeeRate),
    tiers,
    ...(contract.crossMargin === undefined
      ? {}
      : {
          cross: {
            m: dec(contract.crossMargin.m),
            mmrLevConstant: dec(contract.crossMargin.mmrLevConstant),
            f: dec(contract.crossMargin.f),
            mmrLimit: dec(contract.crossMargin.mmrLimit),
          },
        }),
  };
}

/** Per-contract position limits. */
export interface PreparedContractLimits {
  readonly maxPositionLots: number;
  readonly maxPositionNotionalUsdt: Dec;
}

/** The risk section of the config with decimal fields parsed. */
export interface PreparedRiskLimits {
  readonly userMaxLeverage: number;
  readonly maxRiskPerTradePct: Dec;
  readonly priceBandPct: Dec;
  readonly stopLiquidationBufferPct: Dec;
  readonly liquidationFeeRate: Dec;
  readonly maxAccountExposureUsdt: Dec;
  readonly maxOrdersPerMinute: number;
  readonly maxReferencePriceAgeMs: number;
  limitsFor(symbol: string): PreparedContractLimits;
}

/** Parses the risk config once. */
export function prepareRiskLimits(risk: TradingConfig['risk']): PreparedRiskLimits {
  const defaults: PreparedContractLimits = {
    maxPositionLots: risk.contractLimits.maxPositionLots,
    maxPositionNotionalUsdt: dec(risk.contractLimits.maxPositionNotionalUsdt),
  };
  const overrides = new Map<string, PreparedContractLimits>();
  for (const [symbol, limits] of Object.entries(risk.perContractLimits)) {
    overrides.set(symbol, {
      maxPositionLots: limits.maxPositionLots,
      maxPositionNotionalUsdt: dec(limits.maxPositionNotionalUsdt),
    });
  }
  return {
    userMaxLeverage: risk.userMaxLeverage,
    maxRiskPerTradePct: dec(risk.maxRiskPerTradePct),
    priceBandPct: dec(risk.priceBandPct),
    stopLiquidationBufferPct: dec(risk.stopLiquidationBufferPct),
    liquidationFeeRate: dec(risk.liquidationFeeRate),
    maxAccountExposureUsdt: dec(risk.maxAccountExposureUsdt),
    maxOrdersPerMinute: risk.maxOrdersPerMinute,
    maxReferencePriceAgeMs: risk.maxReferencePriceAgeMs,
    limitsFor: (symbol) => overrides.get(symbol) ?? defaults,
  };
}

/** The tier whose value range contains `positionValue`, or `'beyond-top-tier'` when none does. */
export function tierFor(contract: PreparedContract, positionValue: Dec): PreparedTier | 'beyond-top-tier' {
  for (const tier of contract.tiers) {
    if (cmp(positionValue, tier.maxRiskLimit) <= 0) return tier;
  }
  return 'beyond-top-tier';
}
