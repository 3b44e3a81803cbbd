import type { Bar } from '../../stores/market.store.ts';

/** The volume pane's colours: a rising bar's volume in the up colour, a falling one's in the down colour. */
export interface VolumeColors {
  readonly up: string;
  readonly down: string;
}

/** One histogram point of the volume pane (time in epoch seconds, as the candles). */
export interface VolumeBar {
  readonly time: number;
  readonly value: number;
  readonly color: string;
}

/**
 * A bar's volume coloured by its direction, the way the candle itself is drawn: close at or
 * above open is up (a doji counts as up, as lightweight-charts draws it), below is down.
 */
export function toVolumeBar(bar: Bar, colors: VolumeColors): VolumeBar {
  return { time: bar.time, value: bar.volume, color: bar.close >= bar.open ? colors.up : colors.down };
}
