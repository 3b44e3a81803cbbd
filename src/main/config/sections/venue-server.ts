import { z } from 'zod';

/**
 * Tunables of the paper venue's KuCoin-compatible front door (REST, auth, rate limits, WebSocket).
 * Defaults are KuCoin's published numbers (reference §2, §5.1, §6.1, §6.6); tests shrink them.
 */
export const venueServerConfigSchema = z
  .object({
    /** §2: a signed request whose timestamp differs from venue time by more than this gets 400002. */
    authTimestampToleranceMs: z.number().int().positive().default(5_000),
    /**
     * §1.5 step 4: also accept a signature over the still-encoded query (SIEBLY-style clients).
     * KuCoin verifies the decoded query (JKorf#72), so the faithful default is false.
     */
    authAcceptEncodedQuery: z.boolean().default(false),
    /** §5.1: quota window of every resource pool, counted from the first request of the window. */
    rateLimitWindowMs: z.number().int().positive().default(30_000),
    /** §5.1: per-user Futures pool (VIP0). */
    futuresPoolWeight: z.number().int().positive().default(2_000),
    /** §5.1: Management pool (api-key info), per user. */
    managementPoolWeight: z.number().int().positive().default(2_000),
    /** §5.1: per-IP Public pool. */
    publicPoolWeight: z.number().int().positive().default(2_000),
    /** Weight charged for endpoints whose spec weight is unset (recentFills; ccxt charges 3 FW). */
    unsetEndpointWeight: z.number().int().positive().default(3),
    /** Largest request body accepted; larger bodies get 400100 (KuCoin's gateway refuses them too). */
    maxBodyBytes: z.number().int().positive().default(1_048_576),
    /** §6.1: lifetime of a bullet token. */
    wsTokenTtlMs: z.number().int().positive().default(86_400_000),
    /** §6.1: pingInterval advertised in the bullet answer. */
    wsPingIntervalMs: z.number().int().positive().default(18_000),
    /** §6.1: pingTimeout advertised in the bullet answer. */
    wsPingTimeoutMs: z.number().int().positive().default(10_000),
    /** §6.2: the venue closes a connection it has heard nothing from for this long. */
    wsIdleTimeoutMs: z.number().int().positive().default(60_000),
    /** §6.6: 509 beyond this many topics in one subscribe message. */
    wsMaxTopicsPerSubscribe: z.number().int().positive().default(100),
    /** §6.6: 509 beyond this many topics on one connection. */
    wsMaxTopicsPerSession: z.number().int().positive().default(300),
    /** §6.6: 509 beyond this many concurrent connections per user. */
    wsMaxSessionsPerUser: z.number().int().positive().default(50),
    /** §6.6: uplink messages a connection may send per 10 s before 509. */
    wsUplinkMessagesPer10s: z.number().int().positive().default(100),
    /** How often the venue moves the exchange core to the clock's time (funding, stops, candles). */
    coreTickIntervalMs: z.number().int().positive().default(100),
    /** How many recent requests the admin request log keeps (counters are never trimmed). */
    requestLogCapacity: z.number().int().positive().default(5_000),
  })
  .strict();

/** The venue server's defaulted settings. */
export type VenueServerConfig = z.infer<typeof venueServerConfigSchema>;
