import { create } from 'zustand';

/** The views the navbar switches between, in the order it lists them. */
export const views = [
  'trade',
  'positions',
  'orders',
  'journal',
  'track-record',
  'alerts',
  'health',
  'settings',
] as const;
/** One of {@link views}. */
export type ViewName = (typeof views)[number];

/** UI-only state: which view is showing. Nothing here comes from the engine. */
export interface UiState {
  readonly activeView: ViewName;
  readonly showView: (view: ViewName) => void;
}

/** Hook store for UI state (low rate, React-only). */
export const useUiStore = create<UiState>()((set) => ({
  activeView: 'trade',
  showView: (view) => {
    set({ activeView: view });
  },
}));
