import { create } from 'zustand';
import type { KillSwitchReport } from '../../../shared/ipc/channels/trading.ts';

/** The last kill switch's report, kept until the trader dismisses it (UI state, not persisted). */
export interface KillReportState {
  readonly report: (KillSwitchReport & { readonly at: number }) | undefined;
  readonly show: (report: KillSwitchReport) => void;
  readonly dismiss: () => void;
}

/** Hook store for the kill switch report the dock shows. */
export const useKillReport = create<KillReportState>()((set) => ({
  report: undefined,
  show: (report) => {
    set({ report: { ...report, at: Date.now() } });
  },
  dismiss: () => {
    set({ report: undefined });
  },
}));
