import { z } from 'zod';

/** A per-endpoint cap on top of the pool budget, e.g. KuCoin's legacy "place order 30 requests per 3 s" (docs/reference/kucoin-futures.md#legacy-rate-limits). */
export const endpointLimitSchema = z
  .object({
    /** HTTP method in upper case, e.g. `POST`. */
    method: z.string().min(1),
    /** Path template as in the weight table, e.g. `/api/v1/orders`. */
    path: z.string().startsWith('/'),
    maxRequests: z.number().int().positive(),
    perMs: z.number().int().positive(),
  })
  .strict();

/** REST transport tunables (ky over an undici keep-alive pool). */
const restSchema = z
  .object({
    httpPoolConnections: z.number().int().min(1).max(256).default(8),
    httpKeepAliveTimeoutMs: z.number().int().positive().default(30_000),
    /** How the adapter under ky sends on the Agent: `undici.request` (faster, ADR 0204) or undici's `fetch`. */
    httpClient: z.enum(['request', 'fetch']).default('request'),
    requestTimeoutMs: z.number().int().positive().default(10_000),
    orderRequestTimeoutMs: z.number().int().positive().default(8_000),
    getRetryMaxAttempts: z.number().int().min(0).max(10).default(3),
    getRetryInitialDelayMs: z.number().int().positive().default(200),
    getRetryMaxDelayMs: z.number().int().positive().default(5_000),
  })
  .strict();

/** Server-time sync tunables (docs/reference/kucoin-futures.md#server-time). */
const timeSyncSchema = z
  .object({
    samplesPerSync: z.number().int().min(1).max(15).default(5),
    resyncIntervalMs: z.number().int().positive().default(300_000),
    /** KuCoin refuses timestamps further than this from its clock (400002). */
    exchangeTimestampWindowMs: z.number().int().positive().default(5_000),
    /** Order entry is blocked while the offset uncertainty exceeds this share of the window. */
    maxUncertaintyShareOfWindow: z.number().positive().max(1).default(0.25),
    /** Assumed drift of the local clock between syncs, added to the uncertainty as time passes. */
    localClockDriftPpm: z.number().nonnegative().default(100),
  })
  .strict();

/** Rate-limit tunables (docs/reference/kucoin-futures.md#rate-limits): pool quotas per window, queue and reserve for protective requests. */
const rateLimitSchema = z
  .object({
    publicPoolWeight: z.number().int().positive().default(2_000),
    futuresPoolWeight: z.number().int().positive().default(2_000),
    managementPoolWeight: z.number().int().positive().default(2_000),
    poolWindowMs: z.number().int().positive().default(30_000),
    /** Share of each pool's quota only protective requests (cancels, stops, reduce-only) may spend. */
    protectiveReserveShare: z.number().min(0).max(0.5).default(0.1),
    /**
     * In the last share of a window the reserve is released to every lane: a protective request
     * would wait at most that long for the reset, and the quota is not left unused.
     */
    protectiveReserveReleaseShare: z.number().min(0).max(1).default(0.2),
    queueCapacity: z.number().int().positive().default(500),
    /**
     * Requests on the wire at once. Keep it at the HTTP pool size so waiting happens in our
     * priority queue, not in the HTTP pool's first-come queue where a cancel would wait behind orders.
     */
    maxConcurrentRequests: z.number().int().positive().default(8),
    /**
     * Of those, slots only the protective lane may take: hanging orders or reads hold their slot until
     * their timeout, and a cancel or stop must still get out (ADR 0223). Capped at maxConcurrentRequests − 1.
     */
    protectiveConcurrentSlots: z.number().int().nonnegative().default(2),
    /** Queue slots only the protective lane may take. */
    protectiveQueueSlots: z.number().int().nonnegative().default(50),
    /**
     * Longest a new (non-protective) order may wait in the queue; past it the order is rejected unsent
     * (`queue-deadline`) rather than sent late at a price the trader no longer sees. Protective
     * requests have no deadline (ADR 0234).
     */
    orderQueueDeadlineMs: z.number().int().positive().default(5_000),
    /** Extra wait after a window should have reset, covering the clock gap to the exchange. */
    windowResetGuardMs: z.number().int().nonnegative().default(100),
    /** A 429000 without quota headers means the exchange is overloaded: back off this long, doubling. */
    overloadBackoffInitialMs: z.number().int().positive().default(500),
    overloadBackoffMaxMs: z.number().int().positive().default(10_000),
    endpointLimits: z.array(endpointLimitSchema).default([]),
  })
  .strict();

