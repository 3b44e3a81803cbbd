import { create } from 'zustand';
import type { DockTab } from '../features/terminal/dock-tabs.ts';

/**
 * The views the header switches between, in the order it lists them. `trade` is the one-screen
 * terminal (chart, book, ticket and the dock of positions, orders, fills and alerts); the others
 * are full pages a trader visits away from the market (ADR 0520).
 */
export const views = ['trade', 'journal', 'track-record', 'health', 'metrics', 'settings'] as const;
/** One of {@link views}. */
export type ViewName = (typeof views)[number];

/** UI-only state: which view and which dock tab are showing. Nothing here comes from the engine. */
export interface UiState {
  readonly activeView: ViewName;
  readonly dockTab: DockTab;
  readonly showView: (view: ViewName) => void;
  /** Opens the terminal with this dock tab in front (a notification click, a hotkey). */
  readonly showDockTab: (tab: DockTab) => void;
}

/** Hook store for UI state (low rate, React-only). */
export const useUiStore = create<UiState>()((set) => ({
  activeView: 'trade',
  dockTab: 'positions',
  showView: (view) => {
    set({ activeView: view });
  },
  showDockTab: (tab) => {
    set({ activeView: 'trade', dockTab: tab });
  },
}));
