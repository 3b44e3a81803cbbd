import { create } from 'zustand';
import type { DropOutcome } from './stop-drag.ts';
import type { StopDropPreview } from './stop-drop.ts';

/** The stop drag as the label beside the line shows it: the live preview, then the drop's outcome. */
export interface StopDragState {
  readonly preview: StopDropPreview | undefined;
  /** Pixel row of the pointer in the chart, to put the label beside the line. */
  readonly y: number;
  readonly lastDrop: (DropOutcome & { readonly at: number }) | undefined;
}

/** Hook store for the drag label; written only while a drag lasts and once per drop. */
export const useStopDragStore = create<StopDragState>()(() => ({
  preview: undefined,
  y: 0,
  lastDrop: undefined,
}));
