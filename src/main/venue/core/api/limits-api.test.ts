import { describe, expect, it } from 'vitest';
import type { PositionAdjustRiskLimitEvent } from '../wire/events.ts';
import { createTestVenue } from '../testing.ts';

const XBT = 'XBTUSDTM';

describe('fees, cross order limits, risk-limit level and batch margin mode (docs/reference/kucoin-futures.md#account, #risk-limits)', () => {
  it('trade fees are the contract’s rates as strings', () => {
    const venue = createTestVenue();
    venue.exchange.openAccount('u1', '1');
    expect(venue.exchange.tradeFees('u1', XBT)).toEqual({
      symbol: XBT,
      takerFeeRate: '0.0006',
      makerFeeRate: '0.0002',
    });
  });

  it('reproduces the SPEC-POS batchGetCrossOrderLimit sample at price 102012 (maxOpenSize 12102, mmr 0.00416136)', () => {
    const venue = createTestVenue();
    venue.exchange.openAccount('u1', '1');
    venue.move(XBT, { mark: '102012', index: '102012', last: '102012' });
    const [limit] = venue.exchange.batchCrossOrderLimit('u1', {
      symbol: XBT,
      totalMargin: '10000',
      leverage: '125',
    });
    expect(limit).toEqual({
      symbol: XBT,
      maxOpenSize: 12102,
      maxOpenValue: '1234549.2240000000',
      totalMargin: '10000',
      price: '102012',
      leverage: '125.00',
      mmr: '0.00416136',
      imr: '0.008',
      currency: 'USDT',
    });
  });

  it('a chosen risk-limit level sets the maintenance rate; a level too small for the position is refused on WS', () => {
    const venue = createTestVenue();
    venue.exchange.openAccount('u1', '10000');
    venue.exchange.placeOrder('u1', {
      clientOid: 'o',
      side: 'buy',
      symbol: XBT,
      leverage: 5,
      type: 'market',
      size: 1,
    });
    expect(venue.exchange.position('u1', XBT)).toMatchObject({ riskLimitLevel: 1, maintMarginReq: 0.004 });
    expect(venue.exchange.changeRiskLimitLevel('u1', { symbol: XBT, level: 2 })).toBe(true);
    expect(venue.exchange.position('u1', XBT)).toMatchObject({
      riskLimitLevel: 2,
      maintMarginReq: 0.005,
      riskLimit: 500000,
    });
    const adjust = venue.events.filter(
      (event): event is PositionAdjustRiskLimitEvent => event.subject === 'position.adjustRiskLimit',
    );
    expect(adjust.at(-1)?.data).toEqual({ success: true, riskLimitLevel: 2, msg: '' });
    expect(() => venue.exchange.changeRiskLimitLevel('u1', { symbol: XBT, level: 13 })).toThrow('level');
  });

  it('batch margin-mode change answers per symbol and refuses where a position exists', () => {
    const venue = createTestVenue();
    venue.exchange.openAccount('u1', '10000');
    venue.exchange.placeOrder('u1', {
      clientOid: 'o',
      side: 'buy',
      symbol: XBT,
      leverage: 5,
      type: 'market',
      size: 1,
    });
    expect(
      venue.exchange.batchChangeMarginMode('u1', { marginMode: 'CROSS', symbols: [XBT, 'ETHUSDTM'] }),
    ).toEqual({
      marginMode: { ETHUSDTM: 'CROSS', XBTUSDTM: 'ISOLATED' },
      errors: [{ code: '50002', msg: 'exist.order.or.position', symbol: XBT }],
    });
  });

  it('trade statistics sum the 24 h turnover', () => {
    const venue = createTestVenue();
    venue.exchange.openAccount('u1', '10000');
    const before = venue.exchange.tradeStatistics().turnoverOf24h;
    venue.exchange.placeOrder('u1', {
      clientOid: 'o',
      side: 'buy',
      symbol: XBT,
      leverage: 5,
      type: 'market',
      size: 10,
    });
    expect(venue.exchange.tradeStatistics().turnoverOf24h).toBeCloseTo(before + 863.641, 6);
  });

  it('the transaction history starts with the deposit and books each closed position’s PnL', () => {
    const venue = createTestVenue();
    venue.exchange.openAccount('u1', '10000');
    venue.exchange.placeOrder('u1', {
      clientOid: 'o',
      side: 'buy',
      symbol: XBT,
      leverage: 5,
      type: 'market',
      size: 10,
    });
    venue.exchange.placeOrder('u1', { clientOid: 'c', symbol: XBT, closeOrder: true, type: 'market' });
    const rows = venue.exchange.transactionHistory('u1', {}).dataList;
    expect(rows.map((row) => [row.type, row.remark])).toEqual([
      ['RealisedPNL', XBT],
      ['TransferIn', 'Paper venue starting balance'],
    ]);
    const ledger = venue.exchange.ledger('u1');
    expect(rows[0]?.amount).toBeCloseTo(Number(ledger.realisedGross) - Number(ledger.fees), 8);
    expect(rows[0]?.accountEquity).toBeCloseTo(Number(ledger.balance), 8);
    expect(venue.exchange.transactionHistory('u1', { type: 'TransferIn' }).dataList).toHaveLength(1);
    expect(
      venue.exchange
        .transactionHistory('u1', { offset: String(rows[0]?.offset) })
        .dataList.map((row) => row.type),
    ).toEqual(['TransferIn']);
  });
});
