/** Market data service and its IPC handlers, for the engine composition root. */
export { createMarketService } from './market-service.ts';
export type { MarketService, MarketServiceOptions, MarketStreamSource } from './market-service.ts';
export { createMarketHandlers } from './market-handlers.ts';
export type { MarketHandlerDeps } from './market-handlers.ts';
export { timeframes, timeframeMs } from './timeframes.ts';
export type { Timeframe } from './timeframes.ts';
