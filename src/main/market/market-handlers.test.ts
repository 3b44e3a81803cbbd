import { describe, expect, it } from 'vitest';
import { channelNamePattern, eventNamePattern } from '../../shared/ipc/define.ts';
import { marketChannels, marketEvents, type ExchangeHealth } from '../../shared/ipc/channels/market.ts';
import { createMarketHandlers } from './market-handlers.ts';
import type { MarketService } from './market-service.ts';

const health: ExchangeHealth = {
  breaker: 'closed',
  limiter: [],
  clock: { state: 'healthy', offsetMs: 1, rttMs: 2, uncertaintyMs: 1, maxUncertaintyMs: 1_250 },
  streams: { public: 'open', private: 'absent' },
};

describe('market IPC', () => {
  it('names channels and events by the contract rules', () => {
    for (const name of Object.keys(marketChannels)) expect(name).toMatch(channelNamePattern);
    for (const name of Object.keys(marketEvents)) expect(name).toMatch(eventNamePattern);
  });

  it('has a handler for every channel, whose answers pass the response schemas', async () => {
    const candle = { openTimeMs: 60_000, open: 1, high: 2, low: 0.5, close: 1.5, volume: 3 };
    const market = {
      listContracts: () => Promise.resolve([]),
      getCandles: (symbol: string, timeframe: string, limit: number) =>
        Promise.resolve(symbol === 'XBTUSDTM' && timeframe === '1m' && limit === 2 ? [candle] : []),
      getCandlesBefore: (_symbol: string, _timeframe: string, endMs: number) =>
        Promise.resolve(endMs > candle.openTimeMs ? [candle] : []),
      getTicker: (symbol: string) =>
        Promise.resolve({
          symbol,
          bestBidPrice: '1',
          bestBidSize: 1,
          bestAskPrice: '2',
          bestAskSize: 1,
          atMs: 1,
        }),
    } as unknown as MarketService;
    const stats = { symbol: 'XBTUSDTM', fundingRatePct: 0.01, nextFundingAtMs: 2, receivedAtMs: 1 };
    const handlers = createMarketHandlers({
      market,
      health: () => health,
      contractStats: (symbol) => Promise.resolve({ ...stats, symbol }),
    });
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(marketChannels).sort());
    const request = marketChannels['market:get-candles'].request.parse({
      symbol: 'XBTUSDTM',
      timeframe: '1m',
      limit: 2,
    });
    expect(
      marketChannels['market:get-candles'].response.parse(await handlers['market:get-candles'](request)),
    ).toEqual([candle]);
    // With endMs the handler asks for the page before it, not the newest bars.
    const before = (endMs: number) =>
      handlers['market:get-candles'](
        marketChannels['market:get-candles'].request.parse({ symbol: 'XBTUSDTM', timeframe: '1m', endMs }),
      );
    expect(await before(120_000)).toEqual([candle]);
    expect(await before(60_000)).toEqual([]);
    expect(
      marketChannels['market:get-contract-stats'].response.parse(
        await handlers['market:get-contract-stats']({ symbol: 'ETHUSDTM' }),
      ),
    ).toEqual({ ...stats, symbol: 'ETHUSDTM' });
    expect(
      marketChannels['market:get-ticker'].response.parse(
        await handlers['market:get-ticker']({ symbol: 'ETHUSDTM' }),
      ),
    ).toMatchObject({ symbol: 'ETHUSDTM' });
    expect(
      marketChannels['exchange:get-health'].response.parse(await handlers['exchange:get-health']()),
    ).toEqual(health);
    expect(
      marketChannels['market:get-candles'].request.safeParse({ symbol: 'XBTUSDTM', timeframe: '3m' }).success,
    ).toBe(false);
  });
});
