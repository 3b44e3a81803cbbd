import type { ExchangeHealth } from '../../shared/ipc/channels/market.ts';
import type { MarketService } from './market-service.ts';
import type { Timeframe } from './timeframes.ts';

/** What the market handlers read: the service plus the exchange health snapshot. */
export interface MarketHandlerDeps {
  readonly market: MarketService;
  readonly health: () => ExchangeHealth;
}

/**
 * IPC handlers for `src/shared/ipc/channels/market.ts`; requests arrive already validated by the
 * router. Failures throw TradingError subclasses.
 */
export function createMarketHandlers(service: MarketHandlerDeps) {
  return {
    'market:list-contracts': async () => service.market.listContracts(),
    'market:get-candles': async (request: {
      symbol: string;
      timeframe: Timeframe;
      limit: number;
      endMs?: number | undefined;
    }) =>
      request.endMs === undefined
        ? service.market.getCandles(request.symbol, request.timeframe, request.limit)
        : service.market.getCandlesBefore(request.symbol, request.timeframe, request.endMs, request.limit),
    'market:get-ticker': async (request: { symbol: string }) => service.market.getTicker(request.symbol),
    'exchange:get-health': async () => Promise.resolve(service.health()),
  };
}
