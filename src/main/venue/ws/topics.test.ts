import { describe, expect, it } from 'vitest';
import { carriesMessageId, deliveryTopics, messageSn, parseTopic } from './topics.ts';

describe('WS topics (docs/reference/kucoin-futures.md#ws-public-topics, #ws-private-topics)', () => {
  it('expands comma-separated symbols into single topics', () => {
    expect(parseTopic('/contractMarket/tickerV2:XBTUSDTM,ETHUSDTM')).toEqual({
      access: 'public',
      topics: ['/contractMarket/tickerV2:XBTUSDTM', '/contractMarket/tickerV2:ETHUSDTM'],
    });
    expect(parseTopic('/contractMarket/limitCandle:XBTUSDTM_1hour')).toMatchObject({
      topics: ['/contractMarket/limitCandle:XBTUSDTM_1hour'],
    });
  });

  it('refuses with KuCoin codes', () => {
    expect(parseTopic(undefined)).toMatchObject({ code: 406 });
    expect(parseTopic('/futuresTrade/orders')).toMatchObject({ code: 404 });
    expect(parseTopic('/contractMarket/tickerV2')).toMatchObject({ code: 400 });
    expect(parseTopic('/contractMarket/tickerV2:A,,B')).toMatchObject({ code: 400 });
    expect(parseTopic('/contractMarket/limitCandle:XBTUSDTM_2min')).toMatchObject({ code: 400 });
    expect(parseTopic('/contractAccount/wallet:XBTUSDTM')).toMatchObject({ code: 404 });
  });

  it('marks private topics and allows the all-symbol forms', () => {
    expect(parseTopic('/contractMarket/tradeOrders')).toEqual({
      access: 'private',
      topics: ['/contractMarket/tradeOrders'],
    });
    expect(parseTopic('/contract/position:XBTUSDTM')).toMatchObject({ access: 'private' });
  });

  it('delivers per-symbol private events on the all-symbol topics too', () => {
    expect(deliveryTopics('/contractMarket/tradeOrders:XBTUSDTM', 'symbolOrderChange')).toEqual([
      { topic: '/contractMarket/tradeOrders:XBTUSDTM', subject: 'symbolOrderChange' },
      { topic: '/contractMarket/tradeOrders', subject: 'orderChange' },
    ]);
    expect(deliveryTopics('/contract/position:XBTUSDTM', 'position.change')[1]).toEqual({
      topic: '/contract/positionAll',
      subject: 'position.change',
    });
    expect(deliveryTopics('/contractMarket/tickerV2:XBTUSDTM', 'tickerV2')).toHaveLength(1);
  });

  it('serves level2Depth5 and level2Depth50 per symbol', () => {
    expect(parseTopic('/contractMarket/level2Depth5:XBTUSDTM,ETHUSDTM')).toEqual({
      access: 'public',
      topics: ['/contractMarket/level2Depth5:XBTUSDTM', '/contractMarket/level2Depth5:ETHUSDTM'],
    });
    expect(parseTopic('/contractMarket/level2Depth50:XBTUSDTM')).toMatchObject({ access: 'public' });
    expect(parseTopic('/contractMarket/level2Depth50')).toMatchObject({ code: 400 });
    expect(parseTopic('/contractMarket/level2Depth20:XBTUSDTM')).toMatchObject({ code: 404 });
  });

  it('sn is the sequence on level2 increments, tickers and executions, the timestamp on depth snapshots', () => {
    const depth = { bids: [], asks: [], sequence: 17, timestamp: 1731680019100, ts: 1731680019100 };
    expect(messageSn('/contractMarket/level2Depth5:XBTUSDTM', depth)).toBe(1731680019100);
    expect(messageSn('/contractMarket/level2Depth50:XBTUSDTM', depth)).toBe(1731680019100);
    expect(
      messageSn('/contractMarket/level2:XBTUSDTM', { sequence: 9, change: '1,buy,1', timestamp: 5 }),
    ).toBe(9);
    // KuCoin's tickerV2 schema lists sn as required; its example has sn = data.sequence.
    expect(messageSn('/contractMarket/tickerV2:XBTUSDTM', { sequence: 9 })).toBe(9);
    expect(messageSn('/contractMarket/ticker:XBTUSDTM', { sequence: 10 })).toBe(10);
    expect(messageSn('/contractMarket/execution:XBTUSDTM', { sequence: 11 })).toBe(11);
    expect(messageSn('/contract/instrument:XBTUSDTM', { sequence: 12 })).toBeUndefined();
  });

  it('wallet, advancedOrders and snapshot envelopes carry a message id; others do not', () => {
    expect(carriesMessageId('/contractAccount/wallet')).toBe(true);
    expect(carriesMessageId('/contractMarket/advancedOrders')).toBe(true);
    expect(carriesMessageId('/contractMarket/snapshot:XBTUSDTM')).toBe(true);
    expect(carriesMessageId('/contractMarket/tickerV2:XBTUSDTM')).toBe(false);
  });
});
