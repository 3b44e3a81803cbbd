/**
 * Order entry (docs/reference/kucoin-futures.md#orders): POST /orders, /orders/test, /orders/multi and /st-orders.
 * Validation runs to the end before anything changes; stop orders are parked until their trigger.
 */
import type { Venue } from '../model/context.ts';
import { instantOf, parkedOf } from '../model/context.ts';
import type { Dec } from '../model/decimal.ts';
import { ZERO } from '../model/decimal.ts';
import { emitStopOrder, emitWallet, marketOf } from '../wire/emitters.ts';
import { VenueError, venueErrors } from '../wire/errors.ts';
import { commitExecution, planExecution } from './matching.ts';
import type { OrderDraft } from './order-params.ts';
import { checkPriceOnGrid, parseOrderBody } from './order-params.ts';
import type { ResolvedOrder } from './order-rules.ts';
import { resolveOrder } from './order-rules.ts';
import type { AccountRecord, MarketRecord, OrderRecord } from '../model/state.ts';
import type { BatchOrderResultWire, PlaceOrderResultWire } from '../wire/wire-types.ts';
import { nanos } from '../wire/wire.ts';

/** The account of `userId`. @throws VenueError 400003 when the venue has no such account. */
export function accountOf(venue: Venue, userId: string): AccountRecord {
  const account = venue.accounts.get(userId);
  if (account === undefined) throw new VenueError('400003', 'KC-API-KEY not exists', 401);
  return account;
}

function newOrder(
  venue: Venue,
  account: AccountRecord,
  draft: OrderDraft,
  resolved: ResolvedOrder,
  id: string,
): OrderRecord {
  return {
    id,
    userId: account.userId,
    symbol: draft.symbol,
    clientOid: draft.clientOid,
    side: resolved.side,
    type: draft.type,
    price: draft.price,
    size: resolved.lots,
    filledSize: 0n,
    filledValue: ZERO,
    canceledSize: 0n,
    // KuCoin reports market orders as GTC (SPEC-ORD recentDoneOrders); they never rest either way.
    timeInForce: draft.timeInForce,
    postOnly: draft.postOnly,
    hidden: draft.hidden,
    iceberg: draft.iceberg,
    visibleSize: draft.visibleSize ?? 0n,
    reduceOnly: draft.reduceOnly || draft.closeOrder,
    closeOrder: draft.closeOrder,
    forceHold: draft.forceHold,
    leverage: resolved.leverage,
    marginMode: resolved.marginMode,
    stop: draft.stop,
    stopPrice: draft.stopPrice,
    stopPriceType: draft.stopPriceType,
    stopTriggered: false,
    remark: draft.remark,
    stp: draft.stp,
    createdAt: venue.nowMs,
    updatedAt: venue.nowMs,
    endAt: null,
    orderTimeNs: nanos(venue.nowMs),
    status: 'open',
    parked: draft.stop !== '',
    resting: false,
    cancelExist: false,
    reservedMargin: ZERO,
    priority: venue.ids.priority(),
    siblingId: null,
    triggerError: null,
    instants: { accepted: instantOf(venue), triggered: null, cancelled: null, done: null, fills: [] },
  };
}

function register(account: AccountRecord, order: OrderRecord): void {
  account.orders.set(order.id, order);
  account.openOrders.add(order);
  account.clientOids.set(order.clientOid, order.id);
  account.marginModes.set(order.symbol, order.marginMode);
}

/** Hook the exchange provides: check a freshly parked stop against current prices. */
export type StopCheck = (market: MarketRecord) => void;

/** Everything an entry needs from the exchange. */
export interface EntryDeps {
  readonly venue: Venue;
  readonly checkStops: StopCheck;
}

/**
 * Places (or, with `test`, only validates) one order.
 * @throws VenueError with KuCoin's code for every refusal.
 */
export function placeOne(
  deps: EntryDeps,
  userId: string,
  body: unknown,
  test: boolean,
): PlaceOrderResultWire {
  const draft = parseOrderBody(body);
  if (draft.triggerStopUpPrice !== null || draft.triggerStopDownPrice !== null) {
    throw venueErrors.invalidParameter('triggerStopUpPrice and triggerStopDownPrice are only for st-orders');
  }
  return placeDraft(deps, userId, draft, test).result;
}

