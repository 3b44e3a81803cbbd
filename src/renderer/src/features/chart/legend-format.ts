import type { Bar } from '../../stores/market.store.ts';

/** The legend's text for one bar: each value already formatted, and which way the bar went. */
export interface LegendFields {
  readonly open: string;
  readonly high: string;
  readonly low: string;
  readonly close: string;
  readonly volume: string;
  readonly direction: 'up' | 'down';
}

/** A price at the contract's tick precision; before the contract is known, as the number came. */
export function formatPrice(price: number, precision: number | undefined): string {
  return precision === undefined ? String(price) : price.toFixed(precision);
}

const volumeUnits = [
  { from: 1e9, suffix: 'B' },
  { from: 1e6, suffix: 'M' },
  { from: 1e3, suffix: 'K' },
] as const;

/** Volume shortened the way trading screens show it: 950, 12.3K, 4.56M (three significant digits). */
export function formatVolume(volume: number): string {
  const unit = volumeUnits.find((candidate) => Math.abs(volume) >= candidate.from);
  if (unit === undefined) return String(Number(volume.toPrecision(3)));
  return `${String(Number((volume / unit.from).toPrecision(3)))}${unit.suffix}`;
}

/** The legend's fields for `bar`, prices at `pricePrecision` decimals (the tick's). */
export function legendFields(bar: Bar, pricePrecision: number | undefined): LegendFields {
  return {
    open: formatPrice(bar.open, pricePrecision),
    high: formatPrice(bar.high, pricePrecision),
    low: formatPrice(bar.low, pricePrecision),
    close: formatPrice(bar.close, pricePrecision),
    volume: formatVolume(bar.volume),
    direction: bar.close >= bar.open ? 'up' : 'down',
  };
}
