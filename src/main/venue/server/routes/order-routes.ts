import type { VenueExchange } from '../../core/index.ts';
import type { Route } from '../route-table.ts';
import { optionalQuery, pathParam, queryParams, requiredQuery, userOf } from './params.ts';

/** docs/reference/kucoin-futures.md#orders: place, test, batch, TP/SL, cancel (one, by clientOid, all, many, stops), queries and fills. */
export function orderRoutes(exchange: VenueExchange): Route[] {
  const priv = (
    method: Route['method'],
    pattern: string,
    handle: Route['handle'],
    weightKey?: string,
  ): Route =>
    weightKey === undefined
      ? { method, pattern, access: 'private', handle }
      : { method, pattern, access: 'private', handle, weightKey };
  return [
    priv('POST', '/api/v1/orders', (r) => exchange.placeOrder(userOf(r), r.body)),
    priv('POST', '/api/v1/orders/test', (r) => exchange.testOrder(userOf(r), r.body)),
    priv('POST', '/api/v1/orders/multi', (r) => exchange.placeOrders(userOf(r), r.body)),
    priv('POST', '/api/v1/st-orders', (r) => exchange.placeOrderWithStops(userOf(r), r.body)),
    priv('DELETE', '/api/v1/orders/{orderId}', (r) =>
      exchange.cancelOrder(userOf(r), pathParam(r, 'orderId')),
    ),
    priv('DELETE', '/api/v1/orders/client-order/{clientOid}', (r) =>
      exchange.cancelByClientOid(userOf(r), pathParam(r, 'clientOid'), requiredQuery(r, 'symbol')),
    ),
    // Deprecated v1 cancel-all (weight 800) is what ccxt still calls; v3 requires the symbol.
    priv('DELETE', '/api/v1/orders', (r) => exchange.cancelAll(userOf(r), optionalQuery(r, 'symbol'))),
    priv('DELETE', '/api/v3/orders', (r) => exchange.cancelAll(userOf(r), requiredQuery(r, 'symbol'))),
    priv('DELETE', '/api/v1/orders/multi-cancel', (r) => exchange.cancelMany(userOf(r), r.body)),
    priv('DELETE', '/api/v1/stopOrders', (r) =>
      exchange.cancelStopOrders(userOf(r), optionalQuery(r, 'symbol')),
    ),
    priv('GET', '/api/v1/stopOrders', (r) => exchange.listStopOrders(userOf(r), queryParams(r))),
    priv('GET', '/api/v1/orders/{order-id}', (r) => exchange.order(userOf(r), pathParam(r, 'order-id'))),
    priv('GET', '/api/v1/orders/byClientOid', (r) =>
      exchange.orderByClientOid(userOf(r), requiredQuery(r, 'clientOid')),
    ),
    // ccxt's static request tests fetch by clientOid at `/api/v1/orders/?clientOid=…` (docs/reference/kucoin-futures.md#orders).
    priv(
      'GET',
      '/api/v1/orders/',
      (r) => exchange.orderByClientOid(userOf(r), requiredQuery(r, 'clientOid')),
      'GET /api/v1/orders/byClientOid',
    ),
    priv('GET', '/api/v1/orders', (r) => exchange.listOrders(userOf(r), queryParams(r))),
    priv('GET', '/api/v1/recentDoneOrders', (r) =>
      exchange.recentDoneOrders(userOf(r), optionalQuery(r, 'symbol')),
    ),
    priv('GET', '/api/v1/openOrderStatistics', (r) =>
      exchange.openOrderStatistics(userOf(r), requiredQuery(r, 'symbol')),
    ),
    priv('GET', '/api/v1/fills', (r) => exchange.fills(userOf(r), queryParams(r))),
    priv('GET', '/api/v1/recentFills', (r) => exchange.recentFills(userOf(r), optionalQuery(r, 'symbol'))),
  ];
}
