import { describe, expect, it } from 'vitest';
import { contractRules } from './contract-rules.ts';
import { xbtContract } from '../../test/fixtures.test-helper.ts';

const xbt = xbtContract;

describe('contractRules', () => {
  it('takes tick size, caps and fee data from the contract', () => {
    expect(contractRules(xbt)).toEqual({
      tickSize: '0.1',
      maxLeverage: 125,
      maxOrderQtyLots: 1_000_000,
      multiplier: '0.001',
      takerFeeRate: '0.0006',
    });
  });

  it('uses no rules from a contract with numbers it cannot read exactly', () => {
    expect(contractRules({ ...xbt, tickSize: '1e-1' })).toBeUndefined();
    expect(contractRules({ ...xbt, tickSize: '0' })).toBeUndefined();
    expect(contractRules(undefined)).toBeUndefined();
  });
});