function placeDraft(
  deps: EntryDeps,
  userId: string,
  draft: OrderDraft,
  test: boolean,
): { result: PlaceOrderResultWire; order: OrderRecord | null } {
  const { venue } = deps;
  const account = accountOf(venue, userId);
  const market = marketOf(venue, draft.symbol);
  const resolved = resolveOrder(venue, account, market, draft);
  const order = newOrder(venue, account, draft, resolved, venue.ids.order());
  const result = { orderId: order.id, clientOid: order.clientOid };
  if (order.parked) {
    if (test) return { result, order: null };
    register(account, order);
    parkedOf(venue, order.symbol).push(order);
    emitStopOrder(venue, order, 'open');
    deps.checkStops(market);
    return { result, order };
  }
  // docs/reference/kucoin-futures.md#orders: a reduce-only order's size above the position is canceled at once (before it can trade).
  order.canceledSize = resolved.excessLots;
  order.cancelExist = resolved.excessLots > 0n;
  const plan = planExecution(venue, account, market, order);
  if (test) return { result, order: null };
  register(account, order);
  commitExecution(venue, account, market, order, plan);
  // TP stops watch the last trade: a trade of ours can fire them at once (docs/reference/kucoin-futures.md#stop-orders).
  deps.checkStops(market);
  return { result, order };
}

/** POST /api/v1/orders/multi: each item placed on its own, answered with its own code (docs/reference/kucoin-futures.md#orders). */
export function placeMany(deps: EntryDeps, userId: string, body: unknown): BatchOrderResultWire[] {
  if (!Array.isArray(body) || body.length === 0 || body.length > 20) {
    throw venueErrors.invalidParameter('The request body must be an array of 1 to 20 orders');
  }
  accountOf(deps.venue, userId);
  return body.map((item: unknown) => {
    const clientOid =
      typeof item === 'object' && item !== null && 'clientOid' in item && typeof item.clientOid === 'string'
        ? item.clientOid
        : null;
    const symbol =
      typeof item === 'object' && item !== null && 'symbol' in item && typeof item.symbol === 'string'
        ? item.symbol
        : null;
    try {
      const placed = placeOne(deps, userId, item, false);
      return { orderId: placed.orderId, clientOid: placed.clientOid, symbol, code: '200000', msg: 'success' };
    } catch (error) {
      if (!(error instanceof VenueError)) throw error;
      return { orderId: null, clientOid, symbol, code: error.code, msg: error.msg };
    }
  });
}

function stopLeg(
  deps: EntryDeps,
  entry: OrderRecord,
  direction: 'up' | 'down',
  stopPrice: Dec,
  draft: OrderDraft,
): OrderRecord {
  const { venue } = deps;
  const account = accountOf(venue, entry.userId);
  const id = venue.ids.order();
  const resolved: ResolvedOrder = {
    side: entry.side === 'buy' ? 'sell' : 'buy',
    lots: entry.size,
    excessLots: 0n,
    leverage: entry.leverage,
    marginMode: entry.marginMode,
  };
  const legDraft: OrderDraft = {
    ...draft,
    clientOid: `st${id}`,
    type: 'market',
    price: null,
    reduceOnly: true,
    closeOrder: false,
    postOnly: false,
    hidden: false,
    iceberg: false,
    stop: direction,
    stopPrice,
    stopPriceType: draft.stopPriceType === '' ? 'TP' : draft.stopPriceType,
  };
  const order = newOrder(venue, account, legDraft, resolved, id);
  register(account, order);
  parkedOf(venue, order.symbol).push(order);
  emitStopOrder(venue, order, 'open');
  return order;
}

/**
 * POST /api/v1/st-orders: the entry order plus reduce-only market stops at triggerStopUpPrice
 * and triggerStopDownPrice (price directions, docs/reference/kucoin-futures.md#stop-orders); when one leg triggers the other is canceled.
 */
export function placeWithStops(deps: EntryDeps, userId: string, body: unknown): PlaceOrderResultWire {
  const draft = parseOrderBody(body);
  if (draft.stop !== '') throw venueErrors.invalidParameter('The stop parameter is not allowed in st-orders');
  if (draft.triggerStopUpPrice === null && draft.triggerStopDownPrice === null) {
    throw venueErrors.invalidParameter('triggerStopUpPrice or triggerStopDownPrice is required');
  }
  const market = marketOf(deps.venue, draft.symbol);
  if (draft.triggerStopUpPrice !== null)
    checkPriceOnGrid(draft.triggerStopUpPrice, market.spec, 'triggerStopUpPrice');
  if (draft.triggerStopDownPrice !== null)
    checkPriceOnGrid(draft.triggerStopDownPrice, market.spec, 'triggerStopDownPrice');
  const { result, order } = placeDraft(deps, userId, { ...draft, stopPriceType: '' }, false);
  if (order === null) return result;
  const up =
    draft.triggerStopUpPrice === null ? null : stopLeg(deps, order, 'up', draft.triggerStopUpPrice, draft);
  const down =
    draft.triggerStopDownPrice === null
      ? null
      : stopLeg(deps, order, 'down', draft.triggerStopDownPrice, draft);
  if (up !== null && down !== null) {
    up.siblingId = down.id;
    down.siblingId = up.id;
  }
  emitWallet(deps.venue, accountOf(deps.venue, userId));
  deps.checkStops(market);
  return result;
}
