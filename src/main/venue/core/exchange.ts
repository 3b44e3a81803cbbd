import type { VenueExchange, VenueExchangeOptions } from './exchange-api.ts';

/** Builds a venue exchange. */
export function createVenueExchange(_options: VenueExchangeOptions): VenueExchange {
  throw new Error('venue exchange core: implementation lands in the next commits');
}
