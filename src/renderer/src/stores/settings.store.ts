import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { z } from 'zod';
import type { timeframeSchema } from '../../../shared/ipc/channels/market.ts';

/** A timeframe `market:get-candles` accepts. */
export type Timeframe = z.infer<typeof timeframeSchema>;

/** Chart timeframes the trade view offers (a subset of what the market channel accepts). */
export const chartTimeframes: readonly Timeframe[] = ['1m', '5m', '15m', '1h', '4h', '1d'];

const defaultTimeframe: Timeframe = '15m';

/**
 * Settings saved by an older version: version 2 kept its fields (they are the same names), but a
 * timeframe the chart no longer offers (30m) falls back to the default; version 1 used minutes
 * and is dropped for the defaults rather than guessed at.
 */
export function migrateSettings(saved: unknown, version: number): Record<string, unknown> {
  if (version < 2 || typeof saved !== 'object' || saved === null) return {};
  const fields = saved as Record<string, unknown>;
  const offered = chartTimeframes.find((tf) => tf === fields.timeframe);
  return { ...fields, timeframe: offered ?? defaultTimeframe };
}

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
      timeframe: defaultTimeframe,
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
    // Version 2 switched timeframes from minutes to the market channel's names; version 3 offers
    // fewer of them (see migrateSettings).
    { name: 'bulwark-settings', version: 3, migrate: (saved, version) => migrateSettings(saved, version) },
  ),
);
