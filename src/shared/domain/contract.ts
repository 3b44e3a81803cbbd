/**
 * The parts of a KuCoin futures contract the trading engine decides on (docs/reference/kucoin-futures.md#market-data, #positions).
 * Decimal fields stay decimal strings so tick and lot math is exact.
 */
import { z } from 'zod';
import { decimalSchema, symbolSchema } from './primitives.ts';

/** One isolated-margin risk-limit tier (docs/reference/kucoin-futures.md#risk-limits table). */
export const riskLimitTierSchema = z.object({
  level: z.number().int().positive(),
  /** Position value (USDT) up to which this tier applies, inclusive. */
  maxRiskLimit: decimalSchema,
  maxLeverage: z.number().int().positive(),
  initialMarginRate: decimalSchema,
  maintenanceMarginRate: decimalSchema,
});
export type RiskLimitTier = z.infer<typeof riskLimitTierSchema>;

/** Contract status as KuCoin reports it; only `Open` trades freely. */
export const contractStatusSchema = z.enum([
  'Init',
  'Open',
  'BeingSettled',
  'Settled',
  'Paused',
  'Closed',
  'CancelOnly',
]);

/** What the risk engine and the stop logic need to know about a contract. */
export const contractSchema = z.object({
  symbol: symbolSchema,
  status: contractStatusSchema,
  /** Price step (e.g. "0.1"). */
  tickSize: decimalSchema,
  /** Size step in lots (KuCoin `lotSize`, normally 1). */
  lotSize: z.number().int().positive(),
  /** Coins per lot (e.g. "0.001" BTC for XBTUSDTM). */
  multiplier: decimalSchema,
  maxOrderQtyLots: z.number().int().positive(),
  maxPrice: decimalSchema,
  maxLeverage: z.number().int().positive(),
  /** Base maintenance margin rate (tier 1). */
  maintenanceMarginRate: decimalSchema,
  makerFeeRate: decimalSchema,
  takerFeeRate: decimalSchema,
  /** Risk-limit tiers, ascending; empty when unknown (then tier 1 from the contract is used). */
  riskLimitTiers: z.array(riskLimitTierSchema),
  /** Cross-margin parameters (MMR = min((1 + n/m) / (2 · mmrLevConstant), mmrLimit), IMR = max(1/lev, MMR · f)). */
  crossMargin: z
    .object({ m: decimalSchema, mmrLevConstant: decimalSchema, f: decimalSchema, mmrLimit: decimalSchema })
    .optional(),
});
export type Contract = z.infer<typeof contractSchema>;
