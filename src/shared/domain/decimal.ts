/**
 * Exact decimal arithmetic for prices, sizes and money. A {@link Dec} is an integer mantissa and
 * a decimal scale (`{ m: 12345n, s: 2 }` = 123.45). Prices and sizes travel as decimal strings at
 * the wire and are compared here on integers (ticks, lots, minor units) so that no float rounding
 * ever decides whether an order passes a risk rule (docs/CONTRIBUTING.md).
 */
import { ValidationError } from '../errors.ts';

/** An exact decimal: `m × 10^-s`. */
export interface Dec {
  readonly m: bigint;
  readonly s: number;
}

const decimalPattern = /^-?\d+(\.\d+)?$/;

/** Whether a string is a plain decimal (`123`, `-0.5`, `90000.1`); no exponent, no sign `+`. */
export function isDecimalString(text: string): boolean {
  return decimalPattern.test(text);
}

/**
 * Parses a decimal string or a finite number. Numbers are read through their shortest
 * round-trip text (`0.1` stays 0.1), which is what KuCoin's JSON numbers mean.
 * @throws ValidationError when the text is not a decimal.
 */
export function dec(value: string | number | bigint): Dec {
  if (typeof value === 'bigint') return { m: value, s: 0 };
  const text = typeof value === 'number' ? numberText(value) : value.trim();
  if (!decimalPattern.test(text)) {
    throw new ValidationError('decimal-invalid', `"${text}" is not a decimal number`, {
      details: { value: text },
    });
  }
  const negative = text.startsWith('-');
  const body = negative ? text.slice(1) : text;
  const [whole = '0', fraction = ''] = body.split('.');
  const m = BigInt(whole + fraction);
  return { m: negative ? -m : m, s: fraction.length };
}

function numberText(value: number): string {
  if (!Number.isFinite(value)) {
    throw new ValidationError('decimal-invalid', `${value} is not a finite number`, {
      details: { value: String(value) },
    });
  }
  const text = String(value);
  if (!text.includes('e')) return text;
  return value.toFixed(20).replace(/\.?0+$/, '');
}

const pow10Cache: bigint[] = [];
/** 10^n as a bigint (cached). */
export function pow10(n: number): bigint {
  let cached = pow10Cache[n];
  if (cached === undefined) {
    cached = 10n ** BigInt(n);
    pow10Cache[n] = cached;
  }
  return cached;
}

/** Re-expresses `a` at a larger scale (exact). */
function rescale(a: Dec, s: number): bigint {
  return s === a.s ? a.m : a.m * pow10(s - a.s);
}

/** a + b, exact. */
export function add(a: Dec, b: Dec): Dec {
  const s = Math.max(a.s, b.s);
  return { m: rescale(a, s) + rescale(b, s), s };
}

/** a − b, exact. */
export function sub(a: Dec, b: Dec): Dec {
  const s = Math.max(a.s, b.s);
  return { m: rescale(a, s) - rescale(b, s), s };
}

/** a × b, exact. */
export function mul(a: Dec, b: Dec): Dec {
  return { m: a.m * b.m, s: a.s + b.s };
}

