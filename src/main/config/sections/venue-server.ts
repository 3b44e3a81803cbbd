import { z } from 'zod';

/**
 * Tunables of the paper venue's KuCoin-compatible front door (REST, auth, rate limits, WebSocket)
 * that the shared `venue` section does not already hold (that one has the timestamp window, pool
 * sizes, rate-limit window and token lifetime). Defaults are KuCoin's published numbers
 * (docs/reference/kucoin-futures.md#server-time, #rate-limits, #ws-token, #ws-limits); tests shrink them. The composed
 * config nests it as `venue.server` (src/main/config/schema.ts).
 */
export const venueServerConfigSchema = z
  .object({
    /**
     * docs/reference/kucoin-futures.md#auth-errors step 4: also accept a signature over the still-encoded query (SIEBLY-style clients).
     * KuCoin verifies the decoded query (JKorf#72), so the faithful default is false.
     */
    authAcceptEncodedQuery: z.boolean().default(false),
    /** docs/reference/kucoin-futures.md#rate-limits: Management pool (api-key info), per user. */
    managementPoolWeight: z.number().int().positive().default(2_000),
    /** Weight charged for endpoints whose spec weight is unset (recentFills; ccxt charges 3 FW). */
    unsetEndpointWeight: z.number().int().positive().default(3),
    /**
     * How long an idle keep-alive connection stays open. Longer than common client pools keep
     * sockets (undici 4 s, Node's Agent unlimited) so a client rarely reuses a socket the venue just closed.
     */
    httpKeepAliveTimeoutMs: z.number().int().positive().default(65_000),
    /** Largest request body accepted; larger bodies get 400100 (KuCoin's gateway refuses them too). */
    maxBodyBytes: z.number().int().positive().default(1_048_576),
    /** docs/reference/kucoin-futures.md#ws-token: pingInterval advertised in the bullet answer. */
    wsPingIntervalMs: z.number().int().positive().default(18_000),
    /** docs/reference/kucoin-futures.md#ws-token: pingTimeout advertised in the bullet answer. */
    wsPingTimeoutMs: z.number().int().positive().default(10_000),
    /** How often the gateway looks for idle connections and expired tokens. */
    wsSweepIntervalMs: z.number().int().positive().default(1_000),
    /** docs/reference/kucoin-futures.md#ws-ping: the venue closes a connection it has heard nothing from for this long. */
    wsIdleTimeoutMs: z.number().int().positive().default(60_000),
    /** docs/reference/kucoin-futures.md#ws-limits: 509 beyond this many topics in one subscribe message. */
    wsMaxTopicsPerSubscribe: z.number().int().positive().default(100),
    /** docs/reference/kucoin-futures.md#ws-limits: 509 beyond this many topics on one connection. */
    wsMaxTopicsPerSession: z.number().int().positive().default(300),
    /** docs/reference/kucoin-futures.md#ws-limits: 509 beyond this many concurrent connections per user. */
    wsMaxSessionsPerUser: z.number().int().positive().default(50),
    /** docs/reference/kucoin-futures.md#ws-limits: new connections a user may open per minute (private tokens) before 509. */
    wsNewConnectionsPerUserPerMinute: z.number().int().positive().default(30),
    /** docs/reference/kucoin-futures.md#ws-limits: uplink messages a connection may send per 10 s before 509. */
    wsUplinkMessagesPer10s: z.number().int().positive().default(100),
    /** How often the venue moves the exchange core to the clock's time (funding, stops, candles). */
    coreTickIntervalMs: z.number().int().positive().default(100),
    /** How many recent requests the admin request log keeps (counters are never trimmed). */
    requestLogCapacity: z.number().int().positive().default(5_000),
  })
  .strict();

/** The front door's own defaulted settings. */
export type VenueServerOwnConfig = z.infer<typeof venueServerConfigSchema>;

/** What a user may override of them. */
export type VenueServerOverrides = z.input<typeof venueServerConfigSchema>;

/** Everything the front door reads: its own settings plus the shared venue fields, under one name each. */
export interface VenueServerConfig extends VenueServerOwnConfig {
  /** = venue.timestampWindowMs (docs/reference/kucoin-futures.md#server-time). */
  readonly authTimestampToleranceMs: number;
  /** = venue.rateLimitWindowMs (docs/reference/kucoin-futures.md#rate-limits). */
  readonly rateLimitWindowMs: number;
  /** = venue.futuresPoolWeightPer30s. */
  readonly futuresPoolWeight: number;
  /** = venue.publicPoolWeightPer30s. */
  readonly publicPoolWeight: number;
  /** = venue.tokenTtlMs (docs/reference/kucoin-futures.md#ws-token). */
  readonly wsTokenTtlMs: number;
}
