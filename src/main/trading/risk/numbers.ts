/**
 * The numbers behind an order: notional, margin, fees, resulting position, liquidation estimate,
 * loss at the stop. All exact decimals (docs/CONTRIBUTING.md); divisions round against the trader.
 */
import { abs, add, cmp, dec, div, mul, round, sub, type Dec, ZERO } from '../../../shared/domain/decimal.ts';
import type { PositionSide } from '../../../shared/domain/primitives.ts';
import {
  crossImr,
  crossMmr,
  estimateCrossLiquidationPrice,
  estimateLiquidationPrice,
} from './liquidation.ts';
import { tierFor, type PreparedContract, type PreparedTier } from './prepared.ts';
import type { RiskContext } from './types.ts';

const MONEY_SCALE = 8;
const HUNDRED: Dec = { m: 100n, s: 0 };
const ONE: Dec = { m: 1n, s: 0 };

/** Every figure the preview shows and the rules compare. */
export interface OrderNumbers {
  readonly referencePrice: Dec;
  readonly stopPrice: Dec | undefined;
  readonly takeProfitPrice: Dec | undefined;
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

/**
 * The resulting position if this order and every pending entry on the same side fill completely
 * (same side adds; blended entry). A reduce-only order does not add.
 */
function resulting(ctx: RiskContext, ref: Dec): { side: PositionSide; lots: number; entry: Dec } {
  const side: PositionSide = ctx.order.side === 'buy' ? 'long' : 'short';
  const pos = ctx.position?.side === side ? ctx.position : undefined;
  const pending = ctx.order.reduceOnly ? { lots: 0, priceTimesLots: ZERO } : ctx.pending;
  const lots = (pos?.sizeLots ?? 0) + pending.lots + ctx.order.sizeLots;
  const weighted = add(
    add(pos === undefined ? ZERO : mul(pos.avgEntryPrice, dec(pos.sizeLots)), pending.priceTimesLots),
    mul(ref, dec(ctx.order.sizeLots)),
  );
  return { side, lots, entry: div(weighted, dec(lots), MONEY_SCALE, 'half-up') };
}

/** Initial margin rate and liquidation estimate, per margin mode (isolated by tier; cross by KuCoin's AMR model). */
function marginAndLiquidation(
  ctx: RiskContext,
  contract: PreparedContract,
  result: { side: PositionSide; lots: number; entry: Dec },
  tierMmr: Dec,
  notional: Dec,
  resultingNotional: Dec,
): { initialMargin: Dec; liquidationPrice: Dec } {
  const leverage = Math.max(1, ctx.order.leverage);
  if (ctx.marginMode === 'ISOLATED') {
    return {
      initialMargin: div(notional, dec(leverage), MONEY_SCALE, 'up'),
      liquidationPrice: estimateLiquidationPrice(
        result.side,
        result.entry,
        leverage,
        tierMmr,
        ctx.limits.liquidationFeeRate,
        contract.tickSize,
      ),
    };
  }
  // Without the contract's cross parameters, the tier's MMR and 1/leverage stand in (conservative enough: MMR × f ≤ IMR at usual leverage).
  const mmr =
    contract.cross === undefined
      ? tierMmr
      : crossMmr(mul(dec(result.lots), contract.multiplier), contract.cross);
  const imr =
    contract.cross === undefined
      ? div(ONE, dec(leverage), 12, 'up')
      : crossImr(leverage, mmr, contract.cross.f);
  const liquidationPrice = estimateCrossLiquidationPrice({
    side: result.side,
    entry: result.entry,
    mmr,
    takerFeeRate: contract.takerFeeRate,
    tickSize: contract.tickSize,
    totalMarginUsdt: ctx.cross.totalMarginUsdt,
    positionsValueUsdt: add(ctx.cross.otherPositionsValueUsdt, resultingNotional),
  });
  return { initialMargin: round(mul(notional, imr), MONEY_SCALE, 'up'), liquidationPrice };
}

/** Computes every figure; never throws for a well-typed context. */
export function computeOrderNumbers(ctx: RiskContext, contract: PreparedContract): OrderNumbers {
  const ref = parsePrice(ctx.order.price) ?? ctx.markPrice;
  const stop = parsePrice(ctx.order.stopPrice);
  const lotsDec = dec(ctx.order.sizeLots);
  const notional = mul(mul(lotsDec, contract.multiplier), ref);
  const result = resulting(ctx, ref);
  const resultingNotional = mul(mul(dec(result.lots), contract.multiplier), result.entry);
  const tier = tierFor(contract, resultingNotional);
  const mmr =
    tier === 'beyond-top-tier'
      ? (contract.tiers[contract.tiers.length - 1]?.maintenanceMarginRate ?? ZERO)
      : tier.maintenanceMarginRate;
  const { initialMargin, liquidationPrice } = marginAndLiquidation(
    ctx,
    contract,
    result,
    mmr,
    notional,
    resultingNotional,
  );
  // Fees: the entry as taker plus the stop's exit as taker (a stop is a market order when it fires).
  const exitFee =
    stop === undefined
      ? ZERO
      : mul(mul(mul(dec(result.lots), contract.multiplier), stop), contract.takerFeeRate);
  const fees = add(mul(notional, contract.takerFeeRate), exitFee);
  const stopDistance = stop === undefined ? ZERO : abs(sub(result.entry, stop));
  const lossAtStop = add(mul(mul(stopDistance, dec(result.lots)), contract.multiplier), fees);
  const riskPct =
    cmp(ctx.equityUsdt, ZERO) > 0 ? div(mul(lossAtStop, HUNDRED), ctx.equityUsdt, 4, 'up') : dec('100');
  return {
    referencePrice: ref,
    stopPrice: stop,
    takeProfitPrice: parsePrice(ctx.order.takeProfitPrice),
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
