/**
 * The public API of the venue's exchange core (ADR 0100). The HTTP/WS server is a thin layer
 * over it: request bodies and query strings go in as received (`unknown` / string records, the
 * core validates them and throws {@link VenueError} with KuCoin's code), wire-shaped `data`
 * comes out, and {@link VenueEvent}s feed the WS topics.
 */
import type { VenueConfig } from '../../config/sections/venue.ts';
import type { Logger } from '../../observability/logger.ts';
import type { UpstreamMarket } from './model/upstream.ts';
import type { PriceFeed } from '../feeds/price-feed.ts';
import type { VenueClock } from '../feeds/venue-clock.ts';
import type { Venue } from './model/context.ts';
import type { VenueEventListener } from './wire/events.ts';
import type { IndexPointWire, QueryParams, RatePointWire } from './wire/wire-types.ts';
import type { OrderTimelineEntryWire, OrderTimelineFilter } from './api/order-timeline.ts';
import type {
  AccountOverviewWire,
  BatchMarginModeWire,
  CrossOrderLimitWire,
  TradeFeesWire,
  TransactionWire,
  BatchOrderResultWire,
  CancelledOrdersWire,
  ContractWire,
  CrossLeverageWire,
  FillWire,
  FundingHistoryItemWire,
  FundingRateCurrentWire,
  FundingRateHistoryWire,
  HasMoreWire,
  HistoryPositionWire,
  KlineWire,
  Level2SnapshotWire,
  MarginModeWire,
  MarkPriceWire,
  MaxOpenSizeWire,
  MultiCancelResultWire,
  OpenOrderStatisticsWire,
  OrderWire,
  PageWire,
  PlaceOrderResultWire,
  PositionWire,
  RiskLimitLevelWire,
  TickerWire,
  TradeHistoryWire,
  VenueStatusWire,
} from './wire/wire-types.ts';

export type { QueryParams } from './wire/wire-types.ts';

/** Exact decimal strings of an account's ledger. */
export interface LedgerWire {
  readonly balance: string;
  readonly deposits: string;
  readonly realisedGross: string;
  readonly fees: string;
  readonly funding: string;
  readonly insuranceCover: string;
}

/** What {@link createVenueExchange} needs. */
export interface VenueExchangeOptions {
  /** Seed of every random choice (price walk, ids). Same seed + same clock ⇒ same venue. */
  readonly seed: number;
  /** Venue time source; the core never reads the wall clock. */
  readonly clock: VenueClock;
  /** The `venue` config section. */
  readonly config: VenueConfig;
  readonly logger: Logger;
  /** Price source; defaults to the seeded random walk. */
  readonly priceFeed?: PriceFeed;
  /** Keeps the accounts across restarts (venue/persist, ADR 0160); absent = a fresh venue each start. */
  readonly persistence?: VenuePersistence;
  /**
   * A mirrored real market (ADR 0180): its contracts, book, tape, marks, funding and history
   * replace the synthetic market (and `priceFeed`).
   */
  readonly upstream?: UpstreamMarket;
}

/**
 * The hook a durable account store plugs into (ADR 0160). The core calls `historyFromMs` before it
 * builds candle history (so the history covers the time the venue was closed), `restore` once that
 * history is built up to `resumeAtMs`, and `commit` after every call and every tick, before the
 * answer leaves: what a client was told is on disk.
 */
export interface VenuePersistence {
  /** Venue time the saved state was last written at, or null when there is none. */
  savedAtMs(): number | null;
  /** Puts the saved accounts into `venue` and settles the time since they were saved up to `untilMs`. */
  restore(venue: Venue, untilMs: number): void;
  /** Writes whatever changed since the last commit. */
  commit(venue: Venue): void;
}

/**
 * A KuCoin Futures exchange in memory. Every method first brings the venue up to `clock.now()`
 * (prices, stops, liquidations, funding), then answers. Methods throw {@link VenueError} only;
 * a rejected request leaves state untouched.
 */
