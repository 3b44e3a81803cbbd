/**
 * Liquidation-price estimates (ADR 0339). Isolated (KuCoin's model since 2025-05-22,
 * https://www.kucoin.com/support/26694703491737):
 * long  LP = entry·(1 − IMR) / (1 − MMR − LFR), short LP = entry·(1 + IMR) / (1 + MMR + LFR),
 * with IMR = 1/leverage, MMR from the risk tier and LFR the liquidation fee rate. Rounded one
 * tick toward the entry (the pessimistic side), so a stop checked against it is conservative.
 */
import type { PositionSide } from '../../../shared/domain/primitives.ts';
import { add, cmp, div, mul, roundToTick, sub, type Dec } from '../../../shared/domain/decimal.ts';

const ONE: Dec = { m: 1n, s: 0 };
const SCALE = 12;

/**
 * Estimated liquidation price.
 * @param leverage - integer ≥ 1.
 * @returns a price on the tick grid (≥ 0).
 */
export function estimateLiquidationPrice(
  side: PositionSide,
  entry: Dec,
  leverage: number,
  maintenanceMarginRate: Dec,
  liquidationFeeRate: Dec,
  tickSize: Dec,
): Dec {
  const imr = div(ONE, { m: BigInt(leverage), s: 0 }, SCALE, 'half-up');
  const costRate = add(maintenanceMarginRate, liquidationFeeRate);
  if (side === 'long') {
    const price = div(mul(entry, sub(ONE, imr)), sub(ONE, costRate), SCALE, 'up');
    const rounded = roundToTick(price, tickSize, 'up');
    return rounded.m < 0n ? { m: 0n, s: 0 } : rounded;
  }
  const price = div(mul(entry, add(ONE, imr)), add(ONE, costRate), SCALE, 'down');
  return roundToTick(price, tickSize, 'down');
}

/** A contract's cross-margin parameters (KuCoin contract fields `m`, `mmrLevConstant`, `f`, `mmrLimit`). */
export interface CrossParameters {
  readonly m: Dec;
  readonly mmrLevConstant: Dec;
  readonly f: Dec;
  readonly mmrLimit: Dec;
}

/** Cross MMR = min((1 + n/m) / (2 × mmrLevConstant), mmrLimit), `baseQty` n in coins. */
export function crossMmr(baseQty: Dec, params: CrossParameters): Dec {
  const raw = div(
    add(ONE, div(baseQty, params.m, SCALE, 'up')),
    mul({ m: 2n, s: 0 }, params.mmrLevConstant),
    SCALE,
    'up',
  );
  return cmp(raw, params.mmrLimit) > 0 ? params.mmrLimit : raw;
}

/** Cross IMR = max(1/leverage, MMR × f). */
export function crossImr(leverage: number, mmr: Dec, f: Dec): Dec {
  const byLeverage = div(ONE, { m: BigInt(leverage), s: 0 }, SCALE, 'up');
  const byMmr = mul(mmr, f);
  return cmp(byLeverage, byMmr) >= 0 ? byLeverage : byMmr;
}

/** Inputs of {@link estimateCrossLiquidationPrice}. */
export interface CrossLiquidationInput {
  readonly side: PositionSide;
  readonly entry: Dec;
  readonly mmr: Dec;
  readonly takerFeeRate: Dec;
  readonly tickSize: Dec;
  /** The margin shared by the account's cross positions (USDT). */
  readonly totalMarginUsdt: Dec;
  /** Σ |value| of the cross positions including this one (USDT). */
  readonly positionsValueUsdt: Dec;
}

/**
 * Estimated liquidation price of a cross position (KuCoin's web calculator model): with the
 * account margin ratio AMR = total margin / Σ cross position value,
 * long  LP = entry·(1 − AMR) / (1 − MMR − taker), short LP = entry·(1 + AMR) / (1 + MMR + taker).
 * Rounded one tick toward the entry (pessimistic); a long that cannot be liquidated gives 0.
 */
export function estimateCrossLiquidationPrice(input: CrossLiquidationInput): Dec {
  if (input.positionsValueUsdt.m <= 0n) return { m: 0n, s: 0 };
  const amr = div(input.totalMarginUsdt, input.positionsValueUsdt, SCALE, 'down');
  const costRate = add(input.mmr, input.takerFeeRate);
  if (input.side === 'long') {
    const price = div(mul(input.entry, sub(ONE, amr)), sub(ONE, costRate), SCALE, 'up');
    const rounded = roundToTick(price, input.tickSize, 'up');
    return rounded.m < 0n ? { m: 0n, s: 0 } : rounded;
  }
  return roundToTick(
    div(mul(input.entry, add(ONE, amr)), add(ONE, costRate), SCALE, 'down'),
    input.tickSize,
    'down',
  );
}
