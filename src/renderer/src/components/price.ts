/** Decimals a tick size allows: "0.1" → 1, "1" → 0, "0.00001" → 5; undefined for a malformed tick. */
export function tickDecimals(tickSize: string | undefined): number | undefined {
  if (tickSize === undefined || !/^\d+(\.\d+)?$/.test(tickSize) || !(Number(tickSize) > 0)) return undefined;
  return (tickSize.split('.')[1] ?? '').replace(/0+$/, '').length;
}

/**
 * A price as the exchange quotes it: to the contract's tick ("70434.09417" at tick 0.1 →
 * "70434.1"). Without a known tick the exchange's own string is shown as it came; a missing or
 * unreadable price reads "unknown", never a made-up number.
 */
export function formatPrice(price: string | number | undefined, tickSize: string | undefined): string {
  if (price === undefined || price === '') return 'unknown';
  const value = Number(price);
  if (!Number.isFinite(value)) return 'unknown';
  const decimals = tickDecimals(tickSize);
  if (decimals === undefined) return String(price);
  const tick = Number(tickSize);
  return (Math.round(value / tick) * tick).toFixed(decimals);
}

/** A signed percentage with two decimals: +1.23 % / −0.40 %; "unknown" when absent. */
export function formatSignedPct(pct: number | undefined, decimals = 2): string {
  if (pct === undefined || !Number.isFinite(pct)) return 'unknown';
  const text = Math.abs(pct).toFixed(decimals);
  return `${pct < 0 ? '−' : '+'}${text} %`;
}
