import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ValidationError } from '../../../../shared/errors.ts';
import type { Lane } from '../../../resilience/pools.ts';
import { readPriority, type RequestOptions, type RestCall } from '../rest-call.ts';
import {
  cancelByClientOidSchema,
  cancelledIdsSchema,
  fillsPageSchema,
  orderSchema,
  ordersPageSchema,
  placeOrderResultSchema,
  type KucoinCancelledIds,
  type KucoinFillsPage,
  type KucoinOrder,
  type KucoinOrdersPage,
  type KucoinPlaceOrderResult,
} from '../schemas/orders.ts';

/** KuCoin's clientOid rule: ≤ 40 chars of `[0-9A-Za-z_-]` (docs/reference/kucoin-futures.md#orders). */
export const clientOidPattern = /^[0-9A-Za-z_-]{1,40}$/;

/** A fresh clientOid: 32 hex chars. */
export function newClientOid(): string {
  return randomUUID().replaceAll('-', '');
}

/** POST /api/v1/orders body fields we use (docs/reference/kucoin-futures.md#orders); prices are decimal strings, size integer lots. */
export interface PlaceOrderRequest {
  readonly clientOid?: string;
  readonly symbol: string;
  readonly side: 'buy' | 'sell';
  readonly type: 'limit' | 'market';
  readonly leverage: number;
  readonly size: number;
  readonly price?: string;
  readonly timeInForce?: 'GTC' | 'IOC';
  readonly postOnly?: boolean;
  readonly reduceOnly?: boolean;
  readonly closeOrder?: boolean;
  readonly stop?: 'up' | 'down';
  readonly stopPriceType?: 'TP' | 'MP' | 'IP';
  readonly stopPrice?: string;
  readonly marginMode?: 'ISOLATED' | 'CROSS';
  readonly remark?: string;
  /** Rate-limit lane; defaults to `protective` for reduce-only / close orders, else `order`. */
  readonly lane?: Lane;
  /**
   * Not sent to KuCoin. Called when the order's turn comes (the limiter grants it), right before it
   * is signed and sent, also after a wait in the queue; throw to stop it: nothing is sent and the
   * thrown error reaches the caller unchanged. Called again if a 400002 makes the order re-signed.
   */
  readonly admit?: () => void;
}

/** POST /api/v1/st-orders: an order with attached take-profit / stop-loss triggers (docs/reference/kucoin-futures.md#stop-orders). */
export interface PlaceOrderWithStopsRequest extends Omit<PlaceOrderRequest, 'stop' | 'stopPrice'> {
  readonly triggerStopUpPrice?: string;
  readonly triggerStopDownPrice?: string;
}

const orderKeys = [
  'clientOid',
  'side',
  'symbol',
  'leverage',
  'type',
  'price',
  'size',
  'timeInForce',
  'postOnly',
  'reduceOnly',
  'closeOrder',
  'stop',
  'stopPriceType',
  'stopPrice',
  'triggerStopUpPrice',
  'triggerStopDownPrice',
  'marginMode',
  'remark',
] as const;

/** The wire body in a fixed key order, undefined fields left out; the clientOid is generated if absent. */
export function orderBody(
  request: PlaceOrderWithStopsRequest & Pick<PlaceOrderRequest, 'stop' | 'stopPrice'>,
): { clientOid: string; body: Record<string, unknown> } {
  const clientOid = request.clientOid ?? newClientOid();
  if (!clientOidPattern.test(clientOid)) {
    throw new ValidationError(
      'client-oid-invalid',
      'A clientOid must be 1–40 characters of letters, digits, "_" or "-".',
      { details: { clientOid } },
    );
  }
  const source: Record<string, unknown> = { ...request, clientOid };
  const body: Record<string, unknown> = {};
  for (const key of orderKeys) if (source[key] !== undefined) body[key] = source[key];
  return { clientOid, body };
}

function placementCall(
  route: string,
  request: PlaceOrderWithStopsRequest,
  timeoutMs: number,
): RestCall<KucoinPlaceOrderResult> {
  const { clientOid, body } = orderBody(request);
  const protective = request.reduceOnly === true || request.closeOrder === true;
  return {
    host: 'futures',
    method: 'POST',
    route: `POST ${route}`,
    path: route,
    body,
    auth: true,
    lane: request.lane ?? (protective ? 'protective' : 'order'),
    protective,
    kind: 'order-placement',
    schema: placeOrderResultSchema,
    clientOid,
    timeoutMs,
    ...(request.admit === undefined ? {} : { admit: request.admit }),
    verify: (result) =>
      result.clientOid === clientOid ? undefined : `clientOid echo ${result.clientOid} ≠ sent ${clientOid}`,
  };
}

/** POST /api/v1/orders (docs/reference/kucoin-futures.md#orders). */
export const placeOrderCall = (request: PlaceOrderRequest, timeoutMs: number) =>
  placementCall('/api/v1/orders', request, timeoutMs);

/** POST /api/v1/st-orders (docs/reference/kucoin-futures.md#orders). */
export const placeOrderWithStopsCall = (request: PlaceOrderWithStopsRequest, timeoutMs: number) =>
  placementCall('/api/v1/st-orders', request, timeoutMs);

