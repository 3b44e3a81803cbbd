import type { ContractStats, ExchangeHealth } from '../../shared/ipc/channels/market.ts';
import type { MarketService } from './market-service.ts';
import type { Timeframe } from './timeframes.ts';

/** What the market handlers read: the service plus the exchange health snapshot. */
export interface MarketHandlerDeps {
  readonly market: MarketService;
  readonly health: () => ExchangeHealth;
  /** The header's 24 h and funding figures of one contract, read from the exchange now. */
  readonly contractStats: (symbol: string) => Promise<ContractStats>;
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
    'market:get-contract-stats': async (request: { symbol: string }) => service.contractStats(request.symbol),
    'exchange:get-health': async () => Promise.resolve(service.health()),
  };
}
