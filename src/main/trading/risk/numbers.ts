/**
 * The numbers behind an order: notional, margin, fees, resulting position, liquidation estimate,
 * loss at the stop. All exact decimals (GUIDE §5); divisions round against the trader.
 */
import { abs, add, cmp, dec, div, mul, sub, type Dec, ZERO } from '../../../shared/domain/decimal.ts';
import type { PositionSide } from '../../../shared/domain/primitives.ts';
import { estimateLiquidationPrice } from './liquidation.ts';
import { tierFor, type PreparedContract, type PreparedTier } from './prepared.ts';
import type { RiskContext } from './types.ts';

const MONEY_SCALE = 8;
const HUNDRED: Dec = { m: 100n, s: 0 };

/** Every figure the preview shows and the rules compare. */
export interface OrderNumbers {
  readonly referencePrice: Dec;
  readonly stopPrice: Dec | undefined;
  readonly notional: Dec;
  readonly initialMargin: Dec;
  readonly fees: Dec;
  readonly resultingSide: PositionSide;
  readonly resultingLots: number;
  readonly resultingEntry: Dec;
  readonly resultingNotional: Dec;
  readonly tier: PreparedTier | 'beyond-top-tier';
  readonly liquidationPrice: Dec;
  readonly lossAtStop: Dec;
  readonly riskPct: Dec;
}

/** Parses a wire price, or the mark for market orders. Malformed text is caught by `order-shape`. */
function parsePrice(text: string | undefined): Dec | undefined {
  if (text === undefined) return undefined;
  return /^\d+(\.\d+)?$/.test(text) ? dec(text) : undefined;
}

/** The resulting position if this order fills completely (same side adds; blended entry). */
function resulting(ctx: RiskContext, ref: Dec): { side: PositionSide; lots: number; entry: Dec } {
  const side: PositionSide = ctx.order.side === 'buy' ? 'long' : 'short';
  const pos = ctx.position;
  if (pos?.side !== side) return { side, lots: ctx.order.sizeLots, entry: ref };
  const lots = pos.sizeLots + ctx.order.sizeLots;
  const weighted = add(mul(pos.avgEntryPrice, dec(pos.sizeLots)), mul(ref, dec(ctx.order.sizeLots)));
  return { side, lots, entry: div(weighted, dec(lots), MONEY_SCALE, 'half-up') };
}

/** Computes every figure; never throws for a well-typed context. */
export function computeOrderNumbers(ctx: RiskContext, contract: PreparedContract): OrderNumbers {
  const ref = parsePrice(ctx.order.price) ?? ctx.markPrice;
  const stop = parsePrice(ctx.order.stopPrice);
  const lotsDec = dec(ctx.order.sizeLots);
  const notional = mul(mul(lotsDec, contract.multiplier), ref);
  const leverage = Math.max(1, ctx.order.leverage);
  const initialMargin = div(notional, dec(leverage), MONEY_SCALE, 'up');
  const result = resulting(ctx, ref);
  const resultingNotional = mul(mul(dec(result.lots), contract.multiplier), result.entry);
  const tier = tierFor(contract, resultingNotional);
  const mmr = tier === 'beyond-top-tier' ? contract.tiers[contract.tiers.length - 1]?.maintenanceMarginRate ?? ZERO : tier.maintenanceMarginRate;
  const liquidationPrice = estimateLiquidationPrice(result.side, result.entry, leverage, mmr, ctx.limits.liquidationFeeRate, contract.tickSize);
  // Fees: the entry as taker plus the stop's exit as taker (a stop is a market order when it fires).
  const exitFee = stop === undefined ? ZERO : mul(mul(mul(dec(result.lots), contract.multiplier), stop), contract.takerFeeRate);
  const fees = add(mul(notional, contract.takerFeeRate), exitFee);
  const stopDistance = stop === undefined ? ZERO : abs(sub(result.entry, stop));
  const lossAtStop = add(mul(mul(stopDistance, dec(result.lots)), contract.multiplier), fees);
  const riskPct = cmp(ctx.equityUsdt, ZERO) > 0 ? div(mul(lossAtStop, HUNDRED), ctx.equityUsdt, 4, 'up') : dec('100');
  return {
    referencePrice: ref,
    stopPrice: stop,
    notional,
    initialMargin,
    fees,
    resultingSide: result.side,
    resultingLots: result.lots,
    resultingEntry: result.entry,
    resultingNotional,
    tier,
    liquidationPrice,
    lossAtStop,
    riskPct,
  };
}