export interface VenueExchange {
  // ── accounts ──────────────────────────────────────────────────────────────
  /** Creates (or keeps) an account for `userId` holding `startingBalanceUsdt` USDT (decimal string). */
  openAccount(userId: string, startingBalanceUsdt: string): void;
  /**
   * Replaces `userId`'s account with a fresh one holding `startingBalanceUsdt` (Settings' "Reset
   * paper account", ADR 0160). Refused with 100001 while the account has a position or an open or
   * stop order: a reset never drops a position from under its stop.
   */
  resetAccount(userId: string, startingBalanceUsdt: string): void;
  /** Whether the user has an account. */
  hasAccount(userId: string): boolean;
  /**
   * Where the user's balance came from (venue-only, not a KuCoin endpoint; for drills and
   * invariants): balance = deposits + realisedGross − fees + funding + insuranceCover, exactly.
   */
  ledger(userId: string): LedgerWire;
  /**
   * Every remembered order's life at exact venue instants (venue-only, ADR 0140): accepted,
   * triggered, cancelled, done and each fill, ordered by a venue-wide sequence number.
   */
  orderTimeline(filter?: OrderTimelineFilter): OrderTimelineEntryWire[];
  /**
   * Runs `work` (synchronously) with duplicate clientOids accepted on order entry, then restores
   * KuCoin's documented 300018 refusal (fault drill `accept-duplicate-client-oid`, ADR 0140).
   */
  withDuplicateClientOids<T>(work: () => T): T;

  // ── public market data ───────────────────────────────────────────────────
  /** GET /api/v1/contracts/active. */
  contractsActive(): ContractWire[];
  /** GET /api/v1/contracts/{symbol}. @throws VenueError 100003 for an unknown symbol. */
  contract(symbol: string): ContractWire;
  /** GET /api/v1/ticker?symbol=. */
  ticker(symbol: string): TickerWire;
  /** GET /api/v1/allTickers. */
  allTickers(): TickerWire[];
  /** GET /api/v1/level2/snapshot?symbol= (full book). */
  level2Snapshot(symbol: string): Level2SnapshotWire;
  /** GET /api/v1/level2/depth{20|100}?symbol=. */
  depth(symbol: string, size: 20 | 100): Level2SnapshotWire;
  /** GET /api/v1/trade/history?symbol= (last 100 trades, newest first). */
  tradeHistory(symbol: string): TradeHistoryWire[];
  /** GET /api/v1/kline/query (granularity in minutes; ≤ 500 rows). @throws VenueError 100001 for an unsupported granularity. */
  klines(symbol: string, granularityMin: number, fromMs?: number, toMs?: number): KlineWire[];
  /** GET /api/v1/mark-price/{symbol}/current. */
  markPrice(symbol: string): MarkPriceWire;
  /** GET /api/v1/funding-rate/{symbol}/current. */
  fundingRateCurrent(symbol: string): FundingRateCurrentWire;
  /** GET /api/v1/contract/funding-rates?symbol=&from=&to= (newest first). */
  fundingHistory(symbol: string, fromMs: number, toMs: number): FundingRateHistoryWire[];
  /** GET /api/v1/contracts/risk-limit/{symbol}. */
  riskLimitLevels(symbol: string): RiskLimitLevelWire[];
  /** GET /api/v1/index/query (symbol = the contract's indexSymbol, e.g. .KXBTUSDT). */
  indexSeries(query: QueryParams): HasMoreWire<IndexPointWire>;
  /** GET /api/v1/premium/query (symbol .XBTUSDTMPI or .XBTUSDTMPI8H). */
  premiumSeries(query: QueryParams): HasMoreWire<RatePointWire>;
  /** GET /api/v1/interest/query (symbol .XBTINT8H, .XBTINT, .USDTINT8H, .USDTINT). */
  interestSeries(query: QueryParams): HasMoreWire<RatePointWire>;
  /** GET /api/v1/trade-statistics: 24 h turnover of all contracts (USDT). */
  tradeStatistics(): { turnoverOf24h: number };
  /** GET /api/v1/timestamp: venue time in ms. */
  serverTimeMs(): number;
  /** GET /api/v1/status. */
  status(): VenueStatusWire;
  /** Sets the venue status (fault drills): 'cancelonly' refuses new orders, 'close' refuses both. */
  setStatus(status: VenueStatusWire['status'], msg?: string): void;

