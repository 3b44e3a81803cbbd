import * as account from './endpoints/account.ts';
import * as funding from './endpoints/funding.ts';
import * as market from './endpoints/market.ts';
import * as orders from './endpoints/orders.ts';
import * as positions from './endpoints/positions.ts';
import type { RequestOptions } from './rest-call.ts';
import type { RestTransport } from './rest-transport.ts';
import type { KucoinAccountOverview, KucoinApiKeyInfo } from './schemas/account.ts';
import type { KucoinFundingHistory } from './schemas/funding.ts';
import type {
  KucoinBullet,
  KucoinContract,
  KucoinFundingRate,
  KucoinFundingRatePoint,
  KucoinLevel2Snapshot,
  KucoinMarkPrice,
  KucoinTicker,
} from './schemas/market.ts';
import type {
  KucoinCancelledIds,
  KucoinFillsPage,
  KucoinOrder,
  KucoinOrdersPage,
  KucoinPlaceOrderResult,
} from './schemas/orders.ts';
import type {
  KucoinCrossLeverage,
  KucoinMarginMode,
  KucoinPosition,
  KucoinRiskLimitLevel,
} from './schemas/positions.ts';

export type { RequestOptions } from './rest-call.ts';

/**
 * One typed function per KuCoin Futures endpoint the app uses. Every answer is zod-parsed;
 * failures are TradingError subclasses (see the transport and error map).
 */
export interface KucoinRestApi {
  getServerTime(signal?: AbortSignal): Promise<number>;
  listActiveContracts(): Promise<KucoinContract[]>;
  getContract(symbol: string): Promise<KucoinContract>;
  getTicker(symbol: string): Promise<KucoinTicker>;
  getLevel2Snapshot(symbol: string): Promise<KucoinLevel2Snapshot>;
  /** Rows `[startMs, open, high, low, close, volume]`, ≤ 500 per call. */
  getKlines(query: market.KlineQuery): Promise<number[][]>;
  /** Reads taking `options` are `market` lane by default; `{ lane: 'protective' }` makes them protective (ADR 0233). */
  getMarkPrice(symbol: string, options?: RequestOptions): Promise<KucoinMarkPrice>;
  getFundingRate(symbol: string): Promise<KucoinFundingRate>;
  /** The contract's settled funding rates between `fromMs` and `toMs` (public GET /api/v1/contract/funding-rates). */
  getFundingRateHistory(symbol: string, fromMs: number, toMs: number): Promise<KucoinFundingRatePoint[]>;
  getAccountOverview(currency?: string, options?: RequestOptions): Promise<KucoinAccountOverview>;
  /**
   * Places an order (never retried). Throws OrderUnknownError with `details.clientOid` when the
   * outcome is ambiguous, TimeSyncError while the clock is unhealthy (entries only: a reduce-only or
   * close order is always sent, signed with the best offset known), OrderRejectedError /
   * InsufficientMarginError on definitive refusals, CircuitOpenError (entries, breaker open) and
   * RateLimitError (`queue-full`, `queue-shed`, `queue-deadline`, `dropped-by-kill-switch`: never sent).
   * `request.admit` runs right before sending; what it throws is rethrown unchanged, nothing sent.
   */
  placeOrder(request: orders.PlaceOrderRequest): Promise<KucoinPlaceOrderResult>;
  /** Places an order with attached TP/SL triggers (POST /api/v1/st-orders); same failure rules. */
  placeOrderWithStops(request: orders.PlaceOrderWithStopsRequest): Promise<KucoinPlaceOrderResult>;
  cancelOrder(orderId: string): Promise<KucoinCancelledIds>;
  cancelOrderByClientOid(clientOid: string, symbol: string): Promise<{ clientOid: string }>;
  cancelAllOrders(symbol: string): Promise<KucoinCancelledIds>;
  listStopOrders(query?: orders.PageQuery, options?: RequestOptions): Promise<KucoinOrdersPage>;
  cancelAllStopOrders(symbol: string): Promise<KucoinCancelledIds>;
  getOrder(orderId: string, options?: RequestOptions): Promise<KucoinOrder>;
  getOrderByClientOid(clientOid: string, options?: RequestOptions): Promise<KucoinOrder>;
  listOpenOrders(query?: orders.PageQuery, options?: RequestOptions): Promise<KucoinOrdersPage>;
  listFills(query?: orders.FillsQuery, options?: RequestOptions): Promise<KucoinFillsPage>;
  getPosition(symbol: string, options?: RequestOptions): Promise<KucoinPosition>;
  listPositions(currency?: string, options?: RequestOptions): Promise<KucoinPosition[]>;
  /** The contract's isolated-margin risk-limit tiers, ascending by level (docs/reference/kucoin-futures.md#risk-limits). */
  getRiskLimitLevels(symbol: string): Promise<KucoinRiskLimitLevel[]>;
  getMarginMode(symbol: string, options?: RequestOptions): Promise<KucoinMarginMode>;
  changeMarginMode(symbol: string, marginMode: 'ISOLATED' | 'CROSS'): Promise<KucoinMarginMode>;
  getCrossLeverage(symbol: string): Promise<KucoinCrossLeverage>;
  changeCrossLeverage(symbol: string, leverage: number): Promise<true>;
  /** The user's funding settlements for one symbol (GET /api/v1/funding-history). */
  getFundingHistory(
    query: funding.FundingHistoryQuery,
    options?: RequestOptions,
  ): Promise<KucoinFundingHistory>;
  getPublicWsToken(): Promise<KucoinBullet>;
  getPrivateWsToken(): Promise<KucoinBullet>;
  getApiKeyInfo(): Promise<KucoinApiKeyInfo>;
}

