import type { CreatePriceLineOptions, IPriceLine, LineStyle } from 'lightweight-charts';

/** The lines a position draws on its chart. */
export const priceLineKinds = ['entry', 'stop', 'trailing', 'take-profit', 'liquidation'] as const;
/** One of {@link priceLineKinds}. */
export type PriceLineKind = (typeof priceLineKinds)[number];

/** The one thing the manager needs from a series (lets tests pass a fake: the chart needs a canvas). */
export interface PriceLineHost {
  createPriceLine(options: CreatePriceLineOptions): IPriceLine;
}

/** How each kind looks: colour, title, dashed or solid. */
export type PriceLineStyles = Readonly<
  Record<PriceLineKind, { readonly color: string; readonly title: string; readonly lineStyle: LineStyle }>
>;

/** Moves the lines; never recreates one. */
export interface PriceLineManager {
  /** Puts a line at `price`, or hides it when `price` is undefined. */
  set(kind: PriceLineKind, price: number | undefined): void;
  /** Sets them all at once; kinds left out are hidden. */
  setAll(prices: Partial<Record<PriceLineKind, number>>): void;
}

/**
 * Each line is created on first use with `createPriceLine` and from then on only moved or hidden
 * with `applyOptions` — creating lines per tick would leak them and redraw the scale
 * (lightweight-charts docs, "Price lines"). Unchanged prices cost nothing.
 */
export function createPriceLineManager(host: PriceLineHost, styles: PriceLineStyles): PriceLineManager {
  const lines = new Map<PriceLineKind, IPriceLine>();
  const shown = new Map<PriceLineKind, number | undefined>();
  const set = (kind: PriceLineKind, price: number | undefined): void => {
    if (price !== undefined && !Number.isFinite(price)) return;
    if (lines.has(kind) && shown.get(kind) === price) return;
    shown.set(kind, price);
    const line = lines.get(kind);
    if (line === undefined) {
      if (price === undefined) return;
      const style = styles[kind];
      lines.set(kind, host.createPriceLine({ price, ...style, lineWidth: 1, axisLabelVisible: true }));
      return;
    }
    if (price === undefined) line.applyOptions({ lineVisible: false, axisLabelVisible: false });
    else line.applyOptions({ price, lineVisible: true, axisLabelVisible: true });
  };
  return {
    set,
    setAll: (prices) => {
      for (const kind of priceLineKinds) set(kind, prices[kind]);
    },
  };
}
