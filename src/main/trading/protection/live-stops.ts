/** Exchange stop orders → the live stops that protect positions (§3.3 GET /api/v1/stopOrders). */
import type { KucoinOrder } from '../../exchange/kucoin/schemas/orders.ts';
import type { TradingRest } from '../client-port.ts';
import type { LiveStop } from './stop-plan.ts';

/** A live stop with the side that it closes. */
export interface SidedStop extends LiveStop {
  readonly symbol: string;
  readonly side: 'buy' | 'sell';
  /** A closeOrder stop closes whatever the position is; it covers any size. */
  readonly closesAll: boolean;
}

function toStop(item: KucoinOrder): SidedStop | undefined {
  const protective = item.reduceOnly === true || item.closeOrder === true;
  if (!protective || item.stopPrice === undefined || item.stopTriggered === true) return undefined;
  return {
    symbol: item.symbol,
    side: item.side,
    clientOid: item.clientOid ?? '',
    exchangeOrderId: item.id,
    sizeLots: item.size,
    stopPrice: item.stopPrice,
    closesAll: item.closeOrder === true,
  };
}

/** Every untriggered stop order at the exchange (all pages). */
export async function fetchStopOrders(rest: TradingRest): Promise<KucoinOrder[]> {
  const items: KucoinOrder[] = [];
  for (let page = 1; page <= 20; page += 1) {
    const answer = await rest.listStopOrders({ currentPage: page, pageSize: 100 });
    items.push(...answer.items);
    if (page >= answer.totalPage) break;
  }
  return items;
}

/** The protective (reduce-only/close) stops among `items`, grouped by symbol. */
export function groupLiveStops(items: readonly KucoinOrder[]): Map<string, SidedStop[]> {
  const bySymbol = new Map<string, SidedStop[]>();
  for (const item of items) {
    const stop = toStop(item);
    if (stop === undefined) continue;
    const list = bySymbol.get(stop.symbol) ?? [];
    list.push(stop);
    bySymbol.set(stop.symbol, list);
  }
  return bySymbol;
}

/** Every untriggered reduce-only/close stop at the exchange, grouped by symbol. */
export async function fetchLiveStops(rest: TradingRest): Promise<Map<string, SidedStop[]>> {
  return groupLiveStops(await fetchStopOrders(rest));
}
