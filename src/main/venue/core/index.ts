/**
 * The paper venue's exchange core (ADR 0100): a deterministic, in-memory KuCoin Futures
 * exchange producing KuCoin wire-shaped data. The server in `venue/server` and `venue/ws`
 * is a thin layer over {@link VenueExchange}.
 */
export { createVenueExchange } from './exchange.ts';
export type {
  LedgerWire,
  QueryParams,
  VenueExchange,
  VenueExchangeOptions,
  VenuePersistence,
} from './exchange-api.ts';
export type { IndexPointWire, RatePointWire } from './api/index-api.ts';
export type {
  OrderTimelineEntryWire,
  OrderTimelineFilter,
  TimelineFillWire,
  TimelineInstantWire,
} from './api/order-timeline.ts';
export { VenueError, venueErrors } from './wire/errors.ts';
export type * from './wire/wire-types.ts';
export type * from './wire/events.ts';
export { candleTypes } from './wire/events.ts';
export type { PriceFeed, PricePoint, FeedSymbol } from '../feeds/price-feed.ts';
export type {
  UpstreamMarket,
  UpstreamBook,
  UpstreamLevel,
  UpstreamTrade,
  UpstreamFunding,
  UpstreamCandle,
} from './model/upstream.ts';
export type { VenueClock, VenueClockOptions } from '../feeds/venue-clock.ts';
export { createVenueClock, createManualVenueClock } from '../feeds/venue-clock.ts';
export { createRandomWalkFeed } from '../feeds/random-walk.ts';
export type { RandomWalkOptions } from '../feeds/random-walk.ts';
export { createReplayFeed, loadReplayFile, parseReplay } from '../feeds/replay-feed.ts';
export type { ReplayFeedOptions, ReplayRow } from '../feeds/replay-feed.ts';
export { createMirrorFeed } from '../feeds/mirror-feed.ts';
export type { MirrorFeed, MirrorFeedOptions } from '../feeds/mirror-feed.ts';
export { createManualPriceFeed } from '../feeds/manual-feed.ts';
export type { ManualPriceFeed } from '../feeds/manual-feed.ts';
export { feedSymbols } from './model/contracts.ts';
