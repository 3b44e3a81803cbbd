/**
 * ATR for trading (ADR 0705): the trailing stop's "ATR multiple" distance and the liquidation
 * distance in ATRs read the analysis' incremental ATR instead of fetching candles themselves.
 */
import { timeframes, type Timeframe } from '../market/timeframes.ts';

/** A synchronous source of ATR values, kept current from the candle stream. */
export interface AtrSource {
  /**
   * ATR in price units over `period` bars of `timeframe` (forming bar included), or undefined while
   * unknown (never a guess): the first ask for a contract, timeframe or period starts following it,
   * and the value appears once its history is in. Asking keeps it followed
   * (`analysis.tracking.atrDemandTtlMs` after the last ask).
   */
  atr(symbol: string, timeframe: Timeframe, period: number): number | undefined;
}

/** The timeframe of a bar length in minutes (`60` → `1h`), or undefined for a length KuCoin has no klines of. */
export function timeframeOfMinutes(minutes: number): Timeframe | undefined {
  for (const [timeframe, spec] of Object.entries(timeframes) as [
    Timeframe,
    (typeof timeframes)[Timeframe],
  ][]) {
    if (spec.minutes === minutes) return timeframe;
  }
  return undefined;
}
