/**
 * KuCoin Futures wire shapes: exactly the `data` objects KuCoin sends (docs/reference/kucoin-futures.md#rest-conventions, the SPEC-*
 * examples), strings where KuCoin sends strings, numbers where it sends numbers. The server
 * wraps them in `{ code: '200000', data }` and sends them as they are.
 */

/** Order side. */
export type Side = 'buy' | 'sell';
/** Margin mode of a position or order. */
export type MarginMode = 'ISOLATED' | 'CROSS';
/** Stop direction: `up` triggers when price ≥ stopPrice, `down` when ≤ (docs/reference/kucoin-futures.md#stop-orders). */
export type StopDirection = 'up' | 'down';
/** Which price a stop watches: TP last trade, MP mark, IP index (docs/reference/kucoin-futures.md#stop-orders). */
export type StopPriceType = 'TP' | 'MP' | 'IP';

/** GET /api/v1/contracts/{symbol} (SPEC-MKT). */
export interface ContractWire {
  symbol: string;
  rootSymbol: string;
  type: 'FFWCSX';
  firstOpenDate: number;
  expireDate: null;
  settleDate: null;
  baseCurrency: string;
  quoteCurrency: string;
  settleCurrency: string;
  maxOrderQty: number;
  maxPrice: number;
  lotSize: number;
  tickSize: number;
  indexPriceTickSize: number;
  multiplier: number;
  initialMargin: number;
  maintainMargin: number;
  maxRiskLimit: number;
  minRiskLimit: number;
  riskStep: number;
  makerFeeRate: number;
  takerFeeRate: number;
  takerFixFee: number;
  makerFixFee: number;
  settlementFee: null;
  isDeleverage: boolean;
  isQuanto: boolean;
  isInverse: boolean;
  markMethod: 'FairPrice';
  fairMethod: 'FundingRate';
  fundingBaseSymbol: string;
  fundingQuoteSymbol: string;
  fundingRateSymbol: string;
  indexSymbol: string;
  settlementSymbol: string;
  status: 'Open' | 'Paused' | 'CancelOnly';
  fundingFeeRate: number;
  predictedFundingFeeRate: number;
  fundingRateGranularity: number;
  openInterest: string;
  turnoverOf24h: number;
  volumeOf24h: number;
  markPrice: number;
  indexPrice: number;
  lastTradePrice: number;
  nextFundingRateTime: number;
  maxLeverage: number;
  sourceExchanges: string[];
  premiumsSymbol1M: string;
  premiumsSymbol8H: string;
  fundingBaseSymbol1M: string;
  fundingQuoteSymbol1M: string;
  lowPrice: number;
  highPrice: number;
  priceChgPct: number;
  priceChg: number;
  k: number;
  m: number;
  f: number;
  mmrLimit: number;
  mmrLevConstant: number;
  supportCross: boolean;
  buyLimit: number;
  sellLimit: number;
}

/** GET /api/v1/ticker (SPEC-MKT). */
export interface TickerWire {
  sequence: number;
  symbol: string;
  side: Side;
  size: number;
  tradeId: string;
  price: string;
  bestBidPrice: string;
  bestBidSize: number;
  bestAskPrice: string;
  bestAskSize: number;
  /** Nanoseconds. */
  ts: number;
}

/** GET /api/v1/level2/snapshot and depth20/100: [price, size] numbers (SPEC-MKT). */
export interface Level2SnapshotWire {
  sequence: number;
  symbol: string;
  bids: [number, number][];
  asks: [number, number][];
  ts: number;
}

/** GET /api/v1/trade/history item (SPEC-MKT). */
export interface TradeHistoryWire {
  sequence: number;
  contractId: number;
  tradeId: string;
  makerOrderId: string;
  takerOrderId: string;
  ts: number;
  size: number;
  price: string;
  side: Side;
}

/** GET /api/v1/kline/query row: [startMs, open, high, low, close, volume]. */
export type KlineWire = [number, number, number, number, number, number];

/** GET /api/v1/mark-price/{symbol}/current. */
export interface MarkPriceWire {
  symbol: string;
  granularity: number;
  timePoint: number;
  value: number;
  indexPrice: number;
}

/** GET /api/v1/funding-rate/{symbol}/current (SPEC-FUND). */
export interface FundingRateCurrentWire {
  symbol: string;
  granularity: number;
  timePoint: number;
  value: number;
  predictedValue: number;
  fundingRateCap: number;
  fundingRateFloor: number;
  period: number;
  fundingTime: number;
}

