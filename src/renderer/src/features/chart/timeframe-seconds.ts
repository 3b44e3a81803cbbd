import type { Timeframe } from '../../stores/settings.store.ts';

/** Length of one bar of each timeframe, in seconds (bars open on multiples of it, in UTC). */
export const timeframeSeconds: Readonly<Record<Timeframe, number>> = {
  '1m': 60,
  '5m': 300,
  '15m': 900,
  '30m': 1_800,
  '1h': 3_600,
  '2h': 7_200,
  '4h': 14_400,
  '8h': 28_800,
  '12h': 43_200,
  '1d': 86_400,
  '1w': 604_800,
};