function privateCall<T>(
  method: 'GET' | 'DELETE',
  route: string,
  path: string,
  schema: z.ZodType<T>,
  extra: Partial<RestCall<T>> = {},
): RestCall<T> {
  const lane: Lane = method === 'DELETE' ? 'protective' : 'market';
  return {
    host: 'futures',
    method,
    route: `${method} ${route}`,
    path,
    schema,
    auth: true,
    lane,
    protective: method === 'DELETE',
    kind: method === 'GET' ? 'read' : 'write',
    ...extra,
  };
}

/** DELETE /api/v1/orders/{orderId} (docs/reference/kucoin-futures.md#orders): protective lane. */
export const cancelOrderCall = (orderId: string) =>
  privateCall(
    'DELETE',
    '/api/v1/orders/{orderId}',
    `/api/v1/orders/${encodeURIComponent(orderId)}`,
    cancelledIdsSchema,
    {
      verify: (result: KucoinCancelledIds) =>
        result.cancelledOrderIds.includes(orderId)
          ? undefined
          : `cancelledOrderIds does not contain ${orderId}`,
    },
  );

/** DELETE /api/v1/orders/client-order/{clientOid}?symbol= (docs/reference/kucoin-futures.md#orders, vector V3). */
export const cancelOrderByClientOidCall = (clientOid: string, symbol: string) =>
  privateCall(
    'DELETE',
    '/api/v1/orders/client-order/{clientOid}',
    `/api/v1/orders/client-order/${encodeURIComponent(clientOid)}`,
    cancelByClientOidSchema,
    {
      query: { symbol },
      clientOid,
      verify: (result: { clientOid: string }) =>
        result.clientOid === clientOid ? undefined : `clientOid echo ${result.clientOid} ≠ sent ${clientOid}`,
    },
  );

/** DELETE /api/v3/orders?symbol= — every open non-stop order of a symbol (docs/reference/kucoin-futures.md#orders). */
export const cancelAllOrdersCall = (symbol: string) =>
  privateCall('DELETE', '/api/v3/orders', '/api/v3/orders', cancelledIdsSchema, { query: { symbol } });

/** DELETE /api/v1/stopOrders?symbol= — every untriggered stop order (docs/reference/kucoin-futures.md#stop-orders). */
export const cancelAllStopOrdersCall = (symbol: string) =>
  privateCall('DELETE', '/api/v1/stopOrders', '/api/v1/stopOrders', cancelledIdsSchema, {
    query: { symbol },
  });

/** Paging of list endpoints. */
export interface PageQuery {
  readonly symbol?: string;
  readonly currentPage?: number;
  readonly pageSize?: number;
}

/** GET /api/v1/stopOrders (docs/reference/kucoin-futures.md#stop-orders): untriggered stop orders. */
export const stopOrdersCall = (query: PageQuery = {}, options?: RequestOptions): RestCall<KucoinOrdersPage> =>
  privateCall('GET', '/api/v1/stopOrders', '/api/v1/stopOrders', ordersPageSchema, {
    ...readPriority(options),
    query: { ...query },
  });

/** GET /api/v1/orders?status=active (docs/reference/kucoin-futures.md#orders). */
export const openOrdersCall = (query: PageQuery = {}, options?: RequestOptions): RestCall<KucoinOrdersPage> =>
  privateCall('GET', '/api/v1/orders', '/api/v1/orders', ordersPageSchema, {
    ...readPriority(options),
    query: { status: 'active', ...query },
  });

/** GET /api/v1/orders/{order-id} (docs/reference/kucoin-futures.md#orders); checks the answer is that order. */
export const orderByIdCall = (orderId: string, options?: RequestOptions): RestCall<KucoinOrder> =>
  privateCall(
    'GET',
    '/api/v1/orders/{order-id}',
    `/api/v1/orders/${encodeURIComponent(orderId)}`,
    orderSchema,
    {
      ...readPriority(options),
      verify: (order: KucoinOrder) =>
        order.id === orderId ? undefined : `order id ${order.id} ≠ asked ${orderId}`,
    },
  );

/** GET /api/v1/orders/byClientOid?clientOid= (docs/reference/kucoin-futures.md#orders); checks the answer is that order. */
export const orderByClientOidCall = (clientOid: string, options?: RequestOptions): RestCall<KucoinOrder> =>
  privateCall('GET', '/api/v1/orders/byClientOid', '/api/v1/orders/byClientOid', orderSchema, {
    ...readPriority(options),
    query: { clientOid },
    clientOid,
    verify: (order: KucoinOrder) =>
      order.clientOid === clientOid ? undefined : `clientOid ${String(order.clientOid)} ≠ asked ${clientOid}`,
  });

/** What {@link fillsCall} filters on (docs/reference/kucoin-futures.md#fills). `tradeTypes` is comma-joined and signed raw (vector V7a). */
export interface FillsQuery extends PageQuery {
  readonly orderId?: string;
  readonly tradeTypes?: readonly ('trade' | 'adl' | 'liquid' | 'settlement')[];
  readonly startAtMs?: number;
  readonly endAtMs?: number;
}

/** GET /api/v1/fills (docs/reference/kucoin-futures.md#fills). */
export const fillsCall = (query: FillsQuery = {}, options?: RequestOptions): RestCall<KucoinFillsPage> =>
  privateCall('GET', '/api/v1/fills', '/api/v1/fills', fillsPageSchema, {
    ...readPriority(options),
    query: {
      orderId: query.orderId,
      symbol: query.symbol,
      tradeTypes: query.tradeTypes?.join(','),
      startAt: query.startAtMs,
      endAt: query.endAtMs,
      currentPage: query.currentPage,
      pageSize: query.pageSize,
    },
  });
