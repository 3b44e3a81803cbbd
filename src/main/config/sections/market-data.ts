import { z } from 'zod';

/**
 * Where the paper venue's market comes from (ADR 0180), nested as `venue.marketData`:
 * `auto` mirrors KuCoin's live futures market when its public API answers and falls back to the
 * simulated market (saying why) when it does not; `live` insists on live data (the paper venue
 * does not start without it); `simulated` never reaches out.
 */
export const marketDataConfigSchema = z
  .object({
    source: z.enum(['auto', 'live', 'simulated']).default('auto'),
    /** KuCoin Futures public REST base the mirror reads (https; plain http only towards loopback). */
    upstreamRestUrl: z.url().default('https://api-futures.kucoin.com'),
    /** Contracts the paper venue lists from the upstream (each costs a book, a tape and tiers). */
    symbols: z
      .array(z.string().regex(/^[A-Z0-9]{2,30}$/))
      .min(1)
      .max(30)
      .default(['XBTUSDTM', 'ETHUSDTM', 'SOLUSDTM']),
    /** How long the start-up probe (the contract list) may take before the simulated market is used. */
    probeTimeoutMs: z.number().int().min(500).max(60_000).default(8_000),
    /** One-minute candle history loaded per contract at start (500 per request; ≤ 14 days). */
    historyMinutes: z.number().int().min(0).max(20_160).default(1_440),
    /** No upstream market data for this long (or the stream down) marks the venue's data stale. */
    staleAfterMs: z.number().int().min(500).max(600_000).default(5_000),
    /** How often the upstream funding schedule (rate, predicted rate, next time) is re-read. */
    fundingPollIntervalMs: z.number().int().min(1_000).max(3_600_000).default(60_000),
    /**
     * Price step of the paper venue while it mirrors live data (replaces `venue.priceStepMs`): how
     * soon an upstream tick reaches its book, stops and pushes. Marks are still pushed once a
     * second when unchanged, as KuCoin does.
     */
    priceStepMs: z.number().int().min(10).max(60_000).default(100),
    /** Most upstream prints buffered per contract between two price steps (older ones dropped). */
    tapeBufferPrints: z.number().int().min(10).max(1_000_000).default(10_000),
  })
  .strict();

/** The `venue.marketData` section with every default applied. */
export type MarketDataConfig = z.infer<typeof marketDataConfigSchema>;
