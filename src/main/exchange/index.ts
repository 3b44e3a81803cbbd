/** The exchange client's public surface for the engine composition root. */
export { createExchangeClient } from './kucoin/client.ts';
export type { ExchangeClient, ExchangeClientOptions, ExchangeEndpoints } from './kucoin/client.ts';
export type { KucoinCredentials } from './kucoin/signer.ts';
export type { KucoinRestApi, RequestOptions } from './kucoin/rest-api.ts';
export type { Lane } from '../resilience/pools.ts';
export type { RestRequestCompleted } from './kucoin/rest-transport.ts';
export type {
  PlaceOrderRequest,
  PlaceOrderWithStopsRequest,
  FillsQuery,
  PageQuery,
} from './kucoin/endpoints/orders.ts';
export type { ClientMode } from './kucoin/endpoint-urls.ts';
export type { StreamEvent, StreamMessage, StreamStats } from './kucoin/ws/stream-types.ts';
export { KucoinStream } from './kucoin/ws/kucoin-stream.ts';
export { Level2Book } from './kucoin/ws/level2-book.ts';
export type { CircuitBreaker, BreakerState, BreakerStateChange } from '../resilience/circuit-breaker.ts';
export type { RateLimiter } from '../resilience/rate-limiter.ts';
export type { PoolUsage } from '../resilience/pool-budget.ts';
export type { TimeSync, ClockStatus, ClockHealthState } from '../time/time-sync.ts';
