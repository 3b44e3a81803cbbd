/**
 * The venue's internal records: orders, positions, accounts and markets. Money is exact
 * ({@link Dec}); sizes are bigint lots. Wire shapes are built from these in `wire.ts`.
 */
import type { ContractSpec } from './contracts.ts';
import type { Dec } from './decimal.ts';
import type {
  FillWire,
  FundingHistoryItemWire,
  FundingRateHistoryWire,
  HistoryPositionWire,
  MarginMode,
  Side,
  StopDirection,
  StopPriceType,
  TradeHistoryWire,
  TransactionWire,
} from '../wire/wire-types.ts';

/**
 * One moment in the venue's history: venue time in whole milliseconds plus a venue-wide sequence
 * number that orders every recorded change, so two changes in the same millisecond still have an
 * order (ADR 0140).
 */
export interface VenueInstant {
  readonly atMs: number;
  readonly seq: number;
}

/** One fill of an order, at its instant. */
export interface FillInstant extends VenueInstant {
  readonly lots: bigint;
  readonly price: Dec;
  readonly tradeId: string;
}

/** When the venue accepted, triggered, cancelled and finished an order (the admin order timeline). */
export interface OrderInstants {
  readonly accepted: VenueInstant;
  triggered: VenueInstant | null;
  cancelled: VenueInstant | null;
  done: VenueInstant | null;
  readonly fills: FillInstant[];
}

/** One order, live, parked (untriggered stop) or done. */
export interface OrderRecord {
  readonly id: string;
  readonly userId: string;
  readonly symbol: string;
  readonly clientOid: string;
  readonly side: Side;
  readonly type: 'limit' | 'market';
  readonly price: Dec | null;
  size: bigint;
  filledSize: bigint;
  filledValue: Dec;
  canceledSize: bigint;
  readonly timeInForce: 'GTC' | 'IOC';
  readonly postOnly: boolean;
  readonly hidden: boolean;
  readonly iceberg: boolean;
  readonly visibleSize: bigint;
  readonly reduceOnly: boolean;
  readonly closeOrder: boolean;
  readonly forceHold: boolean;
  readonly leverage: Dec;
  readonly marginMode: MarginMode;
  readonly stop: '' | StopDirection;
  readonly stopPrice: Dec | null;
  readonly stopPriceType: '' | StopPriceType;
  stopTriggered: boolean;
  readonly remark: string | null;
  readonly stp: string;
  readonly createdAt: number;
  updatedAt: number;
  endAt: number | null;
  readonly orderTimeNs: number;
  status: 'open' | 'done';
  /** Parked stop order waiting for its trigger. */
  parked: boolean;
  /** Sitting in the book (visible or hidden). */
  resting: boolean;
  cancelExist: boolean;
  /** Margin held for the unfilled opening part (isolated and cross). */
  reservedMargin: Dec;
  /** Time priority inside a price level. */
  readonly priority: number;
  /** st-orders: the other leg of a TP/SL pair, canceled when this one triggers. */
  siblingId: string | null;
  /** Why a triggered stop could not become live (advancedOrders `error`). */
  triggerError: string | null;
  /** The order's life at exact venue instants (ADR 0140). */
  readonly instants: OrderInstants;
}

/** An open (or flat) position of one user on one contract. */
export interface PositionRecord {
  readonly id: string;
  readonly userId: string;
  readonly symbol: string;
  marginMode: MarginMode;
  /** Signed lots: long > 0. */
  qty: bigint;
  /** Signed entry cost Σ(lots × multiplier × price): long > 0, short < 0. */
  cost: Dec;
  /** Leverage the isolated margin was posted at (cross: the user's cross leverage). */
  leverage: Dec;
  posInit: Dec;
  posComm: Dec;
  posCross: Dec;
  posLoss: Dec;
  posFunding: Dec;
  realisedGrossPnl: Dec;
  /** Σ fees paid on this position's fills since it opened. */
  currentComm: Dec;
  openingTimestamp: number;
  /** Price at which the position first opened (history-positions openPrice). */
  openPrice: Dec;
}

/** One settled funding payment (GET /api/v1/funding-history). */
export type FundingPaymentRecord = FundingHistoryItemWire;

