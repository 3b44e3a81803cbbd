/**
 * Derived numbers of a position at the current mark (docs/reference/kucoin-futures.md#isolated-margin isolated, docs/reference/kucoin-futures.md#cross-margin cross):
 * margins, maintenance, bankruptcy and liquidation prices, real leverage. Pure.
 */
import type { ContractSpec, RiskTier } from '../model/contracts.ts';
import { tierFor } from '../model/contracts.ts';
import type { Dec } from '../model/decimal.ts';
import { abs, add, cmp, mul, neg, quot, round, sign, sub, ZERO } from '../model/decimal.ts';
import { isolatedPosMargin } from './accounting.ts';
import {
  avgEntryOf,
  crossImrOf,
  crossMmrOf,
  MONEY_SCALE,
  posMaintOf,
  priceAtCushion,
  realLeverageOf,
  unrealisedPnlOf,
  valueOf,
} from './margin.ts';
import type { PositionRecord } from '../model/state.ts';

/** Everything the wire and the liquidation engine need about one position. */
export interface PositionMetrics {
  readonly posCost: Dec;
  readonly markValue: Dec;
  readonly unrealisedPnl: Dec;
  readonly posMargin: Dec;
  readonly posMaint: Dec;
  readonly maintMargin: Dec;
  readonly mmr: Dec;
  readonly tier: RiskTier;
  readonly avgEntryPrice: Dec;
  readonly liquidationPrice: Dec;
  readonly bankruptPrice: Dec;
  readonly realLeverage: Dec;
  readonly unrealisedPnlPcnt: Dec;
  readonly unrealisedRoePcnt: Dec;
}

/** The mark and funding state a position is measured against. */
export interface MarkContext {
  readonly spec: ContractSpec;
  readonly markPrice: Dec;
  /** Current-cycle funding rate (long pays when positive). */
  readonly fundingRate: Dec;
  /** The risk-limit level the user chose (POST risk-limit-level/change); tiers below it are not used. */
  readonly minRiskLevel?: number;
}

function ratio(a: Dec, b: Dec, digits: number): Dec {
  return sign(b) === 0 ? ZERO : round(quot(a, abs(b)), digits, 'half-up');
}

function common(position: PositionRecord, context: MarkContext) {
  const posCost = abs(position.cost);
  const markValue = valueOf(position.qty, context.spec.multiplier, context.markPrice);
  const unrealisedPnl = unrealisedPnlOf(
    position.qty,
    context.spec.multiplier,
    context.markPrice,
    position.cost,
  );
  const avgEntryPrice = avgEntryOf(position.qty, context.spec.multiplier, position.cost);
  return { posCost, markValue, unrealisedPnl, avgEntryPrice };
}

/** Effective isolated leverage: posCost / posInit (the leverage the margin was posted at). */
export function effectiveLeverage(position: PositionRecord): Dec {
  if (sign(position.posInit) <= 0) return position.leverage;
  return quot(abs(position.cost), position.posInit);
}

/** Isolated metrics, docs/reference/kucoin-futures.md#isolated-margin identities. */
export function isolatedMetrics(position: PositionRecord, context: MarkContext): PositionMetrics {
  const base = common(position, context);
  const tier = tierFor(context.spec, base.posCost, context.minRiskLevel);
  const leverage = effectiveLeverage(position);
  const charged = position.qty > 0n ? context.fundingRate : neg(context.fundingRate);
  const posMaint = posMaintOf(
    base.posCost,
    leverage,
    tier.maintainMargin,
    context.spec.takerFeeRate,
    charged,
  );
  const posMargin = isolatedPosMargin(position);
  return {
    ...base,
    posMargin,
    posMaint,
    maintMargin: add(posMargin, base.unrealisedPnl),
    mmr: tier.maintainMargin,
    tier,
    bankruptPrice: priceAtCushion(
      position.qty,
      context.spec.multiplier,
      base.avgEntryPrice,
      sub(posMargin, position.posComm),
    ),
    liquidationPrice: priceAtCushion(
      position.qty,
      context.spec.multiplier,
      base.avgEntryPrice,
      sub(posMargin, posMaint),
    ),
    realLeverage: realLeverageOf(base.markValue, posMargin, position.posComm, base.unrealisedPnl),
    unrealisedPnlPcnt: ratio(base.unrealisedPnl, base.posCost, 4),
    unrealisedRoePcnt: ratio(base.unrealisedPnl, position.posInit, 4),
  };
}

/**
 * Cross metrics (docs/reference/kucoin-futures.md#cross-margin): posMargin = markValue × IMR, maintenance = markValue × MMR. Bankruptcy and
 * liquidation prices are reference values for this position alone against `crossCushion` (the
 * cross margin available to it); cross liquidation itself is decided by the account's risk rate.
 */
export function crossMetrics(
  position: PositionRecord,
  context: MarkContext,
  crossLeverage: Dec,
  crossCushion: Dec,
): PositionMetrics {
  const base = common(position, context);
  const baseQty = mul({ m: position.qty, s: 0 }, context.spec.multiplier);
  const spec = context.spec;
  const mmr = crossMmrOf(baseQty, spec.m, spec.mmrLevConstant, spec.mmrLimit);
  const imr = crossImrOf(crossLeverage, mmr, spec.f);
  const posMargin = round(mul(abs(base.markValue), imr), MONEY_SCALE, 'half-up');
  const posMaint = round(mul(abs(base.markValue), mmr), MONEY_SCALE, 'half-up');
  const closeFee = round(mul(abs(base.markValue), spec.takerFeeRate), MONEY_SCALE, 'half-up');
  const cushion = sign(crossCushion) > 0 ? crossCushion : ZERO;
  const liqCushion = cmp(cushion, add(posMaint, closeFee)) > 0 ? sub(cushion, add(posMaint, closeFee)) : ZERO;
  return {
    ...base,
    posMargin,
    posMaint,
    maintMargin: add(posMargin, base.unrealisedPnl),
    mmr,
    tier: tierFor(spec, base.posCost),
    bankruptPrice: priceAtCushion(position.qty, spec.multiplier, base.avgEntryPrice, cushion),
    liquidationPrice: priceAtCushion(position.qty, spec.multiplier, base.avgEntryPrice, liqCushion),
    realLeverage: realLeverageOf(base.markValue, posMargin, ZERO, base.unrealisedPnl),
    unrealisedPnlPcnt: ratio(base.unrealisedPnl, base.posCost, 4),
    unrealisedRoePcnt: ratio(base.unrealisedPnl, position.posInit, 4),
  };
}

/** Whether the mark has reached an isolated position's liquidation price (docs/reference/kucoin-futures.md#isolated-margin: mark crosses LP). */
export function isolatedLiquidates(
  position: PositionRecord,
  metrics: PositionMetrics,
  markPrice: Dec,
): boolean {
  if (position.qty === 0n) return false;
  const c = cmp(markPrice, metrics.liquidationPrice);
  return position.qty > 0n ? c <= 0 : c >= 0;
}
