/**
 * Exchange stop orders → the stops that matter to a position (GET /api/v1/stopOrders). Only a
 * reduce-only (or closeOrder) stop on the loss side limits the loss: a long's sell stop that
 * triggers `down`, a short's buy stop that triggers `up`. A reduce-only stop the other way is a
 * take-profit and never counts as cover (ADR 0331). Stops Bulwark did not place are kept apart:
 * the watchdog counts a foreign loss-side stop as cover but never cancels a foreign order.
 */
import type { PositionSide } from '../../../shared/domain/primitives.ts';
import type { KucoinOrder } from '../../exchange/kucoin/schemas/orders.ts';
import type { RequestOptions } from '../client-port.ts';
import type { Journal } from '../../store/journal.ts';
import type { TradingRest } from '../client-port.ts';
import { isOurClientOid } from '../orders/client-oid.ts';
import type { LiveStop } from './stop-plan.ts';

/** A live reduce-only/close stop with what decides its role. */
export interface SidedStop extends LiveStop {
  readonly symbol: string;
  readonly side: 'buy' | 'sell';
  /** The trigger direction (`down`: fires when the price falls to it). */
  readonly direction: 'up' | 'down' | undefined;
  /** A closeOrder stop closes whatever the position is; it covers any size. */
  readonly closesAll: boolean;
  /** Placed by Bulwark (our clientOid, or a journaled attached stop of our st-order). */
  readonly ours: boolean;
  /** For a stop attached to one of our entries (st-order leg): that entry's clientOid. */
  readonly parentClientOid?: string;
}

/** What a stop does for a position of a side. */
export type StopRole = 'loss-side' | 'take-profit' | 'adding-side';

/** The side whose orders reduce a position. */
export function closingSideOf(positionSide: PositionSide): 'buy' | 'sell' {
  return positionSide === 'long' ? 'sell' : 'buy';
}

/** A long's loss is below (`down`), a short's above (`up`). */
export function lossDirectionOf(positionSide: PositionSide): 'up' | 'down' {
  return positionSide === 'long' ? 'down' : 'up';
}

/** The role of `stop` for a position of `positionSide`. */
export function stopRole(stop: SidedStop, positionSide: PositionSide): StopRole {
  if (stop.side !== closingSideOf(positionSide)) return 'adding-side';
  return stop.direction === lossDirectionOf(positionSide) ? 'loss-side' : 'take-profit';
}

function direction(item: KucoinOrder): 'up' | 'down' | undefined {
  return item.stop === 'up' || item.stop === 'down' ? item.stop : undefined;
}

function toStop(item: KucoinOrder, journal: Journal): SidedStop | undefined {
  const protective = item.reduceOnly === true || item.closeOrder === true;
  if (!protective || item.stopPrice === undefined || item.stopTriggered === true) return undefined;
  const clientOid = item.clientOid ?? '';
  const journaled =
    (clientOid === '' ? undefined : journal.getOrder(clientOid)) ?? journal.getOrderByExchangeId(item.id);
  const parent = journaled?.parentClientOid;
  return {
    symbol: item.symbol,
    side: item.side,
    direction: direction(item),
    clientOid,
    exchangeOrderId: item.id,
    sizeLots: item.size,
    stopPrice: item.stopPrice,
    closesAll: item.closeOrder === true,
    ours: isOurClientOid(clientOid) || journaled !== undefined,
    ...(parent === undefined ? {} : { parentClientOid: parent }),
  };
}

/** Every untriggered stop order at the exchange (all pages). */
export async function fetchStopOrders(rest: TradingRest, options?: RequestOptions): Promise<KucoinOrder[]> {
  const items: KucoinOrder[] = [];
  for (let page = 1; page <= 20; page += 1) {
    const answer = await rest.listStopOrders({ currentPage: page, pageSize: 100 }, options);
    items.push(...answer.items);
    if (page >= answer.totalPage) break;
  }
  return items;
}

/** The reduce-only/close stops among `items`, grouped by symbol. */
export function groupLiveStops(items: readonly KucoinOrder[], journal: Journal): Map<string, SidedStop[]> {
  const bySymbol = new Map<string, SidedStop[]>();
  for (const item of items) {
    const stop = toStop(item, journal);
    if (stop === undefined) continue;
    const list = bySymbol.get(stop.symbol) ?? [];
    list.push(stop);
    bySymbol.set(stop.symbol, list);
  }
  return bySymbol;
}

/** Every untriggered reduce-only/close stop at the exchange, grouped by symbol. */
export async function fetchLiveStops(
  rest: TradingRest,
  journal: Journal,
  options?: RequestOptions,
): Promise<Map<string, SidedStop[]>> {
  return groupLiveStops(await fetchStopOrders(rest, options), journal);
}