  // ── private: account ─────────────────────────────────────────────────────
  /** GET /api/v1/account-overview?currency=. */
  accountOverview(userId: string, currency?: string): AccountOverviewWire;

  // ── private: orders ──────────────────────────────────────────────────────
  /** POST /api/v1/orders (body as received). Stop orders (`stop`) are parked until triggered. */
  placeOrder(userId: string, body: unknown): PlaceOrderResultWire;
  /** POST /api/v1/orders/test: full validation, nothing created. */
  testOrder(userId: string, body: unknown): PlaceOrderResultWire;
  /** POST /api/v1/orders/multi: ≤ 20 orders, per-item code/msg. @throws VenueError 100001 when the body is not an array of 1..20. */
  placeOrders(userId: string, body: unknown): BatchOrderResultWire[];
  /** POST /api/v1/st-orders: entry order plus TP/SL stop orders (triggerStopUpPrice / triggerStopDownPrice). */
  placeOrderWithStops(userId: string, body: unknown): PlaceOrderResultWire;
  /** DELETE /api/v1/orders/{orderId} (also cancels an untriggered stop order). @throws VenueError 100004. */
  cancelOrder(userId: string, orderId: string): CancelledOrdersWire;
  /** DELETE /api/v1/orders/client-order/{clientOid}?symbol=. @throws VenueError 100004. */
  cancelByClientOid(userId: string, clientOid: string, symbol: string): { clientOid: string };
  /** DELETE /api/v3/orders?symbol= and /api/v1/orders[?symbol=]: all open non-stop orders. */
  cancelAll(userId: string, symbol?: string): CancelledOrdersWire;
  /** DELETE /api/v1/orders/multi-cancel (body `{orderIdsList}` or `{clientOidsList:[{symbol,clientOid}]}`). */
  cancelMany(userId: string, body: unknown): MultiCancelResultWire[];
  /** DELETE /api/v1/stopOrders[?symbol=]: all untriggered stop orders. */
  cancelStopOrders(userId: string, symbol?: string): CancelledOrdersWire;
  /** GET /api/v1/stopOrders (symbol, side, type, startAt, endAt, currentPage, pageSize). */
  listStopOrders(userId: string, query: QueryParams): PageWire<OrderWire>;
  /** GET /api/v1/orders/{orderId}. @throws VenueError 404000 when unknown. */
  order(userId: string, orderId: string): OrderWire;
  /** GET /api/v1/orders/byClientOid?clientOid=. @throws VenueError 404000 when unknown. */
  orderByClientOid(userId: string, clientOid: string): OrderWire;
  /** GET /api/v1/orders (status active|done (default done), symbol, side, type, startAt, endAt, currentPage, pageSize). */
  listOrders(userId: string, query: QueryParams): PageWire<OrderWire>;
  /** GET /api/v1/recentDoneOrders[?symbol=]: done orders of the last 24 h, newest first, ≤ 1000. */
  recentDoneOrders(userId: string, symbol?: string): OrderWire[];
  /** GET /api/v1/openOrderStatistics?symbol=. */
  openOrderStatistics(userId: string, symbol: string): OpenOrderStatisticsWire;
  /** GET /api/v1/fills (orderId, symbol, side, type, tradeTypes, startAt, endAt, currentPage, pageSize). */
  fills(userId: string, query: QueryParams): PageWire<FillWire>;
  /** GET /api/v1/recentFills[?symbol=]: fills of the last 24 h, newest first, ≤ 1000. */
  recentFills(userId: string, symbol?: string): FillWire[];

