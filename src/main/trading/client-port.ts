/**
 * What the trading engine needs from the exchange client (src/main/exchange): the typed REST
 * endpoints, and optional push events that only make things faster — REST polling alone is
 * enough for correctness (field lesson 12: WS order streams miss fills).
 */
import type { AlertInput } from '../../shared/ipc/channels/alerts.ts';
import type { KucoinRestApi } from '../exchange/kucoin/rest-api.ts';

/** The REST endpoints trading uses. */
export type TradingRest = Pick<
  KucoinRestApi,
  | 'listActiveContracts'
  | 'getMarkPrice'
  | 'getKlines'
  | 'getAccountOverview'
  | 'placeOrder'
  | 'placeOrderWithStops'
  | 'cancelOrder'
  | 'cancelOrderByClientOid'
  | 'cancelAllOrders'
  | 'cancelAllStopOrders'
  | 'listStopOrders'
  | 'listOpenOrders'
  | 'getOrder'
  | 'getOrderByClientOid'
  | 'listFills'
  | 'listPositions'
  | 'getRiskLimitLevels'
>;

/** Conditions the client reports that restrict trading (each maps to a trading-state trigger). */
export type ClientHealthCondition = 'breaker-open' | 'clock-unhealthy' | 'private-stream-dead' | 'market-data-stale';

/** Push events from the client. */
export type TradingClientEvent =
  | { readonly type: 'order-changed'; readonly symbol: string; readonly orderId?: string; readonly clientOid?: string }
  | { readonly type: 'position-changed'; readonly symbol: string }
  | { readonly type: 'reconcile-needed'; readonly reason: string }
  | { readonly type: 'health'; readonly condition: ClientHealthCondition; readonly active: boolean; readonly detail: string };

/** The exchange client as trading sees it. */
export interface TradingClient {
  readonly rest: TradingRest;
  /** Subscribes to push events; returns the unsubscribe function. Absent: polling only. */
  readonly subscribe?: (listener: (event: TradingClientEvent) => void) => () => void;
}

/**
 * A message for the trader, routed by the alert router (src/main/alerts): the app's one alert
 * type. `code` is stable (`position-naked`, `liquidation-critical`); the router derives the kind,
 * the de-duplication key and the title from it. `journalSeq` says the alert is journaled already.
 */
export type TradingAlert = AlertInput;
