import { describe, expect, it } from 'vitest';
import { LiveTickers, liveTickerTopics } from './live-ticker.ts';

const top = {
  symbol: 'XBTUSDTM',
  bestBidPrice: '99.9',
  bestBidSize: 3,
  bestAskPrice: '100.1',
  bestAskSize: '4',
  ts: 1_700_000_000_000_000_000,
};

describe('the live ticker takes each field from the stream that carries it', () => {
  it('merges the book top, the last trade and the mark/index into one ticker', () => {
    const tickers = new LiveTickers();
    const [bookTopic = '', matchTopic = '', instrumentTopic = ''] = liveTickerTopics('XBTUSDTM');
    expect(
      tickers.apply(matchTopic, { symbol: 'XBTUSDTM', price: '100.0', ts: 1_700_000_000_500_000_000 }),
    ).toBeUndefined();
    const first = tickers.apply(bookTopic, top);
    expect(first).toMatchObject({
      price: '100.0',
      bestBidPrice: '99.9',
      bestAskSize: 4,
      atMs: 1_700_000_000_500,
    });
    const marked = tickers.apply(instrumentTopic, {
      markPrice: 100.05,
      indexPrice: 100.02,
      granularity: 1000,
      timestamp: 1_700_000_001_000,
    });
    expect(marked).toMatchObject({
      price: '100.0',
      markPrice: '100.05',
      indexPrice: '100.02',
      atMs: 1_700_000_001_000,
    });
    const traded = tickers.apply(matchTopic, {
      symbol: 'XBTUSDTM',
      price: '101.5',
      ts: 1_700_000_002_000_000_000,
    });
    expect(traded?.price).toBe('101.5');
    expect(traded?.markPrice).toBe('100.05');
  });

  it('ignores malformed pushes and never invents a missing field', () => {
    const tickers = new LiveTickers();
    const [bookTopic = '', matchTopic = ''] = liveTickerTopics('XBTUSDTM');
    expect(tickers.apply(bookTopic, { ...top, bestBidPrice: undefined })).toBeUndefined();
    const ticker = tickers.apply(bookTopic, top);
    expect(ticker?.price).toBeUndefined();
    expect(ticker?.markPrice).toBeUndefined();
    expect(tickers.apply(matchTopic, { symbol: 'XBTUSDTM', ts: 1 })).toBeUndefined();
    expect(tickers.get('XBTUSDTM')?.price).toBeUndefined();
  });

  it('a REST read seeds the ticker and an older push time never moves atMs back', () => {
    const tickers = new LiveTickers();
    tickers.seed({
      symbol: 'XBTUSDTM',
      price: '100',
      bestBidPrice: '99',
      bestBidSize: 1,
      bestAskPrice: '101',
      bestAskSize: 1,
      atMs: 5_000,
    });
    const [, matchTopic = ''] = liveTickerTopics('XBTUSDTM');
    const after = tickers.apply(matchTopic, { symbol: 'XBTUSDTM', price: '100.5', ts: 4_000 });
    expect(after).toMatchObject({ price: '100.5', atMs: 5_000 });
  });
});
