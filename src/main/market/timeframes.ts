/** Chart timeframes and how KuCoin names them: REST granularity in minutes, WS candle type (docs/reference/kucoin-futures.md#ws-public-topics). */
export const timeframes = {
  '1m': { minutes: 1, wsType: '1min' },
  '5m': { minutes: 5, wsType: '5min' },
  '15m': { minutes: 15, wsType: '15min' },
  '30m': { minutes: 30, wsType: '30min' },
  '1h': { minutes: 60, wsType: '1hour' },
  '2h': { minutes: 120, wsType: '2hour' },
  '4h': { minutes: 240, wsType: '4hour' },
  '8h': { minutes: 480, wsType: '8hour' },
  '12h': { minutes: 720, wsType: '12hour' },
  '1d': { minutes: 1440, wsType: '1day' },
  '1w': { minutes: 10080, wsType: '1week' },
} as const;

/** A chart timeframe such as `1m` or `4h`. */
export type Timeframe = keyof typeof timeframes;

/** Bar length in ms. */
export function timeframeMs(timeframe: Timeframe): number {
  return timeframes[timeframe].minutes * 60_000;
}
