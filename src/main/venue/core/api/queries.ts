/**
 * Private read endpoints (docs/reference/kucoin-futures.md#orders, #positions): orders, stop orders, fills, closed positions,
 * funding payments, with KuCoin's filters and pagers. Query strings arrive as received.
 */
import type { QueryParams } from '../exchange-api.ts';
import type { Venue } from '../model/context.ts';
import { add, text, ZERO } from '../model/decimal.ts';
import { marketOf } from '../wire/emitters.ts';
import { venueErrors } from '../wire/errors.ts';
import { valueOf } from '../engine/margin.ts';
import { remainingLots } from '../engine/book.ts';
import { accountOf } from '../engine/order-entry.ts';
import type { OrderRecord } from '../model/state.ts';
import type {
  FillWire,
  FundingHistoryItemWire,
  HasMoreWire,
  HistoryPositionWire,
  OpenOrderStatisticsWire,
  OrderWire,
  PageWire,
  TransactionWire,
} from '../wire/wire-types.ts';
import { orderWire } from '../wire/wire.ts';

const DAY_MS = 86_400_000;

function intParam(query: QueryParams, name: string, fallback: number, maxValue: number): number {
  const raw = query[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw venueErrors.invalidParameter(`The ${name} parameter is invalid`);
  const value = Number(raw);
  if (value < 1) throw venueErrors.invalidParameter(`The ${name} parameter is invalid`);
  return Math.min(value, maxValue);
}

function timeParam(query: QueryParams, name: string): number | undefined {
  const raw = query[name];
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d+$/.test(raw)) throw venueErrors.invalidParameter(`The ${name} parameter is invalid`);
  return Number(raw);
}

/** Slices a newest-first list into KuCoin's `{currentPage,pageSize,totalNum,totalPage,items}`. */
export function page<T>(
  items: readonly T[],
  query: QueryParams,
  defaultSize = 50,
  maxSize = 1000,
): PageWire<T> {
  const currentPage = intParam(query, 'currentPage', 1, Number.MAX_SAFE_INTEGER);
  const pageSize = intParam(query, 'pageSize', defaultSize, maxSize);
  const start = (currentPage - 1) * pageSize;
  return {
    currentPage,
    pageSize,
    totalNum: items.length,
    totalPage: Math.ceil(items.length / pageSize),
    items: items.slice(start, start + pageSize),
  };
}

function orderTypeName(order: OrderRecord): string {
  return order.stop === '' ? order.type : `${order.type}_stop`;
}

function orderFilter(query: QueryParams): (order: OrderRecord) => boolean {
  const startAt = timeParam(query, 'startAt');
  const endAt = timeParam(query, 'endAt');
  return (order) =>
    (query.symbol === undefined || query.symbol === '' || order.symbol === query.symbol) &&
    (query.side === undefined || query.side === '' || order.side === query.side) &&
    (query.type === undefined ||
      query.type === '' ||
      orderTypeName(order) === query.type ||
      order.type === query.type) &&
    (startAt === undefined || order.createdAt >= startAt) &&
    (endAt === undefined || order.createdAt <= endAt);
}

function newestFirst(orders: Iterable<OrderRecord>): OrderRecord[] {
  return [...orders].sort((a, b) => b.createdAt - a.createdAt || b.priority - a.priority);
}

function multiplierOf(venue: Venue, symbol: string) {
  return marketOf(venue, symbol).spec.multiplier;
}

/** GET /api/v1/orders. */
export function listOrders(venue: Venue, userId: string, query: QueryParams): PageWire<OrderWire> {
  const status = query.status ?? 'done';
  if (status !== 'active' && status !== 'done')
    throw venueErrors.invalidParameter('The status parameter is invalid');
  const account = accountOf(venue, userId);
  const wanted = orderFilter(query);
  const chosen = newestFirst(account.orders.values()).filter(
    (order) =>
      wanted(order) &&
      (status === 'active' ? order.status === 'open' && !order.parked : order.status === 'done'),
  );
  return page(
    chosen.map((order) => orderWire(order, multiplierOf(venue, order.symbol))),
    query,
  );
}

/** GET /api/v1/stopOrders: untriggered stop orders. */
export function listStopOrders(venue: Venue, userId: string, query: QueryParams): PageWire<OrderWire> {
  const account = accountOf(venue, userId);
  const wanted = orderFilter(query);
  const chosen = newestFirst(account.openOrders).filter(
    (order) => order.parked && order.status === 'open' && wanted(order),
  );
  return page(
    chosen.map((order) => orderWire(order, multiplierOf(venue, order.symbol))),
    query,
  );
}

/** GET /api/v1/recentDoneOrders. */
export function recentDoneOrders(venue: Venue, userId: string, symbol?: string): OrderWire[] {
  const account = accountOf(venue, userId);
  const since = venue.nowMs - DAY_MS;
  return newestFirst(account.orders.values())
    .filter(
      (order) =>
        order.status === 'done' &&
        (order.endAt ?? 0) >= since &&
        (symbol === undefined || order.symbol === symbol),
    )
    .slice(0, 1000)
    .map((order) => orderWire(order, multiplierOf(venue, order.symbol)));
}

/** GET /api/v1/orders/{orderId} and byClientOid. @throws VenueError 404000. */
export function findOrder(
  venue: Venue,
  userId: string,
  by: { orderId?: string; clientOid?: string },
): OrderWire {
  const account = accountOf(venue, userId);
  const orderId =
    by.orderId ?? (by.clientOid === undefined ? undefined : account.clientOids.get(by.clientOid));
  const order = orderId === undefined ? undefined : account.orders.get(orderId);
  if (order === undefined) throw venueErrors.notFound('error.getOrder.orderNotExist');
  return orderWire(order, multiplierOf(venue, order.symbol));
}

