import { create } from 'zustand';
import type { AmendDropOutcome } from './order-drag.ts';
import type { OrderDropPreview } from './order-drop.ts';

/** The order drag as the label beside the line shows it: the live preview, then the drop's outcome. */
export interface OrderDragState {
  readonly preview: OrderDropPreview | undefined;
  /** Pixel row of the pointer in the chart, to put the label beside the line. */
  readonly y: number;
  readonly lastDrop: (AmendDropOutcome & { readonly at: number }) | undefined;
}

/** Hook store for the order drag's label; written only while a drag lasts and once per drop. */
export const useOrderDragStore = create<OrderDragState>()(() => ({
  preview: undefined,
  y: 0,
  lastDrop: undefined,
}));
