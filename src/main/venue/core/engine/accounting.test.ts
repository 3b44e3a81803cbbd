import { describe, expect, it } from 'vitest';
import { creditBalance, newAccountRecord } from './accounting.ts';
import { d, text } from '../model/decimal.ts';
import type { AccountRecord } from '../model/state.ts';
import { createTestVenue } from '../testing.ts';

function account(balance: string): AccountRecord {
  return newAccountRecord('u', d(balance));
}

describe('balance floor and insurance cover', () => {
  it('a debit beyond the balance stops at zero and books the rest as insurance cover', () => {
    const user = account('10');
    expect(text(creditBalance(user, d('-12.5')))).toBe('2.5');
    expect(text(user.balance)).toBe('0');
    expect(text(user.ledger.insuranceCover)).toBe('2.5');
  });

  it('a credit is never covered, even below the floor', () => {
    const user = account('1');
    expect(text(creditBalance(user, d('2'), d('5')))).toBe('0');
    expect(text(user.balance)).toBe('3');
  });

  it('a cross debit stops at the isolated holdings', () => {
    const user = account('100');
    expect(text(creditBalance(user, d('-95'), d('20')))).toBe('15');
    expect(text(user.balance)).toBe('20');
  });
});

describe('a cross crash never eats the margin of isolated positions', () => {
  it('keeps the isolated ETH position backed after the cross XBT position is liquidated through its bankruptcy', () => {
    const venue = createTestVenue();
    const x = venue.exchange;
    x.openAccount('u1', '300');
    x.placeOrder('u1', {
      clientOid: 'eth',
      side: 'buy',
      symbol: 'ETHUSDTM',
      leverage: 10,
      type: 'market',
      size: 10,
    });
    const ethMargin = x.position('u1', 'ETHUSDTM').posMargin;
    x.setMarginMode('u1', { symbol: 'XBTUSDTM', marginMode: 'CROSS' });
    x.setCrossLeverage('u1', { symbol: 'XBTUSDTM', leverage: '50' });
    x.placeOrder('u1', {
      clientOid: 'xbt',
      side: 'buy',
      symbol: 'XBTUSDTM',
      leverage: 50,
      type: 'market',
      size: 100,
    });
    x.jumpPrice('XBTUSDTM', -30);
    expect(x.position('u1', 'XBTUSDTM').currentQty).toBe(0);
    expect(x.position('u1', 'ETHUSDTM').currentQty).toBe(10);
    const ledger = x.ledger('u1');
    expect(Number(ledger.insuranceCover)).toBeGreaterThan(0);
    expect(Number(ledger.balance)).toBeGreaterThanOrEqual(ethMargin);
    expect(x.accountOverview('u1', 'USDT').availableBalance).toBeGreaterThanOrEqual(0);
  });
});
