/**
 * Liquidation-price estimate for an isolated position (reference §7.2, post-2025-05-22 model):
 * long  LP = entry·(1 − IMR) / (1 − MMR − LFR), short LP = entry·(1 + IMR) / (1 + MMR + LFR),
 * with IMR = 1/leverage, MMR from the risk tier and LFR the liquidation fee rate. Rounded one
 * tick toward the entry (the pessimistic side), so a stop checked against it is conservative.
 */
import type { PositionSide } from '../../../shared/domain/primitives.ts';
import { add, div, mul, roundToTick, sub, type Dec } from '../../../shared/domain/decimal.ts';

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
