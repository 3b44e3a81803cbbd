/**
 * The candle series a chart has asked for (`market:get-candles`). Main follows more series than
 * any chart shows — the multi-timeframe analysis keeps four timeframes per contract live — and
 * only a charted series' candle updates are worth an IPC message to the renderer: in a fast market
 * the others were about four pushes in five, each one woken up in the window for nothing.
 */
export interface ChartedSeries {
  /** A chart asked for this series: its live candles go to the renderer from now on. */
  note(symbol: string, timeframe: string): void;
  /** Whether a chart asked for this series (recently: the newest `keep` series are remembered). */
  has(symbol: string, timeframe: string): boolean;
}

/**
 * The newest `keep` series asked for, most recent last: a timeframe switch moves the chart on, and
 * the series it left stops being pushed once `keep` newer ones were asked for.
 */
export function createChartedSeries(keep = 4): ChartedSeries {
  const asked: string[] = [];
  const keyOf = (symbol: string, timeframe: string): string => `${symbol}:${timeframe}`;
  return {
    note: (symbol, timeframe) => {
      const key = keyOf(symbol, timeframe);
      const at = asked.indexOf(key);
      if (at >= 0) asked.splice(at, 1);
      asked.push(key);
      if (asked.length > keep) asked.shift();
    },
    has: (symbol, timeframe) => asked.includes(keyOf(symbol, timeframe)),
  };
}
