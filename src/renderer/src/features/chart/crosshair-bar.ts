import type { ISeriesApi, MouseEventParams, SeriesType } from 'lightweight-charts';
import type { Bar } from '../../stores/market.store.ts';

/** The part of a crosshair event the legend reads. */
export type CrosshairEvent = Pick<MouseEventParams, 'time' | 'seriesData'>;

/**
 * The bar under the crosshair, from the candle series' data and the volume pane's at that time;
 * undefined when the crosshair is off the bars (outside the data, or the mouse left the chart).
 */
export function barUnderCrosshair(
  event: CrosshairEvent,
  candles: ISeriesApi<SeriesType>,
  volume: ISeriesApi<SeriesType>,
): Bar | undefined {
  if (event.time === undefined) return undefined;
  const candle = event.seriesData.get(candles);
  if (candle === undefined || !('open' in candle)) return undefined;
  const traded = event.seriesData.get(volume);
  return {
    time: Number(candle.time),
    open: candle.open,
    high: candle.high,
    low: candle.low,
    close: candle.close,
    volume: traded !== undefined && 'value' in traded ? traded.value : 0,
  };
}
