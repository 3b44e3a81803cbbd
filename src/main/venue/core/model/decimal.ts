/**
 * Exact decimal arithmetic for the venue, on the shared bigint decimal (src/shared/domain/decimal.ts,
 * ADR 0103: one implementation for the product). Balances, margins and fees are never floats;
 * floats appear only at the wire, where KuCoin itself sends JSON numbers.
 */
import type { Dec, Rounding } from '../../../../shared/domain/decimal.ts';
import {
  abs,
  add,
  cmp,
  dec,
  div,
  format,
  isDecimalString,
  max,
  min,
  mul,
  round,
  sub,
  trim,
  ZERO,
} from '../../../../shared/domain/decimal.ts';

export type { Dec, Rounding };
export { abs, add, cmp, dec, div, format, isDecimalString, max, min, mul, round, sub, trim, ZERO };

/** One. */
export const ONE: Dec = { m: 1n, s: 0 };

/** Scale used for intermediate quotients (rates, ratios) before rounding to wire precision. */
export const WORK_SCALE = 18;

/** a ÷ b at the working scale (half-up). */
export function quot(a: Dec, b: Dec, scale: number = WORK_SCALE): Dec {
  return div(a, b, scale, 'half-up');
}

/** −a. */
export function neg(a: Dec): Dec {
  return { m: -a.m, s: a.s };
}

/** Sign of a: −1, 0 or 1. */
export function sign(a: Dec): -1 | 0 | 1 {
  return a.m < 0n ? -1 : a.m > 0n ? 1 : 0;
}

/** Whether a is zero. */
export function isZero(a: Dec): boolean {
  return a.m === 0n;
}

/** Sum of many decimals. */
export function sum(values: readonly Dec[]): Dec {
  return values.reduce((total, value) => add(total, value), ZERO);
}

/** Decimal text without trailing zeros (what KuCoin puts in string fields). */
export function text(a: Dec): string {
  return format(trim(a));
}

/** Decimal text rounded to `digits` places, trailing zeros dropped. */
export function textAt(a: Dec, digits: number, rounding: Rounding = 'half-up'): string {
  return format(trim(round(a, digits, rounding)));
}

/** A JSON number for the wire (KuCoin sends many money fields as numbers). Rounded to `digits` first. */
export function wireNumber(a: Dec, digits = 10): number {
  return Number(format(trim(round(a, digits, 'half-up'))));
}

/** Integer value of a decimal that is known to be whole (lots). */
export function toBigInt(a: Dec): bigint {
  const r = round(a, 0, 'down');
  return r.m;
}

/** A bigint count (lots) as a decimal. */
export function fromBigInt(n: bigint): Dec {
  return { m: n, s: 0 };
}

/** Parses a decimal from a JS number or string the venue produced itself (known valid). */
export function d(value: string | number | bigint): Dec {
  return dec(value);
}
