/** Test fixtures for the risk engine: XBTUSDTM per the reference (docs/reference/kucoin-futures.md#market-data, #risk-limits tiers). */
import type { Contract } from '../../../shared/domain/contract.ts';
import { dec } from '../../../shared/domain/decimal.ts';
import { tradingConfigSchema, type TradingConfig } from '../../config/sections/trading.ts';
import { prepareContract, prepareRiskLimits } from './prepared.ts';
import type { RiskContext, RiskOrder, RiskPosition } from './types.ts';

/** XBTUSDTM with the first three risk-limit tiers. */
export const xbtContract: Contract = {
  symbol: 'XBTUSDTM',
  status: 'Open',
  tickSize: '0.1',
  lotSize: 1,
  multiplier: '0.001',
  maxOrderQtyLots: 1_000_000,
  maxPrice: '1000000',
  maxLeverage: 125,
  maintenanceMarginRate: '0.004',
  makerFeeRate: '0.0002',
  takerFeeRate: '0.0006',
  riskLimitTiers: [
    {
      level: 1,
      maxRiskLimit: '100000',
      maxLeverage: 125,
      initialMarginRate: '0.008',
      maintenanceMarginRate: '0.004',
    },
    {
      level: 2,
      maxRiskLimit: '500000',
      maxLeverage: 100,
      initialMarginRate: '0.01',
      maintenanceMarginRate: '0.005',
    },
    {
      level: 3,
      maxRiskLimit: '1000000',
      maxLeverage: 75,
      initialMarginRate: '0.014',
      maintenanceMarginRate: '0.007',
    },
  ],
};

/** A buy limit 10 lots @ 90000, 10×, stop 89000. */
export const baseOrder: RiskOrder = {
  symbol: 'XBTUSDTM',
  side: 'buy',
  type: 'limit',
  sizeLots: 10,
  price: '90000',
  leverage: 10,
  stopPrice: '89000',
  reduceOnly: false,
};

/** Overrides for a context. */
export interface CtxPatch {
  order?: Partial<RiskOrder>;
  contract?: Partial<Contract> | null;
  risk?: Partial<TradingConfig['risk']>;
  markPrice?: string;
  equity?: string;
  available?: string;
  position?: RiskPosition;
  exposure?: string;
  state?: RiskContext['tradingState'];
  ordersInLastMinute?: number;
  referenceAgeMs?: number;
  marginMode?: RiskContext['marginMode'];
  cross?: { totalMargin: string; otherValue: string };
  pending?: { lots: number; priceTimesLots: string };
  againstVerdict?: RiskContext['againstVerdict'];
}

/** Builds a context: 10 000 USDT equity and available, mark 90 000, default limits. */
export function ctxOf(patch: CtxPatch = {}): RiskContext {
  const risk = tradingConfigSchema.parse({ risk: patch.risk ?? {} }).risk;
  return {
    order: { ...baseOrder, ...patch.order },
    contract: patch.contract === null ? undefined : prepareContract({ ...xbtContract, ...patch.contract }),
    markPrice: dec(patch.markPrice ?? '90000'),
    referencePriceAgeMs: patch.referenceAgeMs ?? 0,
    marginMode: patch.marginMode ?? 'ISOLATED',
    cross: {
      totalMarginUsdt: dec(patch.cross?.totalMargin ?? patch.available ?? '10000'),
      otherPositionsValueUsdt: dec(patch.cross?.otherValue ?? '0'),
    },
    pending: { lots: patch.pending?.lots ?? 0, priceTimesLots: dec(patch.pending?.priceTimesLots ?? '0') },
    equityUsdt: dec(patch.equity ?? '10000'),
    availableMarginUsdt: dec(patch.available ?? '10000'),
    position: patch.position,
    exposureUsdt: dec(patch.exposure ?? '0'),
    tradingState: patch.state ?? 'ACTIVE',
    ordersInLastMinute: patch.ordersInLastMinute ?? 0,
    limits: prepareRiskLimits(risk),
    ...(patch.againstVerdict === undefined ? {} : { againstVerdict: patch.againstVerdict }),
  };
}
