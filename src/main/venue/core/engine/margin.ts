/**
 * KuCoin's margin arithmetic (docs/reference/kucoin-futures.md#margin), as pure functions on exact decimals. The isolated
 * identities are the pre-2025-05-22 model whose sample payloads reproduce to the last digit
 * (docs/reference/kucoin-futures.md#isolated-margin); cross follows KuCoin's web calc module (docs/reference/kucoin-futures.md#cross-margin). Quantities are signed lots (long > 0).
 */
import type { Dec } from '../model/decimal.ts';
import { abs, add, cmp, d, max, min, mul, ONE, quot, round, sign, sub, ZERO } from '../model/decimal.ts';

/** Money precision of position fields (posInit 22.4769666644: 10 places). */
export const MONEY_SCALE = 10;
/** Fee and funding precision (fee "0.05176506", funding -0.05585669: 8 places). */
export const FEE_SCALE = 8;

/** |lots| × multiplier × price: the USDT value of lots at a price (docs/reference/kucoin-futures.md#fees-and-funding). */
export function valueOf(lots: bigint, multiplier: Dec, price: Dec): Dec {
  return mul(mul({ m: lots < 0n ? -lots : lots, s: 0 }, multiplier), price);
}

/** Fee on a value at a rate, 8 places (docs/reference/kucoin-futures.md#fees-and-funding: 67.4309 × 0.0006 = 0.04045854). */
export function feeOf(value: Dec, rate: Dec): Dec {
  return round(mul(value, rate), FEE_SCALE, 'half-up');
}

/** Initial margin of a value at a leverage: value / leverage (docs/reference/kucoin-futures.md#fees-and-funding). */
export function initialMarginOf(value: Dec, leverage: Dec): Dec {
  return round(quot(value, leverage), MONEY_SCALE, 'half-up');
}

/** (1 + 1/leverage): the bankruptcy-fee factor of docs/reference/kucoin-futures.md#isolated-margin. */
function bankruptcyFactor(leverage: Dec): Dec {
  return add(ONE, quot(ONE, leverage));
}

/** posComm: the closing-fee reserve, posCost × (1 + 1/lev) × takerFee (docs/reference/kucoin-futures.md#isolated-margin: 0.06602004). */
export function posCommOf(posCost: Dec, leverage: Dec, takerFeeRate: Dec): Dec {
  return round(mul(mul(abs(posCost), bankruptcyFactor(leverage)), takerFeeRate), MONEY_SCALE, 'half-up');
}

/**
 * posMaint: posCost × (MMR + (1 + 1/lev) × takerFee + fundingRate the position pays) (docs/reference/kucoin-futures.md#isolated-margin, the
 * "before" formula of P-ISO2025). `fundingRateCharged` is the rate the position would pay, ≥ 0.
 */
export function posMaintOf(
  posCost: Dec,
  leverage: Dec,
  mmr: Dec,
  takerFeeRate: Dec,
  fundingRateCharged: Dec,
): Dec {
  const rate = add(add(mmr, mul(bankruptcyFactor(leverage), takerFeeRate)), max(fundingRateCharged, ZERO));
  return round(mul(abs(posCost), rate), MONEY_SCALE, 'half-up');
}

/** posMargin = posInit + posComm + posCross − posLoss (docs/reference/kucoin-futures.md#isolated-margin). */
export function posMarginOf(posInit: Dec, posComm: Dec, posCross: Dec, posLoss: Dec): Dec {
  return sub(add(add(posInit, posComm), posCross), posLoss);
}

/** Unrealised PnL = (mark − entry) × qty × multiplier, from signed qty and signed cost (docs/reference/kucoin-futures.md#fees-and-funding). */
export function unrealisedPnlOf(qty: bigint, multiplier: Dec, markPrice: Dec, signedCost: Dec): Dec {
  return sub(mul(mul({ m: qty, s: 0 }, multiplier), markPrice), signedCost);
}

/** Average entry price = |cost| / (|qty| × multiplier), 10 places. */
export function avgEntryOf(qty: bigint, multiplier: Dec, signedCost: Dec): Dec {
  if (qty === 0n) return ZERO;
  return round(
    quot(abs(signedCost), mul({ m: qty < 0n ? -qty : qty, s: 0 }, multiplier)),
    MONEY_SCALE,
    'half-up',
  );
}

