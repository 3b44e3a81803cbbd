import type { CreatePriceLineOptions, IPriceLine } from 'lightweight-charts';
import { LineStyle } from 'lightweight-charts';
import type { Order } from '../../../../shared/domain/order.ts';

/** One open limit order as its line on the chart shows it (display only: a float price is fine on a canvas). */
export interface OrderLine {
  readonly clientOid: string;
  readonly side: 'buy' | 'sell';
  readonly purpose: 'entry' | 'close';
  /** Lots still to fill. */
  readonly lots: number;
  readonly price: number;
  /** For an entry: the stop it carries, as the exchange takes it. */
  readonly stopPrice: string | undefined;
  /** The price as the exchange holds it (decimal string). */
  readonly priceText: string;
}

const working = new Set(['ACKED', 'PARTIALLY_FILLED']);

/**
 * The symbol's open limit orders that the trader can move on the chart: entries and reduce-only
 * closes the exchange has confirmed — never a stop or a take-profit (their lines are the
 * position's), never an order still in doubt.
 */
export function openOrderLines(orders: Readonly<Record<string, Order>>, symbol: string): OrderLine[] {
  const lines: OrderLine[] = [];
  for (const order of Object.values(orders)) {
    // Stops and take-profits have lines of the position's; they are moved there, not amended.
    if (order.symbol !== symbol || order.type !== 'limit') continue;
    if (order.purpose === 'stop' || order.purpose === 'take-profit') continue;
    if (!working.has(order.status) || order.price === undefined) continue;
    const price = Number(order.price);
    if (!Number.isFinite(price) || price <= 0) continue;
    lines.push({
      clientOid: order.clientOid,
      side: order.side,
      purpose: order.purpose,
      lots: order.sizeLots - order.filledLots,
      price,
      stopPrice: order.stopPrice,
      priceText: order.price,
    });
  }
  return lines.sort((a, b) => a.clientOid.localeCompare(b.clientOid));
}

/** The one thing the line manager needs from a series: lines can be created and removed. */
export interface OrderLineHost {
  createPriceLine(options: CreatePriceLineOptions): IPriceLine;
  removePriceLine(line: IPriceLine): void;
}

/** Draws one line per open order; an order's line is moved while it lives and removed when it goes. */
export interface OrderLineManager {
  /** Draws these orders' lines, at the prices given; orders left out lose theirs. */
  setOrders(lines: readonly OrderLine[]): void;
}

/** How an order's line reads on the price scale: `Buy 2` for an entry, `Sell 1 close` for a close. */
export function orderLineTitle(line: Pick<OrderLine, 'side' | 'lots' | 'purpose'>): string {
  const side = line.side === 'buy' ? 'Buy' : 'Sell';
  return `${side} ${String(line.lots)}${line.purpose === 'close' ? ' close' : ''}`;
}

/** Lines keyed by clientOid: created once per order, moved with `applyOptions`, removed once it is done. */
export function createOrderLineManager(
  host: OrderLineHost,
  colors: { readonly buy: string; readonly sell: string },
): OrderLineManager {
  const drawn = new Map<string, { line: IPriceLine; price: number; title: string }>();
  return {
    setOrders(lines) {
      const keep = new Set(lines.map((line) => line.clientOid));
      for (const [clientOid, entry] of drawn)
        if (!keep.has(clientOid)) {
          host.removePriceLine(entry.line);
          drawn.delete(clientOid);
        }
      for (const line of lines) {
        const title = orderLineTitle(line);
        const current = drawn.get(line.clientOid);
        if (current === undefined) {
          const options = { price: line.price, color: colors[line.side], title, lineWidth: 1 as const };
          const created = host.createPriceLine({
            ...options,
            lineStyle: LineStyle.LargeDashed,
            axisLabelVisible: true,
          });
          drawn.set(line.clientOid, { line: created, price: line.price, title });
        } else if (current.price !== line.price || current.title !== title) {
          current.line.applyOptions({ price: line.price, title });
          drawn.set(line.clientOid, { ...current, price: line.price, title });
        }
      }
    },
  };
}
