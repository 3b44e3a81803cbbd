/**
 * What the trading engine needs from the exchange client (src/main/exchange): the typed REST
 * endpoints, and optional push events that only make things faster — REST polling alone is
 * enough for correctness (docs/reference/kucoin-futures.md#missed-fills: WS order streams miss fills).
 */
import type { FillsQuery, PageQuery } from '../exchange/kucoin/endpoints/orders.ts';
import type { AlertInput } from '../../shared/ipc/channels/alerts.ts';
import type { KucoinRestApi } from '../exchange/kucoin/rest-api.ts';
import type { KucoinAccountOverview } from '../exchange/kucoin/schemas/account.ts';
import type { KucoinMarkPrice } from '../exchange/kucoin/schemas/market.ts';
import type { KucoinFillsPage, KucoinOrder, KucoinOrdersPage } from '../exchange/kucoin/schemas/orders.ts';
import type { KucoinMarginMode, KucoinPosition } from '../exchange/kucoin/schemas/positions.ts';

/**
 * Per-request options. `lane: 'protective'` sends a read the protection watchdog or the kill switch
 * needs ahead of ordinary traffic and through an open breaker as a probe (ADR 0230). A client that
 * does not know the option still works: it is an optional trailing argument.
 */
export interface RequestOptions {
  readonly lane?: 'protective' | 'order' | 'market';
}

/** The REST endpoints trading uses; the reads take {@link RequestOptions}. */
export interface TradingRest extends Pick<
  KucoinRestApi,
  | 'listActiveContracts'
  | 'getKlines'
  | 'placeOrder'
  | 'placeOrderWithStops'
  | 'cancelOrder'
  | 'cancelOrderByClientOid'
  | 'cancelAllOrders'
  | 'cancelAllStopOrders'
  | 'getRiskLimitLevels'
  | 'changeMarginMode'
  | 'getFundingHistory'
> {
  getMarkPrice(symbol: string, options?: RequestOptions): Promise<KucoinMarkPrice>;
  getAccountOverview(currency?: string, options?: RequestOptions): Promise<KucoinAccountOverview>;
  listStopOrders(query?: PageQuery, options?: RequestOptions): Promise<KucoinOrdersPage>;
  listOpenOrders(query?: PageQuery, options?: RequestOptions): Promise<KucoinOrdersPage>;
  getOrder(orderId: string, options?: RequestOptions): Promise<KucoinOrder>;
  getOrderByClientOid(clientOid: string, options?: RequestOptions): Promise<KucoinOrder>;
  listFills(query?: FillsQuery, options?: RequestOptions): Promise<KucoinFillsPage>;
  listPositions(currency?: string, options?: RequestOptions): Promise<KucoinPosition[]>;
  getMarginMode(symbol: string, options?: RequestOptions): Promise<KucoinMarginMode>;
}

/** Conditions the client reports that restrict trading (each maps to a trading-state trigger). */
export type ClientHealthCondition =
  'breaker-open' | 'clock-unhealthy' | 'private-stream-dead' | 'market-data-stale' | 'market-feed-stale';

/** Push events from the client. */
export type TradingClientEvent =
  | {
      readonly type: 'order-changed';
      readonly symbol: string;
      readonly orderId?: string;
      readonly clientOid?: string;
    }
  | { readonly type: 'position-changed'; readonly symbol: string }
  | { readonly type: 'reconcile-needed'; readonly reason: string }
  | {
      readonly type: 'health';
      readonly condition: ClientHealthCondition;
      readonly active: boolean;
      readonly detail: string;
    };

/** The exchange client as trading sees it. */
export interface TradingClient {
  readonly rest: TradingRest;
  /** Subscribes to push events; returns the unsubscribe function. Absent: polling only. */
  readonly subscribe?: (listener: (event: TradingClientEvent) => void) => () => void;
  /**
   * Rejects every entry still waiting in the client's rate-limit queue (not yet sent); returns how
   * many. The kill switch calls it so nothing queued before the press leaves afterwards.
   */
  readonly dropQueuedEntries?: (reason: string) => number;
  /** The exchange's clock as the client's time sync estimates it (ms); ages of exchange timestamps are measured on it. */
  readonly serverNow?: () => number;
}

/**
 * A message for the trader, routed by the alert router (src/main/alerts): the app's one alert
 * type. `code` is stable (`position-naked`, `liquidation-critical`); the router derives the kind,
 * the de-duplication key and the title from it. `journalSeq` says the alert is journaled already.
 */
export type TradingAlert = AlertInput;
