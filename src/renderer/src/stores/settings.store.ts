import { create } from 'zustand';
import { persist } from 'zustand/middleware';

/** Chart timeframes the trade view offers, in minutes (KuCoin futures granularities). */
export const timeframesMin = [1, 5, 15, 30, 60, 240, 1440] as const;
/** One of {@link timeframesMin}. */
export type TimeframeMin = (typeof timeframesMin)[number];

/** The trader's view preferences, kept in localStorage between sessions (nothing secret). */
export interface SettingsState {
  readonly symbol: string;
  readonly timeframeMin: TimeframeMin;
  /** Last "risk X USDT at this stop" amount, as typed. */
  readonly riskUsdt: string;
  readonly setSymbol: (symbol: string) => void;
  readonly setTimeframe: (timeframeMin: TimeframeMin) => void;
  readonly setRiskUsdt: (riskUsdt: string) => void;
}

/** Hook store for view preferences (low rate). */
export const useSettingsStore = create<SettingsState>()(
  persist(
    (set) => ({
      symbol: 'XBTUSDTM',
      timeframeMin: 15,
      riskUsdt: '',
      setSymbol: (symbol) => {
        set({ symbol });
      },
      setTimeframe: (timeframeMin) => {
        set({ timeframeMin });
      },
      setRiskUsdt: (riskUsdt) => {
        set({ riskUsdt });
      },
    }),
    { name: 'bulwark-settings', version: 1 },
  ),
);
