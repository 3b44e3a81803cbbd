/**
 * Events the exchange core emits for the WS server (docs/reference/kucoin-futures.md#ws-public-topics, #ws-private-topics). Each carries the
 * topic exactly as KuCoin names it, the subject, and the `data` object exactly as KuCoin sends
 * it; private events carry the `userId` they belong to. The server adds `type:'message'`, `sn`
 * and `channelType` and fans out to subscribers (a per-symbol private event also matches the
 * all-symbol topic: `/contractMarket/tradeOrders`, `/contract/positionAll`).
 */
import type { MarginMode, PositionWire, Side, StopDirection, StopPriceType } from './wire-types.ts';

/** `/contractMarket/tickerV2:{symbol}`, subject `tickerV2`. */
export interface TickerV2Event {
  topic: `/contractMarket/tickerV2:${string}`;
  subject: 'tickerV2';
  data: {
    symbol: string;
    sequence: number;
    bestBidSize: number;
    bestBidPrice: string;
    bestAskPrice: string;
    bestAskSize: number;
    ts: number;
  };
}

/** `/contractMarket/ticker:{symbol}`, subject `ticker` (v1: after each trade). */
export interface TickerV1Event {
  topic: `/contractMarket/ticker:${string}`;
  subject: 'ticker';
  data: {
    symbol: string;
    sequence: number;
    side: Side;
    size: number;
    price: string;
    bestBidSize: number;
    bestBidPrice: string;
    bestAskPrice: string;
    tradeId: string;
    bestAskSize: number;
    ts: number;
  };
}

/** `/contractMarket/level2:{symbol}`, subject `level2`: `change` = "price,side,size"; size 0 deletes. */
export interface Level2ChangeEvent {
  topic: `/contractMarket/level2:${string}`;
  subject: 'level2';
  data: { sequence: number; change: string; timestamp: number };
}

/** `/contractMarket/level2Depth5:{symbol}` / `level2Depth50`, subject `level2`: top of book, ≤ every 100 ms (docs/reference/kucoin-futures.md#ws-public-topics). */
export interface Level2DepthEvent {
  topic: `/contractMarket/level2Depth5:${string}` | `/contractMarket/level2Depth50:${string}`;
  subject: 'level2';
  data: {
    bids: [string, number][];
    asks: [string, number][];
    sequence: number;
    timestamp: number;
    ts: number;
  };
}

/** `/contractMarket/execution:{symbol}`, subject `match`. */
export interface ExecutionEvent {
  topic: `/contractMarket/execution:${string}`;
  subject: 'match';
  data: {
    symbol: string;
    sequence: number;
    side: Side;
    size: number;
    price: string;
    takerOrderId: string;
    makerOrderId: string;
    tradeId: string;
    ts: number;
  };
}

/** `/contractMarket/limitCandle:{symbol}_{type}`, subject `candle.stick`: [startSec, open, close, high, low, volume, turnover]. */
export interface CandleEvent {
  topic: `/contractMarket/limitCandle:${string}`;
  subject: 'candle.stick';
  data: { symbol: string; candles: [string, string, string, string, string, string, string]; time: number };
}

/** `/contract/instrument:{symbol}`, subject `mark.index.price`. */
export interface MarkIndexPriceEvent {
  topic: `/contract/instrument:${string}`;
  subject: 'mark.index.price';
  data: { markPrice: number; indexPrice: number; granularity: number; timestamp: number };
}

/** `/contract/instrument:{symbol}`, subject `funding.rate`. */
export interface FundingRateEvent {
  topic: `/contract/instrument:${string}`;
  subject: 'funding.rate';
  data: { granularity: number; fundingRate: number; timestamp: number };
}

/**
 * `/contract/announcement:{symbol}` (KuCoin's x-topic), subjects `funding.begin` / `funding.end`;
 * the gateway also delivers it to bare `/contract/announcement` subscribers, on that topic as in
 * KuCoin's example.
 */
export interface FundingAnnouncementEvent {
  topic: `/contract/announcement:${string}`;
  subject: 'funding.begin' | 'funding.end';
  data: { symbol: string; fundingTime: number; fundingRate: number; timestamp: number };
}

/** `/contractMarket/snapshot:{symbol}`, subject `snapshot.24h`. */
export interface Snapshot24hEvent {
  topic: `/contractMarket/snapshot:${string}`;
  subject: 'snapshot.24h';
  data: {
    highPrice: number;
    lastPrice: number;
    lowPrice: number;
    price24HoursBefore: number;
    priceChg: number;
    priceChgPct: number;
    symbol: string;
    ts: number;
    turnover: number;
    volume: number;
  };
}

/** The `data` of a tradeOrders message (docs/reference/kucoin-futures.md#ws-private-topics); numeric fields are strings. */
export interface OrderChangeData {
  symbol: string;
  orderType: 'limit' | 'market';
  side: Side;
  canceledSize: string;
  orderId: string;
  marginMode: MarginMode;
  type: 'open' | 'match' | 'update' | 'filled' | 'canceled';
  orderTime: number;
  size: string;
  filledSize: string;
  price: string;
  remainSize: string;
  status: 'open' | 'match' | 'done';
  ts: number;
  liquidity?: 'maker' | 'taker';
  feeType?: 'takerFee' | 'makerFee';
  matchPrice?: string;
  matchSize?: string;
  tradeId?: string;
  oldSize?: string;
  clientOid?: string;
  tradeType: 'trade' | 'liquid' | 'adl';
}

