import type { ExchangeHealth } from '../../../shared/ipc/channels/market.ts';
import type { ExchangeConfig } from '../../config/sections/exchange.ts';
import { createMarketService, type MarketService } from '../../market/market-service.ts';
import type { Logger } from '../../observability/logger.ts';
import { createCircuitBreaker, type CircuitBreaker } from '../../resilience/circuit-breaker.ts';
import { createRateLimiter, type RateLimiter } from '../../resilience/rate-limiter.ts';
import type { Clock } from '../../time/clock.ts';
import { createTimeSync, type TimeSync } from '../../time/time-sync.ts';
import { checkExchangeUrl, type ClientMode } from './endpoint-urls.ts';
import { createHttpPool, type FetchLike } from './http-pool.ts';
import { createKucoinRestApi, type KucoinRestApi } from './rest-api.ts';
import {
  createRestTransport,
  type RestRequestCompleted,
  type RestTransport,
  type RestTransportOptions,
} from './rest-transport.ts';
import { createRequestSigner, type KucoinCredentials, type RequestSigner } from './signer.ts';
import { KucoinStream } from './ws/kucoin-stream.ts';
import { Level2Book } from './ws/level2-book.ts';

/** Base URLs: the futures API, and the general host for `GET /api/v1/user/api-key`. */
export interface ExchangeEndpoints {
  readonly futuresRestUrl: string;
  readonly generalRestUrl: string;
}

/** What the engine's composition root passes in. */
export interface ExchangeClientOptions {
  readonly config: ExchangeConfig;
  readonly endpoints: ExchangeEndpoints;
  /** Absent = market data only (no private REST, no private stream). */
  readonly credentials?: KucoinCredentials;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly mode: ClientMode;
  /** Replaces the last hop (undici on the Agent); the bench uses it to time the transport alone. */
  readonly fetchImpl?: FetchLike;
}

/** Everything the engine uses to talk to KuCoin (paper venue or live), paper and live alike. */
export interface ExchangeClient {
  /** One typed function per endpoint; order placement invalidates the positions cache. */
  readonly rest: KucoinRestApi;
  readonly timeSync: TimeSync;
  readonly limiter: RateLimiter;
  /** The futures API host's breaker: the one order traffic goes through (and trading watches). */
  readonly breaker: CircuitBreaker;
  /** The general host's breaker (`GET /api/v1/user/api-key`), separate so its outage never blocks orders (ADR 0220). */
  readonly generalBreaker: CircuitBreaker;
  readonly publicStream: KucoinStream;
  /** Undefined without credentials. */
  readonly privateStream: KucoinStream | undefined;
  readonly market: MarketService;
  /**
   * Rejects every order placement still waiting in the rate-limit queue that is not protective (not
   * reduce-only / close) at once, with RateLimitError `dropped-by-kill-switch` (`details.sent = false`,
   * the message carries `reason`); returns how many. Cancels, protective orders and reads keep their
   * place. An entry already granted is stopped by its `admit` hook instead (ADR 0234).
   */
  dropQueuedEntries(reason: string): number;
  /** A level-2 book for a symbol, kept from the public stream with REST re-snapshots. */
  openBook(symbol: string): Promise<Level2Book>;
  /** Breaker, limiter, clock and stream state for the health panel. */
  health(): ExchangeHealth;
  /**
   * Called with a fresh snapshot whenever the breaker or a stream changes state, and after each
   * clock sync (the engine publishes it as `exchange:health-changed`). Returns the unsubscribe function.
   */
  onHealthChanged(listener: (health: ExchangeHealth) => void): () => void;
  /**
   * Called after every REST request with its route, pool, weight, lane, duration, HTTP status and
   * outcome (for metrics). Listeners run synchronously on the request path: keep them cheap.
   * Returns the unsubscribe function.
   */
  onRequestCompleted(listener: (completed: RestRequestCompleted) => void): () => void;
  /** Syncs the clock, then opens the streams and the periodic jobs. */
  start(): Promise<void>;
  /** Stops every timer, stream, socket and in-flight request; nothing runs after it. */
  stop(): Promise<void>;
}

/** Both hosts' base URLs, checked for the mode (ConfigError when one is not allowed). */
function checkedBaseUrls(options: ExchangeClientOptions): { futures: string; general: string } {
  return {
    futures: checkExchangeUrl(
      'endpoints.futuresRestUrl',
      options.endpoints.futuresRestUrl,
      options.mode,
      'https:',
    ),
    general: checkExchangeUrl(
      'endpoints.generalRestUrl',
      options.endpoints.generalRestUrl,
      options.mode,
      'https:',
    ),
  };
}

