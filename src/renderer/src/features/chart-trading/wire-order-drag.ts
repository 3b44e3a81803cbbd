import { call } from '../../bridge/index.ts';
import { marketStore } from '../../stores/market.store.ts';
import { tradingColors } from '../../theme/theme.ts';
import { createOrderLineManager, type OrderLineHost } from '../chart/order-lines.ts';
import { holdableOrderLines, type HeldOrderLines } from './held-order-lines.ts';
import { attachOrderDrag } from './order-drag.ts';
import { useOrderDragStore } from './order-drag.store.ts';
import type { DragChart, DragSeries } from './stop-drag.ts';

/** What the chart hands over for its open orders' lines. */
export interface OrderDragHandles {
  readonly container: HTMLElement;
  readonly chart: DragChart;
  readonly series: DragSeries & OrderLineHost;
  /** The chart's symbol now (the chart outlives a symbol switch). */
  readonly symbol: () => string;
}

/**
 * The chart's open limit orders as lines the trader can drag: a drop goes through
 * `trading:amend-order` (main checks the replacement, cancels, confirms, places the rest), and the
 * label store shows the preview and main's answer. Attach it before the stop drag.
 * @returns the order lines to feed (held while dragged) and the function that detaches it all.
 */
export function wireOrderDrag(handles: OrderDragHandles): {
  readonly lines: HeldOrderLines;
  readonly detach: () => void;
} {
  const lines = holdableOrderLines(
    createOrderLineManager(handles.series, { buy: tradingColors.up, sell: tradingColors.down }),
  );
  const detach = attachOrderDrag({
    container: handles.container,
    chart: handles.chart,
    series: handles.series,
    lines,
    readContract: () => marketStore.getState().contracts[handles.symbol()],
    onPreview: (preview, y) => {
      useOrderDragStore.setState({ preview, y });
    },
    amendOrder: (clientOid, price) => call('trading:amend-order', { clientOid, price }),
    onDrop: (outcome) => {
      useOrderDragStore.setState({ lastDrop: { ...outcome, at: Date.now() } });
    },
  });
  return { lines, detach };
}
