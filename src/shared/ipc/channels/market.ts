import { z } from 'zod';
import type { ChannelMap, EventMap } from '../define.ts';

/** Chart timeframes the renderer may ask for. */
export const timeframeSchema = z.enum(['1m', '5m', '15m', '30m', '1h', '2h', '4h', '8h', '12h', '1d', '1w']);

/** A contract as the renderer needs it: sizes in lots, prices as decimal strings. */
export const contractSummarySchema = z.object({
  symbol: z.string(),
  baseCurrency: z.string(),
  quoteCurrency: z.string(),
  settleCurrency: z.string(),
  status: z.string(),
  tickSize: z.string(),
  lotSize: z.string(),
  multiplier: z.string(),
  maxLeverage: z.number(),
  maxOrderQty: z.number(),
  makerFeeRate: z.string(),
  takerFeeRate: z.string(),
  markPrice: z.string().optional(),
});
export type ContractSummary = z.infer<typeof contractSummarySchema>;

/** One OHLCV bar; `openTimeMs` is the bar's start (epoch ms). */
export const candleSchema = z.object({
  openTimeMs: z.number().int(),
  open: z.number(),
  high: z.number(),
  low: z.number(),
  close: z.number(),
  volume: z.number(),
});
export type Candle = z.infer<typeof candleSchema>;

/**
 * Best bid/ask, last traded price, mark and index of one contract. Each field comes from the
 * stream that carries it (ADR 0341): tickerV2 → best bid/ask, the match stream → `price`, the
 * instrument stream → `markPrice`/`indexPrice`. A field not yet known is absent, never guessed.
 */
export const tickerSchema = z.object({
  symbol: z.string(),
  /** Last traded price (decimal string). */
  price: z.string().optional(),
  /** Mark price: what stops trigger on and liquidation is computed from. */
  markPrice: z.string().optional(),
  indexPrice: z.string().optional(),
  bestBidPrice: z.string(),
  bestBidSize: z.number(),
  bestAskPrice: z.string(),
  bestAskSize: z.number(),
  /** Exchange timestamp of the quote, epoch ms. */
  atMs: z.number(),
});
export type Ticker = z.infer<typeof tickerSchema>;

/**
 * 24 h figures and funding of one contract, for the terminal's market strip. Percentages are
 * whole percent (1.23 = +1.23 %); an absent field is one the exchange did not send.
 */
export const contractStatsSchema = z.object({
  symbol: z.string(),
  markPrice: z.string().optional(),
  indexPrice: z.string().optional(),
  changePct24h: z.number().optional(),
  high24h: z.string().optional(),
  low24h: z.string().optional(),
  /** Lots traded over 24 h. */
  volume24h: z.string().optional(),
  /** The funding rate of the current period, in percent. */
  fundingRatePct: z.number().optional(),
  /** When the current funding period settles (epoch ms). */
  nextFundingAtMs: z.number().optional(),
  /** When main received the answer (epoch ms): how fresh the figures are. */
  receivedAtMs: z.number(),
});
export type ContractStats = z.infer<typeof contractStatsSchema>;

/** Usage of one KuCoin rate-limit pool (docs/reference/kucoin-futures.md#rate-limits). */
export const poolUsageSchema = z.object({
  pool: z.string(),
  limit: z.number(),
  used: z.number(),
  remaining: z.number(),
  queued: z.number(),
  inFlightWeight: z.number(),
  resetInMs: z.number(),
  pausedForMs: z.number(),
});

/** What the health panel shows about the exchange connection. */
export const exchangeHealthSchema = z.object({
  /** The futures API host's breaker (order traffic). */
  breaker: z.enum(['closed', 'open', 'half-open']),
  /** The general host's breaker (API-key info); optional so older payloads still parse. */
  generalBreaker: z.enum(['closed', 'open', 'half-open']).optional(),
  limiter: z.array(poolUsageSchema),
  clock: z.object({
    state: z.enum(['unsynced', 'healthy', 'uncertain']),
    offsetMs: z.number(),
    rttMs: z.number(),
    uncertaintyMs: z.number(),
    maxUncertaintyMs: z.number(),
    lastSyncAt: z.number().optional(),
  }),
  streams: z.object({
    public: z.enum(['idle', 'connecting', 'open', 'reconnecting', 'auth-failed', 'stopped']),
    /** `auth-failed`: the key was refused for the private token; no retry until a restart (ADR 0221). */
    private: z.enum(['idle', 'connecting', 'open', 'reconnecting', 'auth-failed', 'stopped', 'absent']),
  }),
});
export type ExchangeHealth = z.infer<typeof exchangeHealthSchema>;

