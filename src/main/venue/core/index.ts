/**
 * The paper venue's exchange core (ADR 0100): a deterministic, in-memory KuCoin Futures
 * exchange producing KuCoin wire-shaped data. The server in `venue/server` and `venue/ws`
 * is a thin layer over {@link VenueExchange}.
 *
 * API changes (newest first):
 * - (none yet; the shape below is the one agreed in the brief)
 */
export { createVenueExchange } from './exchange.ts';
export type { QueryParams, VenueExchange, VenueExchangeOptions } from './exchange-api.ts';
export { VenueError, venueErrors } from './errors.ts';
export type * from './wire-types.ts';
export type * from './events.ts';
export { candleTypes } from './events.ts';
export type { PriceFeed, PricePoint, FeedSymbol } from '../feeds/price-feed.ts';
export type { VenueClock, VenueClockOptions } from '../feeds/venue-clock.ts';
export { createVenueClock, createManualVenueClock } from '../feeds/venue-clock.ts';