/** GET /api/v1/contract/funding-rates item (SPEC-FUND). */
export interface FundingRateHistoryWire {
  symbol: string;
  fundingRate: number;
  timepoint: number;
}

/** GET /api/v1/contracts/risk-limit/{symbol} item (docs/reference/kucoin-futures.md#risk-limits). */
export interface RiskLimitLevelWire {
  symbol: string;
  level: number;
  maxRiskLimit: number;
  minRiskLimit: number;
  maxLeverage: number;
  initialMargin: number;
  maintainMargin: number;
}

/** GET /api/v1/status. */
export interface VenueStatusWire {
  status: 'open' | 'close' | 'cancelonly';
  msg: string;
}

/** GET /api/v1/account-overview (SPEC-ACC). */
export interface AccountOverviewWire {
  accountEquity: number;
  unrealisedPNL: number;
  marginBalance: number;
  positionMargin: number;
  orderMargin: number;
  frozenFunds: number;
  availableBalance: number;
  currency: string;
  riskRatio: number;
  maxWithdrawAmount: number;
}

/** POST /api/v1/orders (and /orders/test, /st-orders) answer. */
export interface PlaceOrderResultWire {
  orderId: string;
  clientOid: string;
}

/** POST /api/v1/orders/multi item. */
export interface BatchOrderResultWire {
  orderId: string | null;
  clientOid: string | null;
  symbol: string | null;
  code: string;
  msg: string;
}

/** DELETE orders answers. */
export interface CancelledOrdersWire {
  cancelledOrderIds: string[];
}

/** DELETE /api/v1/orders/multi-cancel item. */
export interface MultiCancelResultWire {
  orderId: string | null;
  clientOid: string | null;
  code: string;
  msg: string;
}

/** GET /api/v1/orders/{id} (SPEC-ORD). */
export interface OrderWire {
  id: string;
  symbol: string;
  type: 'limit' | 'market';
  side: Side;
  price: string;
  size: number;
  value: string;
  dealValue: string;
  dealSize: number;
  stp: string;
  stop: '' | StopDirection;
  stopPriceType: '' | StopPriceType;
  stopTriggered: boolean;
  stopPrice: string | null;
  timeInForce: 'GTC' | 'IOC';
  postOnly: boolean;
  hidden: boolean;
  iceberg: boolean;
  leverage: string;
  forceHold: boolean;
  closeOrder: boolean;
  visibleSize: number;
  clientOid: string;
  remark: string | null;
  tags: string;
  isActive: boolean;
  cancelExist: boolean;
  createdAt: number;
  updatedAt: number;
  endAt: number | null;
  orderTime: number;
  settleCurrency: string;
  marginMode: MarginMode;
  avgDealPrice: string;
  filledSize: number;
  filledValue: string;
  status: 'open' | 'done';
  reduceOnly: boolean;
}

/** `{currentPage,pageSize,totalNum,totalPage,items}` pager (docs/reference/kucoin-futures.md#rest-conventions). */
export interface PageWire<T> {
  currentPage: number;
  pageSize: number;
  totalNum: number;
  totalPage: number;
  items: T[];
}

/** GET /api/v1/fills item (SPEC-ORD). */
export interface FillWire {
  symbol: string;
  tradeId: string;
  orderId: string;
  side: Side;
  liquidity: 'maker' | 'taker';
  forceTaker: boolean;
  price: string;
  size: number;
  value: string;
  openFeePay: string;
  closeFeePay: string;
  stop: '' | StopDirection;
  feeRate: string;
  fixFee: string;
  feeCurrency: string;
  subTradeType: null;
  marginMode: MarginMode;
  openFeeTaxPay: string;
  closeFeeTaxPay: string;
  displayType: 'limit' | 'market' | 'limit_stop' | 'market_stop';
  fee: string;
  settleCurrency: string;
  orderType: 'limit' | 'market';
  tradeType: 'trade' | 'liquid' | 'adl' | 'settlement';
  /** Nanoseconds. */
  tradeTime: number;
  createdAt: number;
}

