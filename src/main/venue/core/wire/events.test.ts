import { describe, expect, it } from 'vitest';
import type { VenueEvent, WalletBalanceEvent } from './events.ts';
import { createTestVenue } from '../testing.ts';

const XBT = 'XBTUSDTM';

function topicsBySubject(events: readonly VenueEvent[]): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const event of events) {
    const topics = map.get(event.subject) ?? new Set<string>();
    topics.add(event.topic);
    map.set(event.subject, topics);
  }
  return map;
}

describe('WS events carry KuCoin’s topics, subjects and data shapes (docs/reference/kucoin-futures.md#ws-public-topics, #ws-private-topics)', () => {
  it('publishes every public and private topic a trading session touches', () => {
    const venue = createTestVenue();
    const x = venue.exchange;
    x.openAccount('u1', '10000');
    x.setCrossLeverage('u1', { symbol: 'ETHUSDTM', leverage: '8' });
    x.placeOrder('u1', { clientOid: 'm', side: 'buy', symbol: XBT, leverage: 5, type: 'market', size: 3 });
    x.placeOrder('u1', {
      clientOid: 's',
      side: 'sell',
      symbol: XBT,
      leverage: 5,
      type: 'market',
      size: 1,
      reduceOnly: true,
      stop: 'down',
      stopPrice: '80000',
      stopPriceType: 'MP',
    });
    venue.clock.advance(61_000);
    x.advanceTo(venue.clock.now());
    const seen = topicsBySubject(venue.events);
    expect(seen.get('tickerV2')).toContain(`/contractMarket/tickerV2:${XBT}`);
    expect(seen.get('ticker')).toContain(`/contractMarket/ticker:${XBT}`);
    expect(seen.get('level2')).toContain(`/contractMarket/level2:${XBT}`);
    expect(seen.get('match')).toContain(`/contractMarket/execution:${XBT}`);
    expect(seen.get('candle.stick')).toContain(`/contractMarket/limitCandle:${XBT}_1min`);
    expect(seen.get('candle.stick')).toContain(`/contractMarket/limitCandle:${XBT}_1week`);
    expect(seen.get('mark.index.price')).toContain(`/contract/instrument:${XBT}`);
    expect(seen.get('funding.rate')).toContain(`/contract/instrument:${XBT}`);
    expect(seen.get('snapshot.24h')).toContain(`/contractMarket/snapshot:${XBT}`);
    expect(seen.get('symbolOrderChange')).toContain(`/contractMarket/tradeOrders:${XBT}`);
    expect(seen.get('stopOrder')).toContain('/contractMarket/advancedOrders');
    expect(seen.get('position.change')).toContain(`/contract/position:${XBT}`);
    expect(seen.get('walletBalance.change')).toContain('/contractAccount/wallet');
    expect(seen.get('user.config')).toContain('/contract/crossLeverage');
    for (const event of venue.events) {
      const isPrivate = [
        'symbolOrderChange',
        'stopOrder',
        'position.change',
        'position.settlement',
        'walletBalance.change',
        'user.config',
      ].includes(event.subject);
      expect('userId' in event && event.userId === 'u1').toBe(isPrivate);
    }
  });

  it('wallet messages are all strings, order changes carry string sizes, candles are [sec, o, c, h, l, v, turnover]', () => {
    const venue = createTestVenue();
    venue.exchange.openAccount('u1', '10000');
    venue.exchange.placeOrder('u1', {
      clientOid: 'm',
      side: 'buy',
      symbol: XBT,
      leverage: 5,
      type: 'market',
      size: 3,
    });
    venue.move(XBT, { mark: '86400', index: '86400', last: '86400' });
    const wallet = venue.events
      .filter((event): event is WalletBalanceEvent => event.subject === 'walletBalance.change')
      .at(-1);
    expect(wallet).toBeDefined();
    for (const value of Object.values(wallet?.data ?? {})) expect(typeof value).toBe('string');
    expect(wallet?.data.walletBalance).toBe('9999.84454462');
    const change = venue.events.find((event) => event.subject === 'symbolOrderChange');
    expect(change?.data).toMatchObject({
      size: '3',
      filledSize: '3',
      remainSize: '0',
      matchSize: '3',
      type: 'match',
      status: 'match',
      liquidity: 'taker',
      matchPrice: '86364.1',
    });
    const candle = venue.events.find(
      (event) => event.subject === 'candle.stick' && event.topic.endsWith('_1min'),
    );
    expect(candle?.data).toMatchObject({ symbol: XBT });
    const row = candle?.subject === 'candle.stick' ? candle.data.candles : [];
    expect(row).toHaveLength(7);
    expect((Number(row[0]) * 1000) % 60_000).toBe(0);
  });

  it('mark moves push the partial position.change KuCoin sends for mark updates', () => {
    const venue = createTestVenue();
    venue.exchange.openAccount('u1', '10000');
    venue.exchange.placeOrder('u1', {
      clientOid: 'm',
      side: 'buy',
      symbol: XBT,
      leverage: 5,
      type: 'market',
      size: 10,
    });
    venue.move(XBT, { mark: '86464.1' });
    const partial = venue.events
      .filter((event) => event.subject === 'position.change' && !('changeReason' in event.data))
      .at(-1);
    expect(partial?.data).toMatchObject({ markPrice: 86464.1, unrealisedPnl: 1, settleCurrency: 'USDT' });
  });
});
