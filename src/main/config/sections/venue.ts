import { z } from 'zod';

/**
 * Paper-venue tunables (the local KuCoin Futures exchange, ADR 0100). Every number has its unit
 * in its name and a default. Core fields drive matching, margin, liquidation and funding; server
 * fields (ports, tokens, rate limits) are read by the venue's HTTP/WS layer.
 */
export const venueConfigSchema = z
  .object({
    /** REST/WS port of the venue server; 0 = pick a free port. */
    restPort: z.number().int().min(0).max(65_535).default(0),
    /** USDT credited to each account the venue opens. Decimal string (money never travels as a float). */
    startingBalanceUsdt: z
      .string()
      .regex(/^\d+(\.\d+)?$/)
      .default('10000'),
    /** Seed of the random-walk price feed and of every other venue random choice. */
    priceSeed: z.number().int().default(42),
    /** Venue seconds per wall second (1 = real time; 60 = a venue minute per wall second). */
    timeScale: z.number().positive().max(100_000).default(1),
    /** Step of the venue's price process: marks, stops, liquidations are evaluated every step. */
    priceStepMs: z.number().int().min(10).max(60_000).default(1000),
    /**
     * Price levels of the synthetic book on each side (also under a mirror feed): 100 by default so
     * `GET /api/v1/level2/depth100` answers 100 levels as KuCoin does (ADR 0143); fewer levels make
     * every depth answer and push shorter, more cost more per price step.
     */
    bookDepthLevels: z.number().int().min(1).max(200).default(100),
    /** Distance of the best bid/ask from the last price, in ticks (the half-spread). */
    bookSpreadTicks: z.number().int().min(1).max(10_000).default(1),
    /** Ticks between two neighbouring synthetic levels. */
    bookLevelStepTicks: z.number().int().min(1).max(10_000).default(5),
    /** Lots resting at each synthetic level (the book refills every price step). */
    bookLevelSizeLots: z.number().int().min(1).max(10_000_000).default(500),
    /** Candle history the venue builds before it opens (so charts have bars at start); 0 = none. */
    historyWarmupMs: z.number().int().min(0).max(1_209_600_000).default(21_600_000),
    /**
     * Most price steps one catch-up processes; a longer gap (a sleeping laptop under a scaled clock)
     * skips ahead, settling the funding it skipped at current prices.
     */
    maxCatchUpSteps: z.number().int().min(100).max(10_000_000).default(86_400),
    /**
     * Longest time the app was closed that a restored paper account is settled over (funding,
     * stops, liquidations on the candles of that time); anything older is skipped, logged (ADR 0160).
     */
    maxRestoreGapMs: z.number().int().min(0).max(2_592_000_000).default(604_800_000),
    /** Funding settlement interval (KuCoin fundingRateGranularity, 8 h). */
    fundingIntervalMs: z.number().int().min(1000).default(28_800_000),
    /** Fee rate charged on the mark value of a liquidated position (docs/reference/kucoin-futures.md#isolated-margin, post-2025 model). */
    liquidationFeeRate: z.number().min(0).max(0.1).default(0.0006),
    /** Annualised volatility of the random walk (0.6 = 60 %/year, typical for BTC). */
    randomWalkAnnualVolatility: z.number().min(0).max(10).default(0.6),
    /** Probability per price step of a jump in the random walk. */
    randomWalkJumpProbability: z.number().min(0).max(1).default(0.0002),
    /** Size of a random-walk jump as a fraction of the price (sign random). */
    randomWalkJumpFraction: z.number().min(0).max(0.5).default(0.02),
    /** Mark price sits this fraction of the price away from the index (basis), for realism. */
    markBasisFraction: z.number().min(-0.01).max(0.01).default(0.00005),
    /** Trades kept per symbol for /trade/history and fills kept per user for recentFills. */
    historyLimit: z.number().int().min(10).max(100_000).default(1000),
    /**
     * How long done orders and fills stay queryable (venue time). KuCoin's recent* endpoints
     * answer 24 h (docs/reference/kucoin-futures.md#orders); the venue keeps a week so GET /orders?status=done reaches back further.
     * Below 24 h, recentDoneOrders/recentFills answer less than KuCoin would (tests only).
     */
    orderHistoryRetentionMs: z.number().int().min(60_000).default(604_800_000),
    /** Most done orders remembered per account (oldest dropped first); bounds memory in busy sessions. */
    doneOrdersPerAccountMax: z.number().int().min(1).max(10_000_000).default(10_000),
    /** Mirror feed: how often to poll the upstream venue. */
    mirrorPollIntervalMs: z.number().int().min(50).max(60_000).default(1000),
    /** Lifetime of a WS token (KuCoin: 24 h). */
    tokenTtlMs: z.number().int().min(1000).default(86_400_000),
    /** Futures (private) resource pool weight per window (VIP0, docs/reference/kucoin-futures.md#rate-limits). */
    futuresPoolWeightPer30s: z.number().int().min(1).default(2000),
    /** Public resource pool weight per window, keyed by IP (docs/reference/kucoin-futures.md#rate-limits). */
    publicPoolWeightPer30s: z.number().int().min(1).default(2000),
    /** Rate-limit window length (docs/reference/kucoin-futures.md#rate-limits: 30 s from the first request). */
    rateLimitWindowMs: z.number().int().min(100).default(30_000),
    /** Allowed |server − KC-API-TIMESTAMP| (docs/reference/kucoin-futures.md#server-time: 5 s). */
    timestampWindowMs: z.number().int().min(0).default(5000),
  })
  .strict();

/** The venue section with every default applied. */
export type VenueConfig = z.infer<typeof venueConfigSchema>;