/** GET /api/v1/position (SPEC-POS); isolated-only fields are present for isolated positions. */
export interface PositionWire {
  id: string;
  symbol: string;
  autoDeposit?: boolean;
  crossMode: boolean;
  maintMarginReq?: number;
  riskLimit?: number;
  realLeverage?: number;
  delevPercentage: number;
  openingTimestamp: number;
  currentTimestamp: number;
  currentQty: number;
  currentCost: number;
  currentComm: number;
  unrealisedCost: number;
  realisedGrossCost: number;
  realisedCost: number;
  isOpen: boolean;
  markPrice: number;
  markValue: number;
  posCost: number;
  posCross?: number;
  posCrossMargin?: number;
  posInit: number;
  posComm?: number;
  posCommCommon?: number;
  posLoss?: number;
  posMargin: number;
  posFunding?: number;
  posMaint?: number;
  maintMargin?: number;
  realisedGrossPnl: number;
  realisedPnl: number;
  unrealisedPnl: number;
  unrealisedPnlPcnt: number;
  unrealisedRoePcnt: number;
  avgEntryPrice: number;
  liquidationPrice: number;
  bankruptPrice: number;
  settleCurrency: string;
  isInverse: boolean;
  maintainMargin?: number;
  riskLimitLevel?: number;
  marginMode: MarginMode;
  positionSide: 'BOTH';
  leverage: number;
}

/** GET /api/v1/history-positions item (SPEC-POS). */
export interface HistoryPositionWire {
  closeId: string;
  userId: string;
  symbol: string;
  settleCurrency: string;
  leverage: string;
  type: 'CLOSE_LONG' | 'CLOSE_SHORT' | 'LIQUID_LONG' | 'LIQUID_SHORT';
  pnl: string;
  realisedGrossCost: string;
  realisedGrossCostNew: string;
  withdrawPnl: string;
  tradeFee: string;
  fundingFee: string;
  openTime: number;
  closeTime: number;
  openPrice: string;
  closePrice: string;
  marginMode: MarginMode;
  tax: string;
  roe: string | null;
  liquidAmount: string | null;
  liquidPrice: string | null;
  side: 'LONG' | 'SHORT';
}

/** GET /api/v1/funding-history item (SPEC-FUND). */
export interface FundingHistoryItemWire {
  id: number;
  symbol: string;
  timePoint: number;
  fundingRate: number;
  markPrice: number;
  positionQty: number;
  positionCost: number;
  funding: number;
  settleCurrency: string;
  context: string;
  marginMode: MarginMode;
}

/** `{dataList, hasMore}` pager (docs/reference/kucoin-futures.md#rest-conventions). */
export interface HasMoreWire<T> {
  dataList: T[];
  hasMore: boolean;
}

/** GET /api/v2/position/getMarginMode. */
export interface MarginModeWire {
  symbol: string;
  marginMode: MarginMode;
}

/** GET /api/v2/getCrossUserLeverage. */
export interface CrossLeverageWire {
  symbol: string;
  leverage: string;
}

/** GET /api/v2/getMaxOpenSize. */
export interface MaxOpenSizeWire {
  symbol: string;
  maxBuyOpenSize: number;
  maxSellOpenSize: number;
}

/** GET /api/v1/transaction-history item (SPEC-ACC). */
export interface TransactionWire {
  time: number;
  type: 'RealisedPNL' | 'Deposit' | 'Withdrawal' | 'TransferIn' | 'TransferOut';
  amount: number;
  fee: number;
  accountEquity: number;
  status: 'Completed' | 'Pending';
  remark: string;
  offset: number;
  currency: string;
}

/** GET /api/v1/trade-fees. */
export interface TradeFeesWire {
  symbol: string;
  takerFeeRate: string;
  makerFeeRate: string;
}

/** GET /api/v2/batchGetCrossOrderLimit item (SPEC-POS). */
export interface CrossOrderLimitWire {
  symbol: string;
  maxOpenSize: number;
  maxOpenValue: string;
  totalMargin: string;
  price: string;
  leverage: string;
  mmr: string;
  imr: string;
  currency: string;
}

/** POST /api/v2/position/batchChangeMarginMode answer. */
export interface BatchMarginModeWire {
  marginMode: Record<string, MarginMode>;
  errors: { code: string; msg: string; symbol: string }[];
}

/** GET /api/v1/openOrderStatistics. */
export interface OpenOrderStatisticsWire {
  openOrderBuySize: number;
  openOrderSellSize: number;
  openOrderBuyCost: string;
  openOrderSellCost: string;
  settleCurrency: string;
}

/** Query-string parameters as the server received them (already percent-decoded). */
export type QueryParams = Readonly<Record<string, string | undefined>>;

/** One index point (`decomposionList` names the venue's own feed as the single source). */
export interface IndexPointWire {
  symbol: string;
  granularity: number;
  timePoint: number;
  value: number;
  decomposionList: { exchange: string; price: number; weight: number }[];
}

/** One premium or interest point. */
export interface RatePointWire {
  symbol: string;
  granularity: number;
  timePoint: number;
  value: number;
}
