import { describe, expect, it } from 'vitest';
import { channelNamePattern, eventNamePattern } from '../define.ts';
import { orderTicketSchema, tradingChannels, tradingEvents } from './trading.ts';

const ticket = {
  symbol: 'XBTUSDTM',
  side: 'buy',
  type: 'limit',
  sizeLots: 3,
  price: '90000.1',
  leverage: 5,
  stopPrice: '89000',
};

describe('trading channels', () => {
  it('names follow the contract pattern', () => {
    for (const name of Object.keys(tradingChannels)) expect(name).toMatch(channelNamePattern);
    for (const name of Object.keys(tradingEvents)) expect(name).toMatch(eventNamePattern);
  });

  it('accepts a well-formed ticket and normalises string lots', () => {
    expect(orderTicketSchema.parse(ticket).sizeLots).toBe(3);
    expect(orderTicketSchema.parse({ ...ticket, sizeLots: '7' }).sizeLots).toBe(7);
  });

  it.each([
    ['inverse symbol', { symbol: 'XBTUSDM' }],
    ['lower-case symbol', { symbol: 'xbtusdtm' }],
    ['fractional lots', { sizeLots: 1.5 }],
    ['zero lots', { sizeLots: 0 }],
    ['negative lots string', { sizeLots: '-1' }],
    ['price with exponent', { price: '9e4' }],
    ['zero price', { price: '0.0' }],
    ['leverage 0', { leverage: 0 }],
    ['leverage 101', { leverage: 101 }],
    ['no stop', { stopPrice: undefined }],
    ['market with price', { type: 'market' }],
    ['unknown field', { reduceOnly: true }],
    ['take-profit with exponent', { takeProfitPrice: '9e4' }],
    ['take-profit as a number', { takeProfitPrice: 95000 }],
  ])('refuses %s', (_name, patch) => {
    expect(orderTicketSchema.safeParse({ ...ticket, ...patch }).success).toBe(false);
  });

  it('accepts the edges: leverage 1 and 100, a market order without price', () => {
    expect(orderTicketSchema.safeParse({ ...ticket, leverage: 1 }).success).toBe(true);
    expect(orderTicketSchema.safeParse({ ...ticket, leverage: 100 }).success).toBe(true);
    expect(orderTicketSchema.safeParse({ ...ticket, type: 'market', price: undefined }).success).toBe(true);
    expect(orderTicketSchema.parse({ ...ticket, takeProfitPrice: '95000.5' }).takeProfitPrice).toBe(
      '95000.5',
    );
  });

  it('set-take-profit takes a symbol and an optional price (absent: remove)', () => {
    const { request } = tradingChannels['trading:set-take-profit'];
    expect(request.parse({ symbol: 'XBTUSDTM', price: '95000' })).toEqual({
      symbol: 'XBTUSDTM',
      price: '95000',
    });
    expect(request.parse({ symbol: 'XBTUSDTM' })).toEqual({ symbol: 'XBTUSDTM' });
    expect(request.safeParse({ symbol: 'XBTUSDTM', price: '-1' }).success).toBe(false);
    expect(request.safeParse({ symbol: 'XBTUSDTM', stopPrice: '95000' }).success).toBe(false);
  });
});
