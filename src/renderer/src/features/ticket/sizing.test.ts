import { describe, expect, it } from 'vitest';
import { lossPerLotFromContract, lossPerLotFromPreview, lotsForNotional, sizeForRisk } from './sizing.ts';

describe('risk sizing', () => {
  it('loss per lot from the contract counts the price distance and both taker fees', () => {
    // XBTUSDTM: 0.001 BTC per lot; 1000 USDT distance → 1 USDT; fees (90000+89000)·0.001·0.0006 = 0.1074
    expect(
      lossPerLotFromContract({
        entryPrice: '90000',
        stopPrice: '89000',
        multiplier: '0.001',
        takerFeeRate: '0.0006',
      }),
    ).toBe('1.1074');
  });

  it('loss per lot from a preview divides its loss at stop by its size', () => {
    expect(lossPerLotFromPreview('11.074', 10)).toBe('1.1074');
  });

  it('rounds the size down so the loss stays within the risk', () => {
    const sizing = sizeForRisk('50', '1.1074');
    expect(sizing).toEqual({ ok: true, lots: 45, lossPerLot: '1.1074', lossAtStop: '49.833' });
  });

  it('says so when the risk does not cover one lot', () => {
    const sizing = sizeForRisk('1', '1.1074');
    expect(sizing.ok).toBe(false);
    expect(!sizing.ok && sizing.reason).toContain('1.1074');
  });

  it('refuses a zero distance and a missing risk amount', () => {
    expect(sizeForRisk('50', '0').ok).toBe(false);
    expect(sizeForRisk('', '1').ok).toBe(false);
    expect(sizeForRisk('abc', '1').ok).toBe(false);
  });
});

describe('size in USDT', () => {
  it('the most whole lots within the notional, at the given price', () => {
    expect(lotsForNotional('500', '0.001', '90000')).toEqual({ ok: true, lots: 5, notional: '450.00' });
    expect(lotsForNotional('539.99', '0.01', '1800')).toEqual({ ok: true, lots: 29, notional: '522.00' });
    expect(lotsForNotional('540', '0.01', '1800')).toEqual({ ok: true, lots: 30, notional: '540.00' });
  });
  it('says why there are no lots instead of guessing', () => {
    expect(lotsForNotional('50', '0.001', '90000')).toEqual({
      ok: false,
      reason: '50 USDT is less than one lot (90.00 USDT).',
    });
    expect(lotsForNotional('500', undefined, '90000')).toMatchObject({ ok: false });
    expect(lotsForNotional('500', '0.001', undefined)).toMatchObject({ ok: false });
    expect(lotsForNotional('abc', '0.001', '90000')).toMatchObject({ ok: false });
  });
});
