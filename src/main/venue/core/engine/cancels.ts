/**
 * Cancellation (docs/reference/kucoin-futures.md#stop-orders): one order, by clientOid, all, many, and untriggered stops.
 * A done or unknown order answers KuCoin's 100004.
 */
import { withBookDiff } from '../wire/book-events.ts';
import type { Venue } from '../model/context.ts';
import { instantOf, parkedOf } from '../model/context.ts';
import { emitStopOrder, emitWallet, marketOf } from '../wire/emitters.ts';
import { VenueError, venueErrors } from '../wire/errors.ts';
import { finishOrder } from './matching.ts';
import { accountOf } from './order-entry.ts';
import { recordDone } from './retention.ts';
import type { AccountRecord, OrderRecord } from '../model/state.ts';
import type { CancelledOrdersWire, MultiCancelResultWire } from '../wire/wire-types.ts';

/** Cancels a parked stop order (advancedOrders `cancel`). */
export function cancelParked(venue: Venue, order: OrderRecord): void {
  const parked = parkedOf(venue, order.symbol);
  const index = parked.indexOf(order);
  if (index >= 0) parked.splice(index, 1);
  order.canceledSize = order.size - order.filledSize;
  order.cancelExist = true;
  order.status = 'done';
  order.parked = false;
  order.endAt = venue.nowMs;
  order.updatedAt = venue.nowMs;
  order.instants.cancelled = instantOf(venue);
  order.instants.done = order.instants.cancelled;
  venue.accounts.get(order.userId)?.openOrders.delete(order);
  recordDone(venue, order);
  emitStopOrder(venue, order, 'cancel');
}

/** Cancels any open order (live or parked) of the account, with its events. */
export function cancelOpenOrder(venue: Venue, account: AccountRecord, order: OrderRecord): void {
  if (order.parked) {
    cancelParked(venue, order);
    return;
  }
  withBookDiff(venue, marketOf(venue, order.symbol), () => {
    finishOrder(venue, order, 'canceled');
  });
  emitWallet(venue, account);
}

function openOrderOf(account: AccountRecord, orderId: string): OrderRecord {
  const order = account.orders.get(orderId);
  if (order?.status !== 'open') throw venueErrors.notCancelable();
  return order;
}

/** DELETE /api/v1/orders/{orderId}. @throws VenueError 100004. */
export function cancelById(venue: Venue, userId: string, orderId: string): CancelledOrdersWire {
  const account = accountOf(venue, userId);
  const order = openOrderOf(account, orderId);
  cancelOpenOrder(venue, account, order);
  return { cancelledOrderIds: [order.id] };
}

/** DELETE /api/v1/orders/client-order/{clientOid}?symbol=. @throws VenueError 100004. */
export function cancelByClientOid(
  venue: Venue,
  userId: string,
  clientOid: string,
  symbol: string,
): { clientOid: string } {
  const account = accountOf(venue, userId);
  marketOf(venue, symbol);
  const orderId = account.clientOids.get(clientOid);
  const order = orderId === undefined ? undefined : account.orders.get(orderId);
  if (order?.status !== 'open' || order.symbol !== symbol) throw venueErrors.notCancelable();
  cancelOpenOrder(venue, account, order);
  return { clientOid };
}

/** Cancels every open order matching `wanted`; returns their ids. */
function cancelWhere(
  venue: Venue,
  account: AccountRecord,
  wanted: (order: OrderRecord) => boolean,
): string[] {
  const chosen = [...account.openOrders].filter((order) => order.status === 'open' && wanted(order));
  for (const order of chosen) cancelOpenOrder(venue, account, order);
  return chosen.map((order) => order.id);
}

/** DELETE /api/v3/orders?symbol= (and v1): every open non-stop order. */
export function cancelAll(venue: Venue, userId: string, symbol?: string): CancelledOrdersWire {
  const account = accountOf(venue, userId);
  if (symbol !== undefined) marketOf(venue, symbol);
  return {
    cancelledOrderIds: cancelWhere(
      venue,
      account,
      (order) => !order.parked && (symbol === undefined || order.symbol === symbol),
    ),
  };
}

/** DELETE /api/v1/stopOrders[?symbol=]: every untriggered stop order. */
export function cancelStops(venue: Venue, userId: string, symbol?: string): CancelledOrdersWire {
  const account = accountOf(venue, userId);
  if (symbol !== undefined) marketOf(venue, symbol);
  return {
    cancelledOrderIds: cancelWhere(
      venue,
      account,
      (order) => order.parked && (symbol === undefined || order.symbol === symbol),
    ),
  };
}

interface ClientOidRef {
  readonly symbol: string;
  readonly clientOid: string;
}

function parseMultiCancel(body: unknown): { orderIds: string[] } | { clientOids: ClientOidRef[] } {
  if (typeof body === 'object' && body !== null) {
    if (
      'orderIdsList' in body &&
      Array.isArray(body.orderIdsList) &&
      body.orderIdsList.every((id) => typeof id === 'string')
    ) {
      return { orderIds: body.orderIdsList };
    }
    if ('clientOidsList' in body && Array.isArray(body.clientOidsList)) {
      const refs = body.clientOidsList.filter(
        (ref: unknown): ref is ClientOidRef =>
          typeof ref === 'object' &&
          ref !== null &&
          'symbol' in ref &&
          'clientOid' in ref &&
          typeof ref.symbol === 'string' &&
          typeof ref.clientOid === 'string',
      );
      if (refs.length === body.clientOidsList.length) return { clientOids: refs };
    }
  }
  throw venueErrors.invalidParameter('orderIdsList or clientOidsList is required');
}

function attempt(run: () => void): { code: string; msg: string } {
  try {
    run();
    return { code: '200', msg: 'success' };
  } catch (error) {
    if (error instanceof VenueError) return { code: error.code, msg: error.msg };
    throw error;
  }
}

/** DELETE /api/v1/orders/multi-cancel: per-item result (docs/reference/kucoin-futures.md#orders). */
export function cancelMany(venue: Venue, userId: string, body: unknown): MultiCancelResultWire[] {
  const account = accountOf(venue, userId);
  const parsed = parseMultiCancel(body);
  if ('orderIds' in parsed) {
    return parsed.orderIds.map((orderId) => ({
      orderId,
      clientOid: null,
      ...attempt(() => cancelById(venue, userId, orderId)),
    }));
  }
  // KuCoin's schema types each result's orderId as a string: name the order a clientOid resolved to.
  return parsed.clientOids.map((ref) => ({
    orderId: account.clientOids.get(ref.clientOid) ?? null,
    clientOid: ref.clientOid,
    ...attempt(() => cancelByClientOid(venue, userId, ref.clientOid, ref.symbol)),
  }));
}