/** Sign-aware comparison: −1, 0 or 1. */
export function cmp(a: Dec, b: Dec): -1 | 0 | 1 {
  const s = Math.max(a.s, b.s);
  const x = rescale(a, s);
  const y = rescale(b, s);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** |a|. */
export function abs(a: Dec): Dec {
  return a.m < 0n ? { m: -a.m, s: a.s } : a;
}

/** How to round when a result does not fit the target scale or tick. */
export type Rounding = 'down' | 'up' | 'half-up';

function divRound(n: bigint, d: bigint, rounding: Rounding): bigint {
  // Floor/ceil toward −∞/+∞ (not toward zero) so a long's and a short's prices round the same way.
  const q = n / d;
  const r = n % d;
  if (r === 0n) return q;
  const negative = n < 0n !== d < 0n;
  const floor = negative ? q - 1n : q;
  if (rounding === 'down') return floor;
  if (rounding === 'up') return floor + 1n;
  // Half-up (toward +∞ at the half) measures the distance from the floor, not from zero.
  const big = d < 0n ? -d : d;
  const aboveFloor = (n < 0n !== d < 0n ? big - (r < 0n ? -r : r) : r < 0n ? -r : r) * 2n;
  return aboveFloor >= big ? floor + 1n : floor;
}

/** a ÷ b at `scale` decimal places with the given rounding. @throws ValidationError on b = 0. */
export function div(a: Dec, b: Dec, scale: number, rounding: Rounding = 'half-up'): Dec {
  if (b.m === 0n) throw new ValidationError('decimal-divide-by-zero', 'division by zero', { details: {} });
  // a.m·10^-a.s / (b.m·10^-b.s) = (a.m · 10^(scale + b.s − a.s)) / b.m · 10^-scale
  const shift = scale + b.s - a.s;
  const n = shift >= 0 ? a.m * pow10(shift) : a.m;
  const d = shift >= 0 ? b.m : b.m * pow10(-shift);
  return { m: divRound(n, d, rounding), s: scale };
}

/** Rounds `a` to `scale` decimal places. */
export function round(a: Dec, scale: number, rounding: Rounding = 'half-up'): Dec {
  if (a.s <= scale) return { m: rescale(a, scale), s: scale };
  return { m: divRound(a.m, pow10(a.s - scale), rounding), s: scale };
}

/** Plain decimal text without exponent; `digits` fixes the number of fraction digits. */
export function format(a: Dec, digits?: number): string {
  const x = digits === undefined ? trim(a) : round(a, digits);
  const negative = x.m < 0n;
  const body = (negative ? -x.m : x.m).toString().padStart(x.s + 1, '0');
  const whole = body.slice(0, body.length - x.s);
  const fraction = x.s > 0 ? '.' + body.slice(body.length - x.s) : '';
  return (negative ? '-' : '') + whole + fraction;
}

/** Drops trailing fraction zeros (1.500 → 1.5). */
export function trim(a: Dec): Dec {
  let { m, s } = a;
  while (s > 0 && m % 10n === 0n) {
    m /= 10n;
    s -= 1;
  }
  return { m, s };
}

/** The nearest float; only for display and statistics, never for a risk decision. */
export function toNumber(a: Dec): number {
  return Number(format(a));
}

/** Whether `a` is an exact multiple of `step` (step > 0). */
export function isMultipleOf(a: Dec, step: Dec): boolean {
  const s = Math.max(a.s, step.s);
  return rescale(a, s) % rescale(step, s) === 0n;
}

/**
 * A price in integer ticks: `price / tickSize`.
 * @throws ValidationError (`price-off-tick`) when the price is not on the tick grid.
 */
export function toTicks(price: Dec, tickSize: Dec): bigint {
  const s = Math.max(price.s, tickSize.s);
  const p = rescale(price, s);
  const t = rescale(tickSize, s);
  if (p % t !== 0n) {
    throw new ValidationError(
      'price-off-tick',
      `price ${format(price)} is not a multiple of the tick size ${format(tickSize)}`,
      {
        details: { price: format(price), tickSize: format(tickSize) },
      },
    );
  }
  return p / t;
}

/** Rounds a price onto the tick grid (e.g. a stop for a long rounds up, toward safety). */
export function roundToTick(price: Dec, tickSize: Dec, rounding: Rounding): Dec {
  const s = Math.max(price.s, tickSize.s);
  const ticks = divRound(rescale(price, s), rescale(tickSize, s), rounding);
  return { m: ticks * tickSize.m, s: tickSize.s };
}

/** Ticks back to a price. */
export function fromTicks(ticks: bigint, tickSize: Dec): Dec {
  return { m: ticks * tickSize.m, s: tickSize.s };
}

/** The larger of two decimals. */
export function max(a: Dec, b: Dec): Dec {
  return cmp(a, b) >= 0 ? a : b;
}

/** The smaller of two decimals. */
export function min(a: Dec, b: Dec): Dec {
  return cmp(a, b) <= 0 ? a : b;
}

/** Zero. */
export const ZERO: Dec = { m: 0n, s: 0 };
