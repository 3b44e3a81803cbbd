import { create } from 'zustand';

/** Whether the kill switch's confirmation is open: its header button and Shift+K both open it. */
export interface KillSwitchPromptState {
  readonly opened: boolean;
  readonly setOpened: (opened: boolean) => void;
}

/** Hook store for the kill switch's confirmation (UI only; the switch itself is main's). */
export const useKillSwitchPrompt = create<KillSwitchPromptState>()((set) => ({
  opened: false,
  setOpened: (opened) => {
    set({ opened });
  },
}));