  // ── private: positions and margin ────────────────────────────────────────
  /** GET /api/v1/position?symbol= (a closed position answers with currentQty 0, isOpen false). */
  position(userId: string, symbol: string): PositionWire;
  /** GET /api/v1/positions: open positions. */
  positions(userId: string): PositionWire[];
  /** GET /api/v1/history-positions (symbol, from, to, limit, pageId). */
  historyPositions(userId: string, query: QueryParams): PageWire<HistoryPositionWire>;
  /** GET /api/v1/funding-history (symbol, startAt, endAt, reverse, offset, forward, maxCount): the user's funding payments. */
  fundingPayments(userId: string, query: QueryParams): HasMoreWire<FundingHistoryItemWire>;
  /** GET /api/v2/position/getMarginMode?symbol=. */
  marginMode(userId: string, symbol: string): MarginModeWire;
  /** POST /api/v2/position/changeMarginMode. @throws VenueError 50002 while orders or a position exist. */
  setMarginMode(userId: string, body: unknown): MarginModeWire;
  /** GET /api/v2/getCrossUserLeverage?symbol=. */
  crossLeverage(userId: string, symbol: string): CrossLeverageWire;
  /** POST /api/v2/changeCrossUserLeverage `{symbol, leverage}` → true. */
  setCrossLeverage(userId: string, body: unknown): true;
  /** POST /api/v1/position/margin/deposit-margin `{symbol, margin, bizNo}` → the isolated position. */
  depositMargin(userId: string, body: unknown): PositionWire & { userId: number };
  /** POST /api/v1/position/margin/auto-deposit-status `{symbol, status}` → true: top the isolated margin up before liquidation. */
  setAutoDeposit(userId: string, body: unknown): true;
  /** POST /api/v1/margin/withdrawMargin `{symbol, withdrawAmount}` → amount string. */
  withdrawMargin(userId: string, body: unknown): string;
  /** GET /api/v1/margin/maxWithdrawMargin?symbol=. */
  maxWithdrawMargin(userId: string, symbol: string): string;
  /** GET /api/v2/getMaxOpenSize?symbol=&price=&leverage= (docs/reference/kucoin-futures.md#cross-margin). */
  maxOpenSize(userId: string, query: QueryParams): MaxOpenSizeWire;
  /** GET /api/v1/transaction-history: TransferIn at opening, RealisedPNL per closed position (HasMore pager). */
  transactionHistory(userId: string, query: QueryParams): HasMoreWire<TransactionWire>;
  /** GET /api/v1/trade-fees?symbol=. */
  tradeFees(userId: string, symbol: string): TradeFeesWire;
  /** GET /api/v2/batchGetCrossOrderLimit?symbol=A,B&totalMargin=&leverage= (docs/reference/kucoin-futures.md#cross-margin). */
  batchCrossOrderLimit(userId: string, query: QueryParams): CrossOrderLimitWire[];
  /** POST /api/v1/position/risk-limit-level/change `{symbol, level}` → true; outcome on position.adjustRiskLimit. */
  changeRiskLimitLevel(userId: string, body: unknown): true;
  /** POST /api/v2/position/batchChangeMarginMode `{marginMode, symbols}`. */
  batchChangeMarginMode(userId: string, body: unknown): BatchMarginModeWire;

  // ── time and market driving ──────────────────────────────────────────────
  /** Processes prices, stop triggers, liquidations and funding up to venue time `ms` (never backward). */
  advanceTo(ms: number): void;
  /** Sets mark, index and last price of `symbol` now (fault drills); stops and liquidations run at once. */
  setPrice(symbol: string, price: string): void;
  /** Moves all prices of `symbol` by `pct` percent (e.g. -10) now; stops and liquidations run at once. */
  jumpPrice(symbol: string, pct: number): void;
  /**
   * Auto-deleverages `lots` of the user's `symbol` position now (admin drill, docs/reference/kucoin-futures.md#ws-private-topics changeReason
   * adl): an `adl` fill at the mark, no fee, position.change with changeReason `adl`. Returns the
   * lots left.
   */
  autoDeleverage(userId: string, symbol: string, lots: number): number;
  /** Subscribes to events; returns the unsubscribe function. */
  on(listener: VenueEventListener): () => void;
  /** Stops the price feed's background work. */
  close(): void;
}
