import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.ts';
import {
  add,
  cmp,
  dec,
  div,
  format,
  fromTicks,
  isMultipleOf,
  mul,
  round,
  roundToTick,
  sub,
  toTicks,
} from './decimal.ts';

describe('decimal', () => {
  it('parses and formats without float error', () => {
    expect(format(add(dec('0.1'), dec('0.2')))).toBe('0.3');
    expect(format(mul(dec('90000.1'), dec('0.001')))).toBe('90.0001');
    expect(format(dec(1e-7))).toBe('0.0000001');
    expect(format(dec('-12.50'))).toBe('-12.5');
  });

  it('refuses text that is not a decimal', () => {
    expect(() => dec('1e5')).toThrow(ValidationError);
    expect(() => dec('abc')).toThrow(ValidationError);
  });

  it('divides with the asked rounding', () => {
    expect(format(div(dec('10'), dec('3'), 2, 'down'))).toBe('3.33');
    expect(format(div(dec('10'), dec('3'), 2, 'up'))).toBe('3.34');
    expect(format(div(dec('-10'), dec('3'), 2, 'down'))).toBe('-3.34');
  });

  it('converts prices to ticks exactly and refuses off-grid prices', () => {
    expect(toTicks(dec('90000.1'), dec('0.1'))).toBe(900001n);
    expect(() => toTicks(dec('90000.15'), dec('0.1'))).toThrow(/tick size/);
    expect(format(roundToTick(dec('90000.15'), dec('0.1'), 'up'))).toBe('90000.2');
    expect(format(roundToTick(dec('90000.15'), dec('0.1'), 'down'))).toBe('90000.1');
  });

  it('round-trips ticks for any price on the grid (property)', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10n ** 12n }),
        fc.constantFrom('0.1', '0.01', '1', '0.00001', '5'),
        (ticks, tick) => {
          const price = fromTicks(ticks, dec(tick));
          expect(toTicks(dec(format(price)), dec(tick))).toBe(ticks);
          expect(isMultipleOf(price, dec(tick))).toBe(true);
        },
      ),
    );
  });

  it('add/sub are inverse and cmp is consistent (property)', () => {
    const decArb = fc.tuple(
      fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
      fc.integer({ min: 0, max: 10 }),
    );
    fc.assert(
      fc.property(decArb, decArb, ([am, as], [bm, bs]) => {
        const a = { m: am, s: as };
        const b = { m: bm, s: bs };
        expect(cmp(sub(add(a, b), b), a)).toBe(0);
        // Antisymmetric: cmp(a, b) = −cmp(b, a); summed, so that 0 and −0 compare equal.
        expect(cmp(a, b) + cmp(b, a)).toBe(0);
      }),
    );
  });

  it('rounds negative amounts half-up from the floor: −0.0901 → −0.09, −0.095 → −0.09, −0.0951 → −0.10', () => {
    expect(format(dec('-0.0901'), 2)).toBe('-0.09');
    expect(format(dec('-0.095'), 2)).toBe('-0.09');
    expect(format(dec('-0.0951'), 2)).toBe('-0.10');
    expect(format(dec('-2.345'), 2)).toBe('-2.34');
    expect(format(dec('0.095'), 2)).toBe('0.10');
  });

  it('half-up rounding never moves a value by more than half a step (property)', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 0, max: 6 }),
        (m, s, digits) => {
          fc.pre(digits < s);
          const a = { m, s };
          const r = round(a, digits);
          // |a − r| ≤ ½·10^-digits, compared exactly in units of 10^-s.
          const diff = a.m - r.m * 10n ** BigInt(s - digits);
          const half = 5n * 10n ** BigInt(s - digits - 1);
          expect(diff < half && diff >= -half).toBe(true);
        },
      ),
    );
  });
});
