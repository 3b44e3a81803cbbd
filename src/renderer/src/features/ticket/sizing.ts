import * as decimal from '../../../../shared/domain/decimal.ts';
import { isPrice } from '../../domain/wire-patterns.ts';

/** What one lot loses if the stop fills, and where that number came from. */
export interface LossPerLot {
  /** USDT, decimal string. */
  readonly usdt: string;
  readonly source: 'contract' | 'preview';
}

/** A size the helper found, or why it could not find one. */
export type RiskSizing =
  | { readonly ok: true; readonly lots: number; readonly lossPerLot: string; readonly lossAtStop: string }
  | { readonly ok: false; readonly reason: string };

const usdtScale = 8;

/**
 * Loss per lot from the contract: the price distance to the stop times the lot's coin amount,
 * plus taker fees on the way in and out (the preview's `lossAtStop` counts both fees too).
 * @throws ValidationError when a price is not a decimal.
 */
export function lossPerLotFromContract(args: {
  readonly entryPrice: string;
  readonly stopPrice: string;
  readonly multiplier: string;
  readonly takerFeeRate: string;
}): string {
  const entry = decimal.dec(args.entryPrice);
  const stop = decimal.dec(args.stopPrice);
  const multiplier = decimal.dec(args.multiplier);
  const priceLoss = decimal.mul(decimal.abs(decimal.sub(entry, stop)), multiplier);
  const fees = decimal.mul(decimal.mul(decimal.add(entry, stop), multiplier), decimal.dec(args.takerFeeRate));
  return decimal.format(decimal.round(decimal.add(priceLoss, fees), usdtScale, 'up'));
}

/**
 * Loss per lot from a preview of the same entry and stop: `lossAtStop / sizeLots`. Loss at the
 * stop is linear in size (price distance and fees both scale with lots), so this is exact enough
 * to size with while the contract's multiplier is unknown.
 */
export function lossPerLotFromPreview(lossAtStop: string, previewSizeLots: number): string {
  return decimal.format(decimal.div(decimal.dec(lossAtStop), decimal.dec(previewSizeLots), usdtScale, 'up'));
}

/**
 * "Risk X USDT at this stop": the most whole lots whose loss at the stop stays within X.
 * Rounds down — the helper never suggests a size that risks more than the trader said.
 */
export function sizeForRisk(riskUsdt: string, lossPerLot: string): RiskSizing {
  if (!isPrice(riskUsdt.trim()))
    return { ok: false, reason: 'Enter the USDT you are willing to lose at the stop.' };
  const perLot = decimal.dec(lossPerLot);
  if (perLot.m <= 0n)
    return { ok: false, reason: 'Entry and stop are at the same price: no loss per lot to size by.' };
  const risk = decimal.dec(riskUsdt.trim());
  const lots = decimal.div(risk, perLot, 0, 'down').m;
  if (lots < 1n) {
    return {
      ok: false,
      reason: `${riskUsdt.trim()} USDT is less than one lot loses at this stop (${lossPerLot} USDT).`,
    };
  }
  const lossAtStop = decimal.format(decimal.mul(perLot, { m: lots, s: 0 }));
  return { ok: true, lots: Number(lots), lossPerLot, lossAtStop };
}

/** Lots for a USDT notional, with the notional those lots really carry; or why there are none. */
export type NotionalSizing =
  | { readonly ok: true; readonly lots: number; readonly notional: string }
  | { readonly ok: false; readonly reason: string };

/**
 * "Buy 500 USDT worth": the most whole lots whose notional (lots × multiplier × price) stays
 * within the amount. Rounds down, like {@link sizeForRisk}: never more exposure than typed.
 * `price` is the limit price, or the mark/last price for a market order.
 */
export function lotsForNotional(
  notionalUsdt: string,
  multiplier: string | undefined,
  price: string | undefined,
): NotionalSizing {
  const amount = notionalUsdt.trim();
  if (!isPrice(amount)) return { ok: false, reason: 'Enter the size in USDT, a decimal greater than 0.' };
  if (multiplier === undefined || !isPrice(multiplier)) {
    return { ok: false, reason: 'The contract size is not known yet: size in lots.' };
  }
  if (price === undefined || !isPrice(price.trim())) {
    return { ok: false, reason: 'No price to convert at: set the limit price, or wait for the mark price.' };
  }
  const perLot = decimal.mul(decimal.dec(multiplier), decimal.dec(price.trim()));
  const lots = decimal.div(decimal.dec(amount), perLot, 0, 'down').m;
  if (lots < 1n) {
    const oneLot = decimal.format(decimal.round(perLot, 2, 'up'), 2);
    return { ok: false, reason: `${amount} USDT is less than one lot (${oneLot} USDT).` };
  }
  const notional = decimal.format(decimal.round(decimal.mul(perLot, { m: lots, s: 0 }), 2), 2);
  return { ok: true, lots: Number(lots), notional };
}