/** Builds the endpoint functions over a transport. */
export function createKucoinRestApi(transport: RestTransport, orderTimeoutMs: number): KucoinRestApi {
  const send = transport.request.bind(transport);
  return {
    getServerTime: (signal) => send(market.serverTimeCall(signal)),
    listActiveContracts: () => send(market.activeContractsCall()),
    getContract: (symbol) => send(market.contractCall(symbol)),
    getTicker: (symbol) => send(market.tickerCall(symbol)),
    getLevel2Snapshot: (symbol) => send(market.level2SnapshotCall(symbol)),
    getKlines: (query) => send(market.klinesCall(query)),
    getMarkPrice: (symbol, options) => send(market.markPriceCall(symbol, options)),
    getFundingRate: (symbol) => send(market.fundingRateCall(symbol)),
    getFundingRateHistory: (symbol, fromMs, toMs) =>
      send(market.fundingRateHistoryCall(symbol, fromMs, toMs)),
    getAccountOverview: (currency = 'USDT', options) => send(account.accountOverviewCall(currency, options)),
    placeOrder: (request) => send(orders.placeOrderCall(request, orderTimeoutMs)),
    placeOrderWithStops: (request) => send(orders.placeOrderWithStopsCall(request, orderTimeoutMs)),
    cancelOrder: (orderId) => send(orders.cancelOrderCall(orderId)),
    cancelOrderByClientOid: (clientOid, symbol) => send(orders.cancelOrderByClientOidCall(clientOid, symbol)),
    cancelAllOrders: (symbol) => send(orders.cancelAllOrdersCall(symbol)),
    listStopOrders: (query, options) => send(orders.stopOrdersCall(query, options)),
    cancelAllStopOrders: (symbol) => send(orders.cancelAllStopOrdersCall(symbol)),
    getOrder: (orderId, options) => send(orders.orderByIdCall(orderId, options)),
    getOrderByClientOid: (clientOid, options) => send(orders.orderByClientOidCall(clientOid, options)),
    listOpenOrders: (query, options) => send(orders.openOrdersCall(query, options)),
    listFills: (query, options) => send(orders.fillsCall(query, options)),
    getPosition: (symbol, options) => send(positions.positionCall(symbol, options)),
    listPositions: (currency, options) => send(positions.positionsListCall(currency, options)),
    getRiskLimitLevels: (symbol) => send(positions.riskLimitLevelsCall(symbol)),
    getMarginMode: (symbol, options) => send(positions.marginModeCall(symbol, options)),
    changeMarginMode: (symbol, marginMode) => send(positions.changeMarginModeCall(symbol, marginMode)),
    getCrossLeverage: (symbol) => send(positions.crossLeverageCall(symbol)),
    changeCrossLeverage: (symbol, leverage) => send(positions.changeCrossLeverageCall(symbol, leverage)),
    getFundingHistory: (query, options) => send(funding.fundingHistoryCall(query, options)),
    getPublicWsToken: () => send(market.publicTokenCall()),
    getPrivateWsToken: () => send(market.privateTokenCall()),
    getApiKeyInfo: () => send(account.apiKeyInfoCall()),
  };
}
