/**
 * The paper venue's exchange core (ADR 0100): a deterministic, in-memory KuCoin Futures
 * exchange producing KuCoin wire-shaped data. The server in `venue/server` and `venue/ws`
 * is a thin layer over {@link VenueExchange}.
 *
 * API changes (newest first):
 * - 09:00 added `orderTimeline(filter?)` (every order's accepted/triggered/cancelled/done instants
 *   and fills, venue time ms + venue-wide `seq`) and `withDuplicateClientOids(work)` (ADR 0140).
 * - 08:20 done orders and fills are pruned beyond `venue.orderHistoryRetentionMs` (7 d) and
 *   `venue.doneOrdersPerAccountMax` (10 000 per account), ADR 0130: a forgotten order answers
 *   404000 like an unknown one; open and parked orders are never dropped.
 * - 07:40 added `ledger(userId)` (venue-only accounting view), `hasAccount`, `setStatus`,
 *   `openOrderStatistics`, `fundingPayments`, `withdrawMargin`, `maxWithdrawMargin`, `close`.
 *   Request bodies and query strings are passed as received (`unknown` / `QueryParams`).
 * - 07:50 added `tradeStatistics`, `tradeFees`, `batchCrossOrderLimit`, `changeRiskLimitLevel`
 *   (+ event subject `position.adjustRiskLimit`), `batchChangeMarginMode`; snapshot.24h events.
 * - 08:00 added `transactionHistory` (GET /api/v1/transaction-history).
 * - 08:10 added `indexSeries`, `premiumSeries`, `interestSeries` (index/premium/interest query),
 *   `setAutoDeposit` (auto-deposit-status) and `/contractMarket/level2Depth5|50` events
 *   (subject `level2`, ≤ every 100 ms of venue time, `Level2DepthEvent`).
 */
export { createVenueExchange } from './exchange.ts';
export type { LedgerWire, QueryParams, VenueExchange, VenueExchangeOptions, VenuePersistence } from './exchange-api.ts';
export type { IndexPointWire, RatePointWire } from './index-api.ts';
export type { OrderTimelineEntryWire, OrderTimelineFilter, TimelineFillWire, TimelineInstantWire } from './order-timeline.ts';
export { VenueError, venueErrors } from './errors.ts';
export type * from './wire-types.ts';
export type * from './events.ts';
export { candleTypes } from './events.ts';
export type { PriceFeed, PricePoint, FeedSymbol } from '../feeds/price-feed.ts';
export type { UpstreamMarket, UpstreamBook, UpstreamLevel, UpstreamTrade, UpstreamFunding, UpstreamCandle } from './upstream.ts';
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
export { feedSymbols } from './contracts.ts';
export { createTestVenue, TEST_START_MS } from './testing.ts';
export type { TestVenue } from './testing.ts';
