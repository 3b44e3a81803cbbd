import type { OrderLine } from '../chart/order-lines.ts';
import { showGrab } from './grab-cursor.ts';
import type { HeldOrderLines } from './held-order-lines.ts';
import { orderDropPreview, type OrderDropPreview } from './order-drop.ts';
import type { DragChart, DragSeries } from './stop-drag.ts';
import { grabsLine, snapToTick } from './stop-drop.ts';
import { dropHoldMs, listenForDrag, localY } from './drag-events.ts';

/** What main answered to an amend (the `trading:amend-order` response, as far as the chart needs it). */
export interface AmendAnswer {
  readonly outcome: 'amended' | 'filled' | 'cancelled-not-replaced';
  readonly message: string;
}

/** The outcome of a drop, for the notice under the chart. */
export type AmendDropOutcome =
  | { readonly kind: 'amended'; readonly price: string; readonly message: string }
  | { readonly kind: 'filled'; readonly message: string }
  /** The old order was cancelled and the new one refused: stays on screen until dismissed. */
  | { readonly kind: 'not-replaced'; readonly message: string }
  | { readonly kind: 'refused'; readonly message: string };

/** Everything the order drag reads and calls; wire-order-drag.ts wires it to the stores and the bridge. */
export interface OrderDragDeps {
  readonly container: HTMLElement;
  readonly chart: DragChart;
  readonly series: DragSeries;
  readonly lines: HeldOrderLines;
  readonly readContract: () => { readonly tickSize: string; readonly multiplier: string } | undefined;
  readonly onPreview: (preview: OrderDropPreview | undefined, y: number) => void;
  /** Sends the amend to main; rejects with the reason it was refused (nothing changed then). */
  readonly amendOrder: (clientOid: string, price: string) => Promise<AmendAnswer>;
  readonly onDrop: (outcome: AmendDropOutcome) => void;
}

interface Drag {
  readonly line: OrderLine;
  preview: OrderDropPreview | undefined;
}

/** The order line nearest the pointer within grabbing distance, if any. */
function lineAt(deps: OrderDragDeps, y: number): OrderLine | undefined {
  let best: { line: OrderLine; distance: number } | undefined;
  for (const line of deps.lines.drawn()) {
    const row = deps.series.priceToCoordinate(line.price);
    if (row === null || !grabsLine(y, row)) continue;
    const distance = Math.abs(row - y);
    if (best === undefined || distance < best.distance) best = { line, distance };
  }
  return best?.line;
}

function previewAt(deps: OrderDragDeps, drag: Drag, y: number): OrderDropPreview | undefined {
  const contract = deps.readContract();
  const raw = deps.series.coordinateToPrice(y);
  if (contract === undefined || raw === null) return undefined;
  const price = snapToTick(raw, contract.tickSize);
  return price === undefined ? undefined : orderDropPreview(drag.line, price, contract.multiplier);
}

function outcomeOf(answer: AmendAnswer, price: string): AmendDropOutcome {
  if (answer.outcome === 'amended') return { kind: 'amended', price, message: answer.message };
  if (answer.outcome === 'filled') return { kind: 'filled', message: answer.message };
  return { kind: 'not-replaced', message: answer.message };
}

function endDrag(deps: OrderDragDeps, drag: Drag): void {
  deps.chart.applyOptions({ handleScroll: true, handleScale: true });
  deps.onPreview(undefined, 0);
  const { preview, line } = drag;
  if (preview === undefined || preview.price === line.priceText) {
    deps.lines.release(line.clientOid);
    return;
  }
  if (preview.refusal !== undefined) {
    deps.lines.release(line.clientOid);
    deps.onDrop({ kind: 'refused', message: preview.refusal });
    return;
  }
  deps.amendOrder(line.clientOid, preview.price).then(
    (answer) => {
      if (answer.outcome === 'amended') deps.lines.releaseWhenReplaced(line.clientOid, dropHoldMs);
      else deps.lines.release(line.clientOid);
      deps.onDrop(outcomeOf(answer, preview.price));
    },
    (error: unknown) => {
      deps.lines.release(line.clientOid);
      deps.onDrop({ kind: 'refused', message: error instanceof Error ? error.message : String(error) });
    },
  );
}

/** Hover: show that an order line can be grabbed, and publish the first one's pixel row for e2e tests. */
function hover(deps: OrderDragDeps, y: number): boolean {
  const first = deps.lines.drawn()[0];
  const row = first === undefined ? null : deps.series.priceToCoordinate(first.price);
  deps.container.dataset.orderY = row === null ? '' : String(Math.round(row));
  deps.container.dataset.orderOid = first?.clientOid ?? '';
  return lineAt(deps, y) !== undefined;
}

/**
 * Chart trading on open limit orders: press within a few pixels of an order's line and drag; the
 * line follows the pointer on the tick with the order's side, lots and (for an entry) the loss at
 * its unchanged stop beside it. On release the move goes to `trading:amend-order`; a refusal snaps
 * the line back with main's reason, a success holds the line at the new price until the new order
 * is reported. Escape cancels. Attach it before the stop drag: a press it takes goes no further.
 * @returns a function that removes the listeners.
 */
export function attachOrderDrag(deps: OrderDragDeps): () => void {
  const { container } = deps;
  let drag: Drag | undefined;
  const take = (event: Event): void => {
    // The chart's panes and the stop drag must not act on this press or move.
    event.preventDefault();
    event.stopImmediatePropagation();
  };
  const down = (event: PointerEvent): void => {
    const line = lineAt(deps, localY(container, event));
    if (line === undefined) return;
    take(event);
    container.setPointerCapture(event.pointerId);
    deps.chart.applyOptions({ handleScroll: false, handleScale: false });
    drag = { line, preview: undefined };
    deps.lines.hold(line.clientOid, line.price);
  };
  const move = (event: PointerEvent): void => {
    const y = localY(container, event);
    if (drag === undefined) {
      showGrab(container, 'order', hover(deps, y));
      return;
    }
    take(event);
    drag.preview = previewAt(deps, drag, y);
    if (drag.preview !== undefined) deps.lines.hold(drag.line.clientOid, Number(drag.preview.price));
    deps.onPreview(drag.preview, y);
  };
  const up = (event: PointerEvent): void => {
    if (drag === undefined) return;
    take(event);
    const ended = drag;
    drag = undefined;
    endDrag(deps, ended);
  };
  const key = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || drag === undefined) return;
    deps.lines.release(drag.line.clientOid);
    drag = undefined;
    deps.chart.applyOptions({ handleScroll: true, handleScale: true });
    deps.onPreview(undefined, 0);
  };
  return listenForDrag(container, { down, move, up, key });
}
