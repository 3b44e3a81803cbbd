import type { ResponseOf } from '../../bridge/index.ts';
import { formatPrice } from './legend-format.ts';

/** One journal entry as `trading:query-journal` answers it. */
export type JournalEntry = ResponseOf<'trading:query-journal'>[number];

/** One of our fills as the chart marks it: price as a number is display only, never a decision. */
export interface ChartFill {
  readonly side: 'buy' | 'sell';
  readonly price: number;
  readonly sizeLots: number;
  readonly atMs: number;
}

/**
 * A lightweight-charts series marker (time in epoch seconds, the bar's open) pinned to the fills'
 * average price: a buy's arrow points up at it from below, a sell's down at it from above.
 */
export interface FillMarker {
  readonly time: number;
  readonly price: number;
  readonly position: 'atPriceBottom' | 'atPriceTop';
  readonly shape: 'arrowUp' | 'arrowDown';
  readonly color: string;
  readonly text: string;
}

/**
 * The fills in `fill` journal entries (src/main/trading/fill-journal.ts: side, sizeLots, price and
 * the exchange's fill time). An entry that does not read as a fill is skipped, not guessed at.
 */
export function chartFills(entries: readonly JournalEntry[]): ChartFill[] {
  const fills: ChartFill[] = [];
  for (const entry of entries) {
    const { side, price, sizeLots } = entry.data;
    if (entry.kind !== 'fill' || (side !== 'buy' && side !== 'sell')) continue;
    if (typeof price !== 'string' || typeof sizeLots !== 'number' || sizeLots <= 0) continue;
    const value = Number(price);
    if (Number.isFinite(value) && value > 0) fills.push({ side, price: value, sizeLots, atMs: entry.at });
  }
  return fills;
}

/**
 * One marker per bar and side at the average price of its fills — buys as up arrows under it,
 * sells as down arrows over it — with the lots and that price. Fills before `firstBarTime` are left out — lightweight-charts would pin
 * them to the first loaded bar, at the wrong time; they appear once that history is loaded.
 */
export function fillMarkers(
  fills: readonly ChartFill[],
  options: {
    readonly barSeconds: number;
    readonly firstBarTime: number | undefined;
    readonly pricePrecision: number | undefined;
    readonly colors: { readonly up: string; readonly down: string };
  },
): FillMarker[] {
  if (options.firstBarTime === undefined) return [];
  const groups = new Map<string, { time: number; side: ChartFill['side']; lots: number; notional: number }>();
  for (const fill of fills) {
    const seconds = Math.floor(fill.atMs / 1000);
    const time = seconds - (seconds % options.barSeconds);
    if (time < options.firstBarTime) continue;
    const key = `${String(time)}:${fill.side}`;
    const group = groups.get(key) ?? { time, side: fill.side, lots: 0, notional: 0 };
    group.lots += fill.sizeLots;
    group.notional += fill.sizeLots * fill.price;
    groups.set(key, group);
  }
  return [...groups.values()]
    .sort((a, b) => a.time - b.time)
    .map((group) => {
      const price = group.notional / group.lots;
      const buy = group.side === 'buy';
      return {
        time: group.time,
        price,
        position: buy ? 'atPriceBottom' : 'atPriceTop',
        shape: buy ? 'arrowUp' : 'arrowDown',
        color: buy ? options.colors.up : options.colors.down,
        text: `${buy ? 'Buy' : 'Sell'} ${String(group.lots)} @ ${formatPrice(price, options.pricePrecision)}`,
      };
    });
}
