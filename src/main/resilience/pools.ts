/** KuCoin resource pools (docs/reference/kucoin-futures.md#rate-limits): Public is keyed by IP, the others by user id. */
export const ratePools = ['Public', 'Futures', 'Management', 'Spot'] as const;
/** A KuCoin resource pool. */
export type RatePool = (typeof ratePools)[number];

/** Pool and weight one call deducts (from the OpenAPI `x-api-rate-limit-*` fields). */
export interface EndpointWeight {
  readonly pool: RatePool;
  readonly weight: number;
}

/** Priority lanes, highest first: protective requests (cancels, stops, reduce-only closes) never wait behind others. */
export const lanes = ['protective', 'order', 'market'] as const;
/** A priority lane of the rate limiter. */
export type Lane = (typeof lanes)[number];
