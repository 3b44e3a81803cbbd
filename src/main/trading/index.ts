/** The trading engine's public surface (ADR 0302). */
export { createTradingService, type TradingService, type TradingServiceOptions } from './service.ts';
export { createTradingHandlers, type TradingHandlers } from './handlers.ts';
export type {
  TradingClient,
  TradingClientEvent,
  TradingAlert,
  TradingRest,
  ClientHealthCondition,
} from './client-port.ts';
export type { TradingEvent } from './deps.ts';
export type { ReconciliationReport } from './reconcile/startup.ts';
export { assertOrderAllowed, evaluateOrder } from './risk/engine.ts';
