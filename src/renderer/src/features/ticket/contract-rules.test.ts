import { describe, expect, it } from 'vitest';
import type { ContractSummary } from '../../../../shared/ipc/channels/market.ts';
import { contractRules } from './contract-rules.ts';

const xbt: ContractSummary = {
  symbol: 'XBTUSDTM',
  baseCurrency: 'XBT',
  quoteCurrency: 'USDT',
  settleCurrency: 'USDT',
  status: 'Open',
  tickSize: '0.1',
  lotSize: '1',
  multiplier: '0.001',
  maxLeverage: 125,
  maxOrderQty: 1_000_000,
  makerFeeRate: '0.0002',
  takerFeeRate: '0.0006',
};

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
