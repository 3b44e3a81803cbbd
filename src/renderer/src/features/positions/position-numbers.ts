// How the positions table writes its numbers: prices to the contract's tick, money to the cent,
// and "unknown" for anything the exchange did not give (never a made-up number). Rounding is
// decimal (src/shared/domain/decimal.ts), on the exchange's text: no binary float in between.
import { dec, div, format, mul } from '../../../../shared/domain/decimal.ts';

const decimalText = /^-?\d+(\.\d+)?$/;

/** Decimals of a tick size such as "0.1" (1) or "0.001" (3); undefined for a malformed tick. */
function tickDecimals(tickSize: string | undefined): number | undefined {
  if (tickSize === undefined || !/^\d+(\.\d+)?$/.test(tickSize) || !(Number(tickSize) > 0)) return undefined;
  return (tickSize.split('.')[1] ?? '').replace(/0+$/, '').length;
}

/** A price written to the contract's tick (e.g. 70434.09417 at tick 0.1 → "70434.1"); the exchange's text when the tick is unknown. */
export function priceText(price: string | null, tickSize: string | undefined): string {
  if (price === null || !decimalText.test(price)) return 'unknown';
  const decimals = tickDecimals(tickSize);
  return decimals === undefined ? price : format(dec(price), decimals);
}

/** USDT to the cent, with its sign ("-12.30", "0.00"). */
export function usdtText(value: string | null): string {
  if (value === null || !decimalText.test(value)) return 'unknown';
  const rounded = format(dec(value), 2);
  return rounded === '-0.00' ? '0.00' : rounded;
}

/** Return on the position's margin in %, to 2 decimals; unknown without both numbers or with no margin. */
export function roeText(unrealisedPnl: string | null, marginUsdt: string | null): string {
  if (
    unrealisedPnl === null ||
    marginUsdt === null ||
    !decimalText.test(unrealisedPnl) ||
    !decimalText.test(marginUsdt)
  )
    return 'unknown';
  if (!(Number(marginUsdt) > 0)) return 'unknown';
  const pct = format(div(mul(dec(unrealisedPnl), dec(100)), dec(marginUsdt), 2), 2);
  return `${pct === '-0.00' ? '0.00' : pct} %`;
}
