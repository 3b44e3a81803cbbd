/**
 * The optional take-profit of an entry (ADR 0342): it must sit on the profit side of both the
 * entry's reference price and the mark — a long's above, a short's below — or it would fire as
 * soon as the position opens. Its profit and the reward-to-risk ratio go into the preview.
 */
import { cmp, dec, div, format, mul, sub, ZERO } from '../../../shared/domain/decimal.ts';
import type { OrderNumbers } from './numbers.ts';
import { deny } from './rules.ts';
import type { RiskContext } from './types.ts';

/** The take-profit must be beyond the reference and the mark on the profit side. */
export function checkTakeProfitSide(ctx: RiskContext, n: OrderNumbers): void {
  const target = n.takeProfitPrice;
  if (ctx.order.reduceOnly || target === undefined) return;
  const long = n.resultingSide === 'long';
  const higher = cmp(n.referencePrice, ctx.markPrice) > 0 ? n.referencePrice : ctx.markPrice;
  const lower = cmp(n.referencePrice, ctx.markPrice) < 0 ? n.referencePrice : ctx.markPrice;
  const bound = long ? higher : lower;
  const wrong = long ? cmp(target, bound) <= 0 : cmp(target, bound) >= 0;
  if (!wrong) return;
  deny(
    'take-profit-side',
    `take-profit ${format(target)} must be ${long ? 'above' : 'below'} ${format(bound)} for a ${n.resultingSide}: move it to the profit side or leave it empty`,
    { takeProfitPrice: format(target), bound: format(bound), side: n.resultingSide },
  );
}

/** Profit at the take-profit (net of the entry and exit fees) and reward ÷ risk, when there is one. */
export function rewardOf(
  ctx: RiskContext,
  n: OrderNumbers | undefined,
): { profitAtTakeProfit: string; rewardToRisk: string } | undefined {
  const target = n?.takeProfitPrice;
  const contract = ctx.contract;
  if (n === undefined || target === undefined || contract === undefined) return undefined;
  const size = mul(dec(n.resultingLots), contract.multiplier);
  const move = n.resultingSide === 'long' ? sub(target, n.resultingEntry) : sub(n.resultingEntry, target);
  const entryFee = mul(n.notional, contract.takerFeeRate);
  const exitFee = mul(mul(size, target), contract.takerFeeRate);
  const profit = sub(sub(mul(move, size), entryFee), exitFee);
  const ratio = cmp(n.lossAtStop, ZERO) > 0 ? div(profit, n.lossAtStop, 2, 'down') : undefined;
  return {
    profitAtTakeProfit: format(profit, 2),
    rewardToRisk: ratio === undefined ? '0' : format(ratio, 2),
  };
}