function fillFilter(query: QueryParams): (fill: FillWire) => boolean {
  const startAt = timeParam(query, 'startAt');
  const endAt = timeParam(query, 'endAt');
  const tradeTypes =
    query.tradeTypes === undefined || query.tradeTypes === '' ? null : query.tradeTypes.split(',');
  return (fill) =>
    (query.orderId === undefined || query.orderId === '' || fill.orderId === query.orderId) &&
    (query.symbol === undefined || query.symbol === '' || fill.symbol === query.symbol) &&
    (query.side === undefined || query.side === '' || fill.side === query.side) &&
    (query.type === undefined || query.type === '' || fill.displayType === query.type) &&
    (tradeTypes === null || tradeTypes.includes(fill.tradeType)) &&
    (startAt === undefined || fill.createdAt >= startAt) &&
    (endAt === undefined || fill.createdAt <= endAt);
}

/** GET /api/v1/fills. */
export function listFills(venue: Venue, userId: string, query: QueryParams): PageWire<FillWire> {
  const account = accountOf(venue, userId);
  const wanted = fillFilter(query);
  return page([...account.fills].reverse().filter(wanted), query);
}

/** GET /api/v1/recentFills. */
export function recentFills(venue: Venue, userId: string, symbol?: string): FillWire[] {
  const account = accountOf(venue, userId);
  const since = venue.nowMs - DAY_MS;
  return [...account.fills]
    .reverse()
    .filter((fill) => fill.createdAt >= since && (symbol === undefined || fill.symbol === symbol))
    .slice(0, 1000);
}

/** GET /api/v1/history-positions (limit ≤ 200, default 10; pageId = page number). */
export function historyPositions(
  venue: Venue,
  userId: string,
  query: QueryParams,
): PageWire<HistoryPositionWire> {
  const account = accountOf(venue, userId);
  const from = timeParam(query, 'from');
  const to = timeParam(query, 'to');
  const rows = [...account.closedPositions]
    .reverse()
    .filter(
      (row) =>
        (query.symbol === undefined || query.symbol === '' || row.symbol === query.symbol) &&
        (from === undefined || row.closeTime >= from) &&
        (to === undefined || row.closeTime <= to),
    );
  return page(rows, { currentPage: query.pageId, pageSize: query.limit }, 10, 200);
}

/** GET /api/v1/funding-history: the user's settled funding (HasMore pager). */
export function fundingPayments(
  venue: Venue,
  userId: string,
  query: QueryParams,
): HasMoreWire<FundingHistoryItemWire> {
  const account = accountOf(venue, userId);
  const startAt = timeParam(query, 'startAt');
  const endAt = timeParam(query, 'endAt');
  const maxCount = intParam(query, 'maxCount', 100, 1000);
  let rows = account.fundingPayments.filter(
    (row) =>
      (query.symbol === undefined || query.symbol === '' || row.symbol === query.symbol) &&
      (startAt === undefined || row.timePoint >= startAt) &&
      (endAt === undefined || row.timePoint <= endAt),
  );
  if (query.reverse !== 'false') rows = [...rows].reverse();
  return { dataList: rows.slice(0, maxCount), hasMore: rows.length > maxCount };
}

/**
 * GET /api/v1/transaction-history (currency, type, startAt, endAt, offset, forward, maxCount ≤ 200,
 * default 50), newest first. With `offset` (a row's offset from a previous page), forward=true (the
 * default) pages on to older rows and forward=false to newer ones.
 */
export function transactionHistory(
  venue: Venue,
  userId: string,
  query: QueryParams,
): HasMoreWire<TransactionWire> {
  const account = accountOf(venue, userId);
  const startAt = timeParam(query, 'startAt');
  const endAt = timeParam(query, 'endAt');
  const offset = timeParam(query, 'offset');
  const maxCount = intParam(query, 'maxCount', 50, 200);
  const forward = query.forward !== 'false';
  const rows = [...account.transactions]
    .reverse()
    .filter(
      (row) =>
        (query.currency === undefined || query.currency === '' || row.currency === query.currency) &&
        (query.type === undefined ||
          query.type === '' ||
          row.type.toLowerCase() === query.type.toLowerCase()) &&
        (startAt === undefined || row.time >= startAt) &&
        (endAt === undefined || row.time <= endAt) &&
        (offset === undefined || (forward ? row.offset < offset : row.offset > offset)),
    );
  return { dataList: rows.slice(0, maxCount), hasMore: rows.length > maxCount };
}

/** GET /api/v1/openOrderStatistics. */
export function openOrderStatistics(venue: Venue, userId: string, symbol: string): OpenOrderStatisticsWire {
  const account = accountOf(venue, userId);
  const market = marketOf(venue, symbol);
  let buySize = 0n;
  let sellSize = 0n;
  let buyCost = ZERO;
  let sellCost = ZERO;
  for (const order of account.openOrders) {
    if (order.symbol !== symbol || order.status !== 'open' || order.parked || order.price === null) continue;
    const lots = remainingLots(order);
    const value = valueOf(lots, market.spec.multiplier, order.price);
    if (order.side === 'buy') {
      buySize += lots;
      buyCost = add(buyCost, value);
    } else {
      sellSize += lots;
      sellCost = add(sellCost, value);
    }
  }
  return {
    openOrderBuySize: Number(buySize),
    openOrderSellSize: Number(sellSize),
    openOrderBuyCost: text(buyCost),
    openOrderSellCost: text(sellCost),
    settleCurrency: 'USDT',
  };
}
