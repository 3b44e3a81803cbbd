import { describe, expect, it } from 'vitest';
import { decodeRecord, encodeRecord } from './codec.ts';

describe('paper account codec', () => {
  it('brings bigints back exact wherever they sit, beyond 2^53 too', () => {
    const record = {
      qty: -3n,
      price: { m: 9_007_199_254_740_993n, s: 2 },
      legs: [{ lots: 1n }, 2, 'x', null],
      note: 'plain',
      flag: true,
    };
    expect(decodeRecord(encodeRecord(record))).toEqual(record);
  });

  it('leaves a record without bigints as JSON gives it', () => {
    const fill = { tradeId: '5', price: '90000.1', size: 1, fee: '0.54' };
    expect(decodeRecord(encodeRecord(fill))).toEqual(fill);
  });

  it('throws on text that is not JSON', () => {
    expect(() => decodeRecord('{"qty":')).toThrow(SyntaxError);
  });
});