/** Circuit-breaker tunables: consecutive "exchange unreachable" failures and the cool-down before a probe. */
const breakerSchema = z
  .object({
    breakerFailureThreshold: z.number().int().positive().default(5),
    breakerCooldownMs: z.number().int().positive().default(60_000),
  })
  .strict();

/** WebSocket tunables (docs/reference/kucoin-futures.md#websocket). The server's pingInterval/pingTimeout are capped by these. */
const wsSchema = z
  .object({
    wsWelcomeTimeoutMs: z.number().int().positive().default(10_000),
    wsPingIntervalMaxMs: z.number().int().positive().default(18_000),
    wsPongTimeoutMaxMs: z.number().int().positive().default(10_000),
    /** No message and no pong for this long = the stream is dead (silent death). */
    wsLivenessTimeoutMs: z.number().int().positive().default(40_000),
    wsReconnectInitialDelayMs: z.number().int().positive().default(500),
    wsReconnectMaxDelayMs: z.number().int().positive().default(30_000),
    wsSubscribeAckTimeoutMs: z.number().int().positive().default(10_000),
    /** Level-2 re-snapshot retries back off from this delay, doubling up to the max. */
    level2ResnapshotInitialDelayMs: z.number().int().positive().default(100),
    level2ResnapshotMaxDelayMs: z.number().int().positive().default(5_000),
    /** Reconnect before KuCoin's 24 h token/connection lifetime runs out. */
    wsMaxConnectionAgeMs: z
      .number()
      .int()
      .positive()
      .default(23 * 3_600_000),
  })
  .strict();

/** Market-data cache tunables. */
const marketSchema = z
  .object({
    contractsRefreshMs: z.number().int().positive().default(3_600_000),
    tickerTtlMs: z.number().int().nonnegative().default(1_000),
    positionsTtlMs: z.number().int().nonnegative().default(5_000),
    candleCacheMaxBars: z.number().int().positive().default(5_000),
    /** KuCoin returns at most this many kline rows per call (docs/reference/kucoin-futures.md#market-data). */
    klineMaxRowsPerRequest: z.number().int().positive().default(500),
    /** Shortest gap between two order-book (and two trades) pushes to the renderer: 100 ms = at most 10/s (ADR 0530). */
    bookPushIntervalMs: z.number().int().positive().default(100),
    /** Price levels per side in each order-book push (ADR 0530). */
    bookDepthLevels: z.number().int().positive().max(100).default(50),
    /** Public trades kept in main and pushed as the recent-trades tape (ADR 0530). */
    recentTradesKept: z.number().int().positive().max(500).default(50),
    /** How often the forming bar's volume is read again over REST (the candle push's volume is not usable). */
    formingVolumeRefreshMs: z.number().int().positive().default(10_000),
  })
  .strict();

/** Exchange tunables. Every number has its unit in its name and a default. */
export const exchangeConfigSchema = z
  .object({
    rest: restSchema.prefault({}),
    timeSync: timeSyncSchema.prefault({}),
    rateLimit: rateLimitSchema.prefault({}),
    breaker: breakerSchema.prefault({}),
    ws: wsSchema.prefault({}),
    market: marketSchema.prefault({}),
  })
  .strict();

/** The defaulted exchange section. */
export type ExchangeConfig = z.infer<typeof exchangeConfigSchema>;
/** What a caller (or a test) may override. */
export type ExchangeConfigInput = z.input<typeof exchangeConfigSchema>;
