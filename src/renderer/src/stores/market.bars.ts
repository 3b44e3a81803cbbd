import type { Candle } from '../../../shared/ipc/channels/market.ts';
import type { Bar } from './market.store.ts';

/** A candle from main as a chart bar: time in whole epoch seconds (the bar's open). */
export function toBar(candle: Candle): Bar {
  return {
    time: Math.floor(candle.openTimeMs / 1000),
    open: candle.open,
    high: candle.high,
    low: candle.low,
    close: candle.close,
    volume: candle.volume,
  };
}

/**
 * Candles as `setData` needs them: ascending by time, one bar per time (the last one received
 * for a time wins — it is the freshest state of that bar). lightweight-charts throws otherwise.
 */
export function toBarHistory(candles: readonly Candle[]): Bar[] {
  const byTime = new Map<number, Bar>();
  for (const candle of candles) {
    const bar = toBar(candle);
    byTime.set(bar.time, bar);
  }
  return [...byTime.values()].sort((a, b) => a.time - b.time);
}
