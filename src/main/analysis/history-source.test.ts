import { describe, expect, it } from 'vitest';
import type { Candle } from '../../shared/ipc/channels/market.ts';
import type { KlineQuery } from '../exchange/kucoin/endpoints/market.ts';
import type { MarketService } from '../market/market-service.ts';
import { analysisMarketFrom, holesIn } from './history-source.ts';

const barMs = 300_000;
const bar = (i: number, close = 100 + i): Candle => ({
  openTimeMs: i * barMs,
  open: close,
  high: close + 1,
  low: close - 1,
  close,
  volume: 1,
});
const row = (candle: Candle): number[] => [
  candle.openTimeMs,
  candle.open,
  candle.high,
  candle.low,
  candle.close,
  candle.volume,
];

describe('history source', () => {
  it('finds the holes between neighbouring bars', () => {
    expect(holesIn([bar(1), bar(2), bar(5), bar(6), bar(8)], barMs, 5)).toEqual([
      { fromMs: 3 * barMs, toMs: 4 * barMs },
      { fromMs: 7 * barMs, toMs: 7 * barMs },
    ]);
    expect(holesIn([bar(1), bar(3), bar(5)], barMs, 1)).toHaveLength(1);
  });

  it("fills the market service's holes and its missing newest bars from the exchange, and re-reads one closed bar", async () => {
    const exchange = Array.from({ length: 12 }, (_, i) => bar(i));
    const cached = [bar(0), bar(1), bar(2), bar(5), bar(6), bar(7)]; // a hole (3, 4), nothing after 7
    const queries: KlineQuery[] = [];
    const market = { getCandles: () => Promise.resolve(cached) } as unknown as MarketService;
    const rest = {
      getKlines: (query: KlineQuery) => {
        queries.push(query);
        return Promise.resolve(
          exchange
            .filter((c) => c.openTimeMs >= (query.fromMs ?? 0) && c.openTimeMs <= (query.toMs ?? Infinity))
            .map(row),
        );
      },
    };
    const source = analysisMarketFrom(market, rest);
    expect(await source.getCandles('XBTUSDTM', '5m', 10)).toEqual(exchange.slice(2));
    expect(queries).toEqual([
      { symbol: 'XBTUSDTM', granularityMin: 5, fromMs: 3 * barMs, toMs: 4 * barMs },
      { symbol: 'XBTUSDTM', granularityMin: 5, fromMs: 7 * barMs },
    ]);
    expect(await source.closedBar('XBTUSDTM', '5m', 5 * barMs)).toEqual(bar(5));
    expect(await source.closedBar('XBTUSDTM', '5m', 50 * barMs)).toBeUndefined();
  });
});
