/**
 * How much margin an order needs before it may trade or rest (docs/reference/kucoin-futures.md#orders, #margin): only the
 * lots that open or grow a position need margin — initial margin plus the opening fee and, for
 * isolated, the bankruptcy-fee reserve posComm; for cross, value × (IMR + takerFee) (docs/reference/kucoin-futures.md#cross-margin).
 */
import { crossLeverageOf } from '../api/account-view.ts';
import type { MatchLeg } from './book.ts';
import { priceOfTicks } from './book.ts';
import type { Dec } from '../model/decimal.ts';
import { add, mul, ONE, quot, ZERO } from '../model/decimal.ts';
import { crossImrOf, crossMmrOf, valueOf } from './margin.ts';
import type { AccountRecord, MarketRecord, OrderRecord } from '../model/state.ts';

/** Margin for the fills now and the reserve for the resting rest. */
export interface MarginNeed {
  readonly forFills: Dec;
  readonly reserve: Dec;
  readonly total: Dec;
  /** Signed position (lots) after the fills and the rest, for risk-limit checks. */
  readonly resultingQty: bigint;
}

function factorFor(
  account: AccountRecord,
  market: MarketRecord,
  order: OrderRecord,
  resultingQty: bigint,
): Dec {
  const taker = market.spec.takerFeeRate;
  if (order.marginMode === 'ISOLATED') {
    const inverse = quot(ONE, order.leverage);
    // 1/L initial margin + opening fee + (1 + 1/L) × taker bankruptcy reserve (docs/reference/kucoin-futures.md#isolated-margin).
    return add(add(inverse, taker), mul(add(ONE, inverse), taker));
  }
  const spec = market.spec;
  const base = mul({ m: resultingQty < 0n ? -resultingQty : resultingQty, s: 0 }, spec.multiplier);
  const mmr = crossMmrOf(base, spec.m, spec.mmrLevConstant, spec.mmrLimit);
  return add(crossImrOf(crossLeverageOf(account, order.symbol), mmr, spec.f), taker);
}

function openingPart(qty: bigint, buy: boolean, lots: bigint): bigint {
  const reducing = qty !== 0n && qty > 0n !== buy;
  if (!reducing) return lots;
  const held = qty < 0n ? -qty : qty;
  return lots > held ? lots - held : 0n;
}

/** Margin the order needs for `legs` (trading now) and `restLots` (resting at its limit price). */
export function marginNeed(
  account: AccountRecord,
  market: MarketRecord,
  order: OrderRecord,
  legs: readonly MatchLeg[],
  restLots: bigint,
): MarginNeed {
  const position = account.positions.get(order.symbol);
  let qty = position?.qty ?? 0n;
  const buy = order.side === 'buy';
  const direction = buy ? 1n : -1n;
  let openingValue = ZERO;
  for (const leg of legs) {
    const opening = openingPart(qty, buy, leg.lots);
    openingValue = add(
      openingValue,
      valueOf(opening, market.spec.multiplier, priceOfTicks(leg.ticks, market.spec.tickSize)),
    );
    qty += direction * leg.lots;
  }
  let restValue = ZERO;
  if (restLots > 0n && order.price !== null) {
    restValue = valueOf(openingPart(qty, buy, restLots), market.spec.multiplier, order.price);
    qty += direction * restLots;
  }
  if (order.reduceOnly) return { forFills: ZERO, reserve: ZERO, total: ZERO, resultingQty: qty };
  const factor = factorFor(account, market, order, qty);
  const forFills = mul(openingValue, factor);
  const reserve = mul(restValue, factor);
  return { forFills, reserve, total: add(forFills, reserve), resultingQty: qty };
}
