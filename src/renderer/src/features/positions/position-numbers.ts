// How the positions table writes its numbers: prices to the contract's tick, money to the cent,
// and "unknown" for anything the exchange did not give (never a made-up number). Rounding is
// decimal (src/shared/domain/decimal.ts), on the exchange's text: no binary float in between.
import { dec, div, format, mul, roundToTick } from '../../../../shared/domain/decimal.ts';
import type { LiquidationWarning } from '../../stores/trading.types.ts';

const decimalText = /^-?\d+(\.\d+)?$/;

/** Decimals of a tick size such as "0.1" (1) or "0.001" (3); undefined for a malformed tick. */
function tickDecimals(tickSize: string | undefined): number | undefined {
  if (tickSize === undefined || !/^\d+(\.\d+)?$/.test(tickSize) || !(Number(tickSize) > 0)) return undefined;
  return (tickSize.split('.')[1] ?? '').replace(/0+$/, '').length;
}

/**
 * A price written on the contract's tick grid (70434.09417 at tick 0.1 → "70434.1", 100.3 at
 * tick 0.5 → "100.5"); the exchange's text when the tick is unknown, "unknown" when there is no
 * price. Works for any tick, so the orders table uses it too.
 */
export function priceText(price: string | null | undefined, tickSize: string | undefined): string {
  if (price === null || price === undefined || !decimalText.test(price)) return 'unknown';
  const decimals = tickDecimals(tickSize);
  if (decimals === undefined || tickSize === undefined) return price;
  return format(roundToTick(dec(price), dec(tickSize), 'half-up'), decimals);
}

/** The position's protective stop to tick; "none" when no stop is resting (the badge says why). */
export function stopText(stopPrice: string | undefined, tickSize: string | undefined): string {
  return stopPrice === undefined ? 'none' : priceText(stopPrice, tickSize);
}

/** How close liquidation is, as the table shows it: the words carry it, the colour repeats it. */
export interface LiquidationDistance {
  readonly text: string;
  readonly level: 'critical' | 'warning' | 'ok' | 'unknown';
  /** Said next to the number, so the level does not rest on colour alone. */
  readonly label: string;
  readonly color: string;
}

/**
 * The distance to liquidation with its level. The level is main's liquidation watch (its
 * `warnDistancePct` / `criticalDistancePct` thresholds with hysteresis, ADR 0305), not a second
 * set of thresholds here that could disagree with the alerts the trader receives.
 */
export function liquidationDistance(
  distancePct: number | null,
  distanceAtr: number | undefined,
  warning: LiquidationWarning | undefined,
): LiquidationDistance {
  if (distancePct === null || !Number.isFinite(distancePct)) {
    return { text: 'unknown', level: 'unknown', label: 'unknown', color: 'dimmed' };
  }
  const text = `${distancePct.toFixed(2)} %${distanceAtr === undefined ? '' : ` · ${distanceAtr.toFixed(1)} ATR`}`;
  if (warning?.level === 'critical') return { text, level: 'critical', label: '⚠ critical', color: 'red' };
  if (warning?.level === 'warning') return { text, level: 'warning', label: '⚠ warning', color: 'orange' };
  return { text, level: 'ok', label: 'ok', color: 'teal' };
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