/** A user's futures account. */
export interface AccountRecord {
  readonly userId: string;
  /** Wallet balance: deposits + realised PnL − fees + funding. Never negative. */
  balance: Dec;
  readonly positions: Map<string, PositionRecord>;
  /** Orders still remembered: open, parked, and done ones inside the retention (retention.ts). */
  readonly orders: Map<string, OrderRecord>;
  /** The remembered done orders in the order they finished (oldest first): what pruning drops. */
  readonly doneOrders: OrderRecord[];
  /** The open orders (live and parked): an index so per-order checks never scan the history. */
  readonly openOrders: Set<OrderRecord>;
  readonly clientOids: Map<string, string>;
  readonly marginModes: Map<string, MarginMode>;
  readonly crossLeverage: Map<string, Dec>;
  /** Symbols whose isolated position tops its margin up from the balance before liquidation. */
  readonly autoDeposit: Set<string>;
  /** Risk-limit level chosen per symbol (default 1: the tier follows the position value). */
  readonly riskLimitLevels: Map<string, number>;
  readonly fills: FillWire[];
  readonly fundingPayments: FundingPaymentRecord[];
  readonly closedPositions: HistoryPositionWire[];
  /** Account ledger rows (TransferIn at opening, RealisedPNL per closed position). */
  readonly transactions: TransactionWire[];
  readonly depositBizNos: Set<string>;
  walletVersion: number;
  /** Σ of every balance change by kind, for the accounting invariants. */
  readonly ledger: Ledger;
}

/** Where every balance change went (kept exact so tests can prove conservation). */
export interface Ledger {
  deposits: Dec;
  realisedGross: Dec;
  fees: Dec;
  funding: Dec;
  /** Losses beyond what the account could pay, absorbed by the venue's insurance fund. */
  insuranceCover: Dec;
}

/** A value at a venue instant (index price, premium). */
export interface PricePointRecord {
  readonly timePoint: number;
  readonly value: Dec;
}

/** One-minute candle built from trades. */
export interface CandleRecord {
  readonly startMs: number;
  open: Dec;
  high: Dec;
  low: Dec;
  close: Dec;
  volumeLots: bigint;
  turnover: Dec;
}

/** Live state of one contract. */
export interface MarketRecord {
  readonly spec: ContractSpec;
  markPrice: Dec;
  indexPrice: Dec;
  /** Last trade price (synthetic market or our users). */
  lastPrice: Dec;
  /** The feed's last price: the synthetic book centres on it. */
  feedLastPrice: Dec;
  lastTradeSide: Side;
  lastTradeSize: bigint;
  lastTradeId: string;
  /** level2 sequence, +1 per change. */
  sequence: number;
  readonly trades: TradeHistoryWire[];
  readonly candles: CandleRecord[];
  /** The live candle of each limitCandle type (keyed '1min', '1hour', …). */
  readonly liveCandles: Map<string, CandleRecord>;
  fundingRate: Dec;
  predictedFundingRate: Dec;
  lastFundingTimeMs: number;
  readonly fundingHistory: FundingRateHistoryWire[];
  /** setPrice/jumpPrice: multiply the feed's prices by this from now on. */
  priceFactor: Dec;
  /** setPrice/jumpPrice: mark, index and last are exactly this at the next price read. */
  priceOverride: Dec | null;
  /** Lots consumed from synthetic levels since the last refill, by tick. */
  readonly consumedBids: Map<bigint, bigint>;
  readonly consumedAsks: Map<bigint, bigint>;
  openInterest: bigint;
  /** Next venue time a snapshot.24h message is due (every 5 s, docs/reference/kucoin-futures.md#ws-public-topics). */
  nextSnapshotMs: number;
  /** The book changed since the last level2Depth5/50 push. */
  depthDirty: boolean;
  /** Venue time of the last level2Depth5/50 push (pushed at most every 100 ms). */
  lastDepthMs: number;
  /** Index price per price step (newest last; GET /api/v1/index/query). */
  readonly indexHistory: PricePointRecord[];
  /** Premium (mark − index) / index per minute (newest last; GET /api/v1/premium/query). */
  readonly premiumHistory: PricePointRecord[];
  /** Under a mirrored market (ADR 0180): the upstream book, best first, replacing the synthetic levels. */
  mirroredBook?:
    { readonly bids: readonly MirroredLevel[]; readonly asks: readonly MirroredLevel[] } | undefined;
}

/** One mirrored book level in ticks and lots. */
export interface MirroredLevel {
  readonly ticks: bigint;
  readonly lots: bigint;
}