/** `/contractMarket/tradeOrders:{symbol}`, subject `symbolOrderChange` (private). */
export interface OrderChangeEvent {
  topic: `/contractMarket/tradeOrders:${string}`;
  subject: 'symbolOrderChange';
  userId: string;
  data: OrderChangeData;
}

/** `/contractMarket/advancedOrders`, subject `stopOrder` (private). */
export interface StopOrderEvent {
  topic: '/contractMarket/advancedOrders';
  subject: 'stopOrder';
  userId: string;
  data: {
    createdAt: number;
    marginMode: MarginMode;
    orderId: string;
    orderPrice: string;
    orderType: 'stop';
    side: Side;
    size: number;
    stop: StopDirection;
    stopPrice: string;
    stopPriceType: StopPriceType;
    symbol: string;
    ts: number;
    type: 'open' | 'triggered' | 'cancel';
    triggerSuccess?: boolean;
    error?: string;
  };
}

/** Why a position changed (docs/reference/kucoin-futures.md#ws-private-topics). */
export type PositionChangeReason =
  'marginChange' | 'positionChange' | 'liquidation' | 'autoAppendMarginStatusChange' | 'adl';

/** `/contract/position:{symbol}`, subject `position.change` (private): the full position + changeReason. */
export interface PositionChangeEvent {
  topic: `/contract/position:${string}`;
  subject: 'position.change';
  userId: string;
  data: PositionWire & { changeReason: PositionChangeReason };
}

/**
 * `/contract/position:{symbol}`, subject `position.change` caused by the mark price: the full
 * position (KuCoin's push schema requires every field on position.change) and no changeReason —
 * a superset of the legacy partial update (markPrice, markValue, maintMargin, realLeverage,
 * unrealisedPnl, unrealisedRoePcnt, unrealisedPnlPcnt, delevPercentage, currentTimestamp,
 * settleCurrency), so readers of either shape are served.
 */
export interface PositionMarkChangeEvent {
  topic: `/contract/position:${string}`;
  subject: 'position.change';
  userId: string;
  data: PositionWire & { maintMargin: number; realLeverage: number };
}

/** `/contract/position:{symbol}`, subject `position.settlement` (funding, private). */
export interface PositionSettlementEvent {
  topic: `/contract/position:${string}`;
  subject: 'position.settlement';
  userId: string;
  data: {
    fundingTime: number;
    qty: number;
    markPrice: number;
    fundingRate: number;
    fundingFee: number;
    ts: number;
    settleCurrency: string;
  };
}

/** `/contract/position:{symbol}`, subject `position.adjustRiskLimit` (private, docs/reference/kucoin-futures.md#ws-private-topics). */
export interface PositionAdjustRiskLimitEvent {
  topic: `/contract/position:${string}`;
  subject: 'position.adjustRiskLimit';
  userId: string;
  data: { success: boolean; riskLimitLevel: number; msg: string };
}

/** `/contractAccount/wallet`, subject `walletBalance.change` (private); all strings. */
export interface WalletBalanceEvent {
  topic: '/contractAccount/wallet';
  subject: 'walletBalance.change';
  userId: string;
  data: {
    crossPosMargin: string;
    isolatedOrderMargin: string;
    holdBalance: string;
    equity: string;
    version: string;
    availableBalance: string;
    isolatedPosMargin: string;
    walletBalance: string;
    isolatedFundingFeeMargin: string;
    crossUnPnl: string;
    totalCrossMargin: string;
    currency: string;
    isolatedUnPnl: string;
    crossOrderMargin: string;
    timestamp: string;
  };
}

/** `/contract/marginMode` and `/contract/crossLeverage`, subject `user.config` (private). */
export interface UserConfigEvent {
  topic: '/contract/marginMode' | '/contract/crossLeverage';
  subject: 'user.config';
  userId: string;
  data: Record<string, string | { leverage: string }>;
}

/** Everything the core emits; discriminate on `subject` (and `topic` for position.change). */
export type VenueEvent =
  | TickerV2Event
  | TickerV1Event
  | Level2ChangeEvent
  | Level2DepthEvent
  | ExecutionEvent
  | CandleEvent
  | MarkIndexPriceEvent
  | FundingRateEvent
  | FundingAnnouncementEvent
  | Snapshot24hEvent
  | OrderChangeEvent
  | StopOrderEvent
  | PositionChangeEvent
  | PositionMarkChangeEvent
  | PositionSettlementEvent
  | PositionAdjustRiskLimitEvent
  | WalletBalanceEvent
  | UserConfigEvent;

/** A subscriber to the core's events; returns nothing, must not throw. */
export type VenueEventListener = (event: VenueEvent) => void;

/** Candle types KuCoin's limitCandle topic uses, with their length in minutes (docs/reference/kucoin-futures.md#ws-public-topics). */
export const candleTypes = {
  '1min': 1,
  '5min': 5,
  '15min': 15,
  '30min': 30,
  '1hour': 60,
  '2hour': 120,
  '4hour': 240,
  '8hour': 480,
  '12hour': 720,
  '1day': 1440,
  '1week': 10080,
} as const;