/**
 * Price at which `cushion` USDT is used up: long entry − cushion/(|qty|×mult), short entry + …,
 * never below zero. Bankruptcy: cushion = posMargin − posComm; liquidation: posMargin − posMaint (docs/reference/kucoin-futures.md#isolated-margin).
 */
export function priceAtCushion(qty: bigint, multiplier: Dec, entry: Dec, cushion: Dec): Dec {
  if (qty === 0n) return ZERO;
  const move = quot(cushion, mul({ m: qty < 0n ? -qty : qty, s: 0 }, multiplier), MONEY_SCALE);
  const price = qty > 0n ? sub(entry, move) : add(entry, move);
  return max(price, ZERO);
}

/** realLeverage = markValue / (posMargin − posComm + uPnl), 10 places (docs/reference/kucoin-futures.md#isolated-margin: 4.9685590767). */
export function realLeverageOf(markValue: Dec, posMargin: Dec, posComm: Dec, unrealisedPnl: Dec): Dec {
  const equity = add(sub(posMargin, posComm), unrealisedPnl);
  if (sign(equity) <= 0) return ZERO;
  return round(quot(abs(markValue), equity), MONEY_SCALE, 'half-up');
}

/** Funding the position receives (+) or pays (−): −sign(qty) × |qty|×mult × mark × rate, 8 places (docs/reference/kucoin-futures.md#fees-and-funding). */
export function fundingOf(qty: bigint, multiplier: Dec, markPrice: Dec, rate: Dec): Dec {
  const paid = round(mul(valueOf(qty, multiplier, markPrice), rate), FEE_SCALE, 'half-up');
  return qty > 0n ? { m: -paid.m, s: paid.s } : paid;
}

/** Cross MMR = min((1 + n/m) / (2 × mmrLevConstant), mmrLimit), n in base units (docs/reference/kucoin-futures.md#cross-margin: 0.00416136). */
export function crossMmrOf(baseQty: Dec, m: Dec, mmrLevConstant: Dec, mmrLimit: Dec): Dec {
  const raw = quot(add(ONE, quot(abs(baseQty), m)), mul(d(2), mmrLevConstant));
  return min(round(raw, MONEY_SCALE, 'half-up'), mmrLimit);
}

/** Cross IMR = max(1/leverage, MMR × f) (docs/reference/kucoin-futures.md#cross-margin). */
export function crossImrOf(leverage: Dec, mmr: Dec, f: Dec): Dec {
  return max(round(quot(ONE, leverage), MONEY_SCALE, 'half-up'), round(mul(mmr, f), MONEY_SCALE, 'half-up'));
}

/**
 * Largest cross position (base units) `margin` can open at `price` and `leverage`:
 * k × ln(margin × x / (k × p) + 1) (docs/reference/kucoin-futures.md#cross-margin, the API example's form with p = price). The logarithm
 * is the one place a float is used: the result is floored to whole lots by the caller.
 */
export function crossMaxOpenBase(k: Dec, margin: Dec, leverage: Dec, price: Dec): number {
  if (sign(margin) <= 0 || sign(price) <= 0) return 0;
  const kf = Number(round(k, 8).m) / 1e8;
  const ratio = quot(mul(margin, leverage), mul(k, price));
  return kf * Math.log1p(Number(round(ratio, 15).m) / 1e15);
}

/** Whole lots in `base` units of the coin, floored. */
export function lotsOfBase(base: number, multiplier: Dec): bigint {
  const lotsFloat = base / (Number(multiplier.m) / 10 ** multiplier.s);
  // Nudge by 1e-9 so 12102.0000000001-style float noise never loses a lot it should keep.
  return BigInt(Math.floor(lotsFloat + 1e-9));
}

/** Compares a price with a trigger: `up` fires at price ≥ stop, `down` at price ≤ stop (docs/reference/kucoin-futures.md#stop-orders). */
export function stopFires(direction: 'up' | 'down', price: Dec, stopPrice: Dec): boolean {
  const c = cmp(price, stopPrice);
  return direction === 'up' ? c >= 0 : c <= 0;
}