/** The REST side: limiter, one breaker per host, the signed transport, the raw API and the clock sync over it. */
interface RestSide {
  readonly limiter: RateLimiter;
  readonly breaker: CircuitBreaker;
  readonly generalBreaker: CircuitBreaker;
  readonly signer: RequestSigner | undefined;
  readonly transport: RestTransport;
  readonly rawApi: KucoinRestApi;
  readonly timeSync: TimeSync;
  readonly requestListeners: Set<(completed: RestRequestCompleted) => void>;
}

function createRestSide(
  options: ExchangeClientOptions,
  baseUrls: RestTransportOptions['baseUrls'],
  logger: Logger,
): RestSide {
  const { config, clock } = options;
  const limiter = createRateLimiter({ config: config.rateLimit, clock, logger });
  // Same numbers, separate state per host (ADR 0220).
  const breaker = createCircuitBreaker({ config: config.breaker, clock, logger, name: 'futures' });
  const generalBreaker = createCircuitBreaker({ config: config.breaker, clock, logger, name: 'general' });
  const pool = createHttpPool(config.rest, options.fetchImpl);
  const timeRef: { sync: TimeSync | undefined } = { sync: undefined };
  const signer =
    options.credentials === undefined ? undefined : createRequestSigner({ ...options.credentials });
  const lazyTimeSync = lazyTime(timeRef);
  const requestListeners = new Set<(completed: RestRequestCompleted) => void>();
  const transport = createRestTransport({
    config: config.rest,
    baseUrls,
    pool,
    signer,
    limiter,
    breakers: { futures: breaker, general: generalBreaker },
    timeSync: lazyTimeSync,
    logger,
    requestListeners,
  });
  const rawApi = createKucoinRestApi(transport, config.rest.orderRequestTimeoutMs);
  const timeSync = createTimeSync({
    config: config.timeSync,
    clock,
    logger,
    fetchServerTime: (signal) => rawApi.getServerTime(signal),
  });
  timeRef.sync = timeSync;
  return { limiter, breaker, generalBreaker, signer, transport, rawApi, timeSync, requestListeners };
}

/** The public stream always; the private one only with a key to sign its token request. */
function createStreams(
  options: ExchangeClientOptions,
  logger: Logger,
  side: RestSide,
): { publicStream: KucoinStream; privateStream: KucoinStream | undefined } {
  const { rawApi } = side;
  const streamOptions = { config: options.config.ws, mode: options.mode, clock: options.clock, logger };
  const publicStream = new KucoinStream({
    ...streamOptions,
    kind: 'public',
    fetchToken: () => rawApi.getPublicWsToken(),
  });
  const privateStream =
    side.signer === undefined
      ? undefined
      : new KucoinStream({ ...streamOptions, kind: 'private', fetchToken: () => rawApi.getPrivateWsToken() });
  return { publicStream, privateStream };
}

/**
 * Builds the exchange client. Throws ConfigError when a URL is not https (or, in paper mode
 * only, plain http towards loopback).
 */
export function createExchangeClient(options: ExchangeClientOptions): ExchangeClient {
  const logger = options.logger.child({ component: 'exchange' });
  const { config, clock } = options;
  const side = createRestSide(options, checkedBaseUrls(options), logger);
  const { publicStream, privateStream } = createStreams(options, logger, side);
  const market = createMarketService({
    api: side.rawApi,
    publicStream,
    ...(privateStream === undefined ? {} : { privateStream }),
    config: config.market,
    clock,
    logger,
  });
  return assemble({
    rest: invalidatingOrders(side.rawApi, market),
    timeSync: side.timeSync,
    limiter: side.limiter,
    breaker: side.breaker,
    generalBreaker: side.generalBreaker,
    publicStream,
    privateStream,
    market,
    transportStop: () => side.transport.stop(),
    logger,
    level2RetryDelayMs: {
      initial: config.ws.level2ResnapshotInitialDelayMs,
      max: config.ws.level2ResnapshotMaxDelayMs,
    },
    requestListeners: side.requestListeners,
  });
}

/** The transport needs the time sync and the time sync needs the transport: resolve it at call time. */
function lazyTime(ref: { sync: TimeSync | undefined }): TimeSync {
  const get = (): TimeSync => {
    if (ref.sync === undefined) throw new Error('time sync used before it was built');
    return ref.sync;
  };
  return {
    serverNow: () => get().serverNow(),
    sync: () => get().sync(),
    status: () => get().status(),
    assertOrderEntryAllowed: () => {
      get().assertOrderEntryAllowed();
    },
    onStatus: (listener) => get().onStatus(listener),
    start: () => {
      get().start();
    },
    stop: () => {
      get().stop();
    },
  };
}