export const marketChannels = {
  'market:list-contracts': { request: z.undefined(), response: z.array(contractSummarySchema) },
  /**
   * Bars of one symbol and timeframe, oldest first: the newest `limit`, or with `endMs` the newest
   * `limit` that open before `endMs` (the next page into the past; empty at the start of history).
   */
  'market:get-candles': {
    request: z.object({
      symbol: z.string().min(1),
      timeframe: timeframeSchema,
      limit: z.number().int().min(1).max(5_000).default(500),
      /** Epoch ms: only bars opening strictly before it. */
      endMs: z.number().int().positive().optional(),
    }),
    response: z.array(candleSchema),
  },
  'market:get-ticker': { request: z.object({ symbol: z.string().min(1) }), response: tickerSchema },
  'market:get-contract-stats': {
    request: z.object({ symbol: z.string().min(1) }),
    response: contractStatsSchema,
  },
  'exchange:get-health': { request: z.undefined(), response: exchangeHealthSchema },
} as const satisfies ChannelMap;

export const marketEvents = {
  'market:ticker-updated': tickerSchema,
  'market:candle-updated': z.object({ symbol: z.string(), timeframe: timeframeSchema, candle: candleSchema }),
  'exchange:health-changed': exchangeHealthSchema,
} as const satisfies EventMap;

/** One price level of the order book: the price as a decimal string and the resting size in lots. */
export const bookLevelSchema = z.object({
  price: z.string(),
  sizeLots: z.number().int().nonnegative(),
});
export type BookPriceLevel = z.infer<typeof bookLevelSchema>;

/**
 * The order book of the watched symbol as main keeps it from the level-2 stream (ADR 0530): asks
 * best (lowest) first, bids best (highest) first, at most `exchange.market.bookDepthLevels` each.
 * `stale` is true while the public stream is down; `staleSinceMs` (epoch ms) says since when.
 */
export const bookSnapshotSchema = z.object({
  symbol: z.string(),
  asks: z.array(bookLevelSchema),
  bids: z.array(bookLevelSchema),
  /** The level-2 sequence the snapshot reflects. */
  sequence: z.number().int(),
  stale: z.boolean(),
  staleSinceMs: z.number().int().optional(),
  /** When main took this snapshot, epoch ms on its clock. */
  atMs: z.number().int(),
});
export type BookSnapshot = z.infer<typeof bookSnapshotSchema>;

/** One public trade of the watched symbol (`/contractMarket/execution`): `side` is the taker's. */
export const publicTradeSchema = z.object({
  tradeId: z.string(),
  price: z.string(),
  sizeLots: z.number().int().positive(),
  side: z.enum(['buy', 'sell']),
  /** Exchange time of the trade, epoch ms. */
  timeMs: z.number().int(),
});
export type PublicTrade = z.infer<typeof publicTradeSchema>;

/** The recent trades of the watched symbol, newest first, at most `exchange.market.recentTradesKept`. */
export const recentTradesSchema = z.object({
  symbol: z.string(),
  trades: z.array(publicTradeSchema),
});
export type RecentTrades = z.infer<typeof recentTradesSchema>;

/** What `market:watch-book` answers: the book and the trades tape as they are now. */
export const bookWatchSchema = z.object({
  book: bookSnapshotSchema,
  trades: z.array(publicTradeSchema),
});
export type BookWatch = z.infer<typeof bookWatchSchema>;

/**
 * The order book and recent trades (ADR 0530). One symbol is watched at a time: watching another
 * unsubscribes the previous one's book and trades.
 */
export const bookChannels = {
  /** Watches a symbol's book and trades (pushed as the two events below) and answers them as they are now. */
  'market:watch-book': {
    request: z.object({ symbol: z.string().min(1) }).strict(),
    response: bookWatchSchema,
  },
} as const satisfies ChannelMap;

/** Pushed at most every `exchange.market.bookPushIntervalMs` each (ADR 0530). */
export const bookEvents = {
  /** The watched symbol's book, coalesced: latest wins; also pushed when it turns stale or fresh. */
  'market:book-updated': bookSnapshotSchema,
  /** The watched symbol's recent trades (the whole tape, newest first) after new trades arrived. */
  'market:trades-updated': recentTradesSchema,
} as const satisfies EventMap;
