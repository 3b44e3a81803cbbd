import { call } from '../../bridge/index.ts';
import { marketStore } from '../../stores/market.store.ts';
import { tradingStore } from '../../stores/trading.store.ts';
import { positionLinePrices } from '../chart/position-lines.ts';
import type { PriceLineManager } from '../chart/price-lines.ts';
import { useStopDragStore } from './drag.store.ts';
import { holdableLines, type HeldLines } from './held-lines.ts';
import { attachStopDrag, type DragChart, type DragSeries } from './stop-drag.ts';

/** What the chart hands over once it exists. */
export interface ChartHandles {
  readonly container: HTMLElement;
  readonly chart: DragChart;
  readonly series: DragSeries;
  readonly lines: PriceLineManager;
  /** The chart's symbol now (the chart outlives a symbol switch). */
  readonly symbol: () => string;
  /** A click on the chart at a price: the ticket's limit price, or its stop price with Shift. */
  readonly onPickPrice: (price: string, withShift: boolean) => void;
}

/**
 * Chart trading for a chart: the stop line becomes draggable (only the plain stop: a live trailing
 * stop is moved by its trail, not by hand), the move goes through `trading:move-stop` — main's risk
 * rules and the protection watchdog — and the label store shows the preview and the outcome.
 * @returns the lines to feed (held while dragged) and the function that detaches it all.
 */
export function wireStopDrag(handles: ChartHandles): {
  readonly lines: HeldLines;
  readonly detach: () => void;
} {
  const lines = holdableLines(handles.lines);
  const detach = attachStopDrag({
    container: handles.container,
    chart: handles.chart,
    series: handles.series,
    lines,
    readStop: () => {
      const state = tradingStore.getState();
      const position = state.positions[handles.symbol()];
      const stopPrice = positionLinePrices(position, state.trailing[handles.symbol()]?.stopPrice).stop;
      return position === undefined || stopPrice === undefined ? undefined : { position, stopPrice };
    },
    readContract: () => marketStore.getState().contracts[handles.symbol()],
    onPreview: (preview, y) => {
      useStopDragStore.setState({ preview, y });
    },
    moveStop: async (symbol, stopPrice) => {
      await call('trading:move-stop', { symbol, stopPrice });
    },
    onDrop: (outcome) => {
      useStopDragStore.setState({ lastDrop: { ...outcome, at: Date.now() } });
    },
    onPickPrice: handles.onPickPrice,
  });
  return { lines, detach };
}
