import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { z } from 'zod';
import type { timeframeSchema } from '../../../shared/ipc/channels/market.ts';

/** A timeframe `market:get-candles` accepts. */
export type Timeframe = z.infer<typeof timeframeSchema>;

/** Chart timeframes the trade view offers (a subset of what the market channel accepts). */
export const chartTimeframes: readonly Timeframe[] = ['1m', '5m', '15m', '30m', '1h', '4h', '1d'];

/** The trader's view preferences, kept in localStorage between sessions (nothing secret). */
export interface SettingsState {
  readonly symbol: string;
  readonly timeframe: Timeframe;
  /** Last "risk X USDT at this stop" amount, as typed. */
  readonly riskUsdt: string;
  /** Contracts the trader starred: listed first in the contract switcher. */
  readonly favourites: readonly string[];
  readonly setSymbol: (symbol: string) => void;
  readonly setTimeframe: (timeframe: Timeframe) => void;
  readonly setRiskUsdt: (riskUsdt: string) => void;
  readonly toggleFavourite: (symbol: string) => void;
}

/** Hook store for view preferences (low rate). */
export const useSettingsStore = create<SettingsState>()(
  persist(
    (set) => ({
      symbol: 'XBTUSDTM',
      timeframe: '15m',
      riskUsdt: '',
      favourites: [],
      setSymbol: (symbol) => {
        set({ symbol });
      },
      setTimeframe: (timeframe) => {
        set({ timeframe });
      },
      setRiskUsdt: (riskUsdt) => {
        set({ riskUsdt });
      },
      toggleFavourite: (symbol) => {
        set((state) => ({
          favourites: state.favourites.includes(symbol)
            ? state.favourites.filter((s) => s !== symbol)
            : [...state.favourites, symbol],
        }));
      },
    }),
    // Version 2 switched timeframes from minutes to the market channel's names; older saved
    // settings are dropped for the defaults rather than guessed at.
    { name: 'bulwark-settings', version: 2, migrate: () => ({}) },
  ),
);
