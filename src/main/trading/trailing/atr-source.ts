/**
 * Where trading reads ATR (ADR 0705): the analysis room's incremental ATR, kept current from the
 * candle stream (src/main/analysis implements this port). A value not yet known is undefined —
 * an ATR trailing stop then waits instead of moving on a guess.
 */
import { timeframes, type Timeframe } from '../../market/timeframes.ts';

/** A synchronous source of ATR values in price units. */
export interface AtrSource {
  atr(symbol: string, timeframe: Timeframe, period: number): number | undefined;
}

/** The timeframe of a bar length in minutes (`60` → `1h`), or undefined for a length KuCoin has no klines of. */
export function timeframeOfMinutes(minutes: number): Timeframe | undefined {
  return (Object.keys(timeframes) as Timeframe[]).find(
    (timeframe) => timeframes[timeframe].minutes === minutes,
  );
}

/** ATR over `period` bars of `minutes`-long bars, when the source knows it. */
export function atrOf(
  source: AtrSource,
  symbol: string,
  minutes: number,
  period: number,
): number | undefined {
  const timeframe = timeframeOfMinutes(minutes);
  return timeframe === undefined ? undefined : source.atr(symbol, timeframe, period);
}
