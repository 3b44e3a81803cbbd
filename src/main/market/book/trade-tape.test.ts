import { describe, expect, it } from 'vitest';
import { TradeTape, tradeFromMatch } from './trade-tape.ts';

const match = (tradeId: string, ts: number, side: 'buy' | 'sell' = 'buy') => ({
  symbol: 'XBTUSDTM',
  sequence: 1,
  side,
  size: 3,
  price: '91234.5',
  takerOrderId: 't',
  makerOrderId: 'm',
  tradeId,
  ts,
});

describe('tradeFromMatch', () => {
  it('reads a KuCoin match push: price string, lots, taker side, time in ms from ns', () => {
    expect(tradeFromMatch(match('7', 1_700_000_000_123_000_000, 'sell'))).toEqual({
      symbol: 'XBTUSDTM',
      tradeId: '7',
      price: '91234.5',
      sizeLots: 3,
      side: 'sell',
      timeMs: 1_700_000_000_123,
    });
  });

  it('refuses a push without a side or with a fractional size', () => {
    expect(tradeFromMatch({ ...match('1', 1), side: undefined })).toBeUndefined();
    expect(tradeFromMatch({ ...match('1', 1), size: 1.5 })).toBeUndefined();
  });
});

describe('TradeTape', () => {
  it('keeps the last N trades newest first and a resent trade once', () => {
    const tape = new TradeTape(3);
    for (let i = 1; i <= 5; i += 1) {
      const trade = tradeFromMatch(match(String(i), i * 1_000));
      if (trade === undefined) throw new Error('fixture');
      expect(tape.add(trade)).toBe(true);
    }
    const again = tradeFromMatch(match('5', 5_000));
    if (again === undefined) throw new Error('fixture');
    expect(tape.add(again)).toBe(false);
    expect(tape.trades().map((trade) => trade.tradeId)).toEqual(['5', '4', '3']);
  });
});