/** Our own orders change positions: drop the positions cache when one is placed or cancelled. */
function invalidatingOrders(api: KucoinRestApi, market: MarketService): KucoinRestApi {
  const after =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await fn(...args);
      } finally {
        market.invalidatePositions();
      }
    };
  return {
    ...api,
    placeOrder: after((request: Parameters<KucoinRestApi['placeOrder']>[0]) => api.placeOrder(request)),
    placeOrderWithStops: after((request: Parameters<KucoinRestApi['placeOrderWithStops']>[0]) =>
      api.placeOrderWithStops(request),
    ),
    cancelOrder: after((orderId: string) => api.cancelOrder(orderId)),
    cancelOrderByClientOid: after((clientOid: string, symbol: string) =>
      api.cancelOrderByClientOid(clientOid, symbol),
    ),
    cancelAllOrders: after((symbol: string) => api.cancelAllOrders(symbol)),
  };
}

interface Parts {
  readonly rest: KucoinRestApi;
  readonly timeSync: TimeSync;
  readonly limiter: RateLimiter;
  readonly breaker: CircuitBreaker;
  readonly generalBreaker: CircuitBreaker;
  readonly publicStream: KucoinStream;
  readonly privateStream: KucoinStream | undefined;
  readonly market: MarketService;
  readonly transportStop: () => Promise<void>;
  readonly logger: Logger;
  readonly level2RetryDelayMs: { readonly initial: number; readonly max: number };
  readonly requestListeners: Set<(completed: RestRequestCompleted) => void>;
}

/** Sends a fresh health snapshot to `listeners` whenever a breaker, a stream or the clock changes. */
function announceHealthChanges(parts: Parts, listeners: ReadonlySet<(health: ExchangeHealth) => void>): void {
  const announce = (): void => {
    if (listeners.size === 0) return;
    const snapshot = healthOf(parts);
    for (const listener of listeners) listener(snapshot);
  };
  parts.breaker.onStateChange(announce);
  parts.generalBreaker.onStateChange(announce);
  parts.publicStream.onEvent(announce);
  parts.privateStream?.onEvent(announce);
  parts.timeSync.onStatus(announce);
}

/** A started level-2 book for `symbol`, kept in `books` so stop() stops it. */
async function openLevel2Book(parts: Parts, books: Set<Level2Book>, symbol: string): Promise<Level2Book> {
  const book = new Level2Book(
    symbol,
    parts.publicStream,
    (s) => parts.rest.getLevel2Snapshot(s),
    parts.logger,
    parts.level2RetryDelayMs,
  );
  books.add(book);
  await book.start();
  return book;
}

function assemble(parts: Parts): ExchangeClient {
  const books = new Set<Level2Book>();
  const healthListeners = new Set<(health: ExchangeHealth) => void>();
  announceHealthChanges(parts, healthListeners);
  return {
    ...parts,
    dropQueuedEntries: (reason) => parts.limiter.dropQueuedEntries(reason),
    onHealthChanged(listener) {
      healthListeners.add(listener);
      return () => healthListeners.delete(listener);
    },
    onRequestCompleted(listener) {
      parts.requestListeners.add(listener);
      return () => parts.requestListeners.delete(listener);
    },
    openBook: (symbol) => openLevel2Book(parts, books, symbol),
    health: () => healthOf(parts),
    async start() {
      parts.timeSync.start();
      await parts.timeSync.sync().catch(() => undefined);
      parts.publicStream.start();
      parts.privateStream?.start();
      parts.market.start();
    },
    async stop() {
      for (const book of books) book.stop();
      parts.market.stop();
      parts.publicStream.stop();
      parts.privateStream?.stop();
      parts.timeSync.stop();
      parts.limiter.stop();
      await parts.transportStop();
      parts.logger.info('exchange-client-stopped');
    },
  };
}

function healthOf(parts: Parts): ExchangeHealth {
  const clock = parts.timeSync.status();
  return {
    breaker: parts.breaker.state(),
    generalBreaker: parts.generalBreaker.state(),
    limiter: parts.limiter.usage().map((usage) => ({ ...usage })),
    clock: {
      state: clock.state,
      offsetMs: clock.offsetMs,
      rttMs: clock.rttMs,
      uncertaintyMs: Number.isFinite(clock.uncertaintyMs) ? clock.uncertaintyMs : -1,
      maxUncertaintyMs: clock.maxUncertaintyMs,
      ...(clock.lastSyncAt === undefined ? {} : { lastSyncAt: clock.lastSyncAt }),
    },
    streams: {
      public: parts.publicStream.stats().state,
      private: parts.privateStream?.stats().state ?? 'absent',
    },
  };
}
