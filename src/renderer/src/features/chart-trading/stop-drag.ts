import type { Position } from '../../../../shared/domain/position.ts';
import { showGrab } from './grab-cursor.ts';
import type { HeldLines } from './held-lines.ts';
import { grabsLine, snapToTick, stopDropPreview, type StopDropPreview } from './stop-drop.ts';
import { dropHoldMs, listenForDrag, localY } from './drag-events.ts';

/** What the drag needs from the chart (lightweight-charts' IChartApi, or a test double). */
export interface DragChart {
  applyOptions(options: { handleScroll: boolean; handleScale: boolean }): void;
}

/** What the drag needs from the candle series: price ↔ pixel on its price scale. */
export interface DragSeries {
  priceToCoordinate(price: number): number | null;
  coordinateToPrice(y: number): number | null;
}

/** The outcome of a drop, for the label under the chart. */
export type DropOutcome =
  | { readonly kind: 'moved'; readonly stopPrice: string }
  | { readonly kind: 'refused'; readonly message: string };

/** Everything the stop drag reads and calls; the hook wires it to the stores and the bridge. */
export interface StopDragDeps {
  readonly container: HTMLElement;
  readonly chart: DragChart;
  readonly series: DragSeries;
  readonly lines: HeldLines;
  /** The position of the chart's symbol and the price its stop line is drawn at (undefined: no draggable stop). */
  readonly readStop: () => { readonly position: Position; readonly stopPrice: number } | undefined;
  readonly readContract: () => { readonly tickSize: string; readonly multiplier: string } | undefined;
  readonly onPreview: (preview: StopDropPreview | undefined, y: number) => void;
  /** Sends the move through main's risk rules and the watchdog; rejects with the reason it was refused. */
  readonly moveStop: (symbol: string, stopPrice: string) => Promise<void>;
  readonly onDrop: (outcome: DropOutcome) => void;
  /** A click (no drag) on the chart at a price; `withShift` asks for the ticket's stop instead of its limit. */
  readonly onPickPrice: (price: string, withShift: boolean) => void;
}

/** A press that moves less than this is a click, not a drag. */
const clickSlopPx = 3;

interface Drag {
  readonly position: Position;
  preview: StopDropPreview | undefined;
}

function previewAt(deps: StopDragDeps, drag: Drag, y: number): StopDropPreview | undefined {
  const contract = deps.readContract();
  const raw = deps.series.coordinateToPrice(y);
  if (contract === undefined || raw === null) return undefined;
  const stopPrice = snapToTick(raw, contract.tickSize);
  return stopPrice === undefined ? undefined : stopDropPreview(drag.position, stopPrice, contract.multiplier);
}

function endDrag(deps: StopDragDeps, drag: Drag): void {
  deps.chart.applyOptions({ handleScroll: true, handleScale: true });
  deps.onPreview(undefined, 0);
  const preview = drag.preview;
  if (preview === undefined) {
    deps.lines.release('stop');
    return;
  }
  if (preview.refusal !== undefined) {
    deps.lines.release('stop');
    deps.onDrop({ kind: 'refused', message: preview.refusal });
    return;
  }
  deps.moveStop(drag.position.symbol, preview.stopPrice).then(
    () => {
      deps.lines.releaseWhenConfirmed('stop', dropHoldMs);
      deps.onDrop({ kind: 'moved', stopPrice: preview.stopPrice });
    },
    (error: unknown) => {
      deps.lines.release('stop');
      deps.onDrop({ kind: 'refused', message: error instanceof Error ? error.message : String(error) });
    },
  );
}

/** Hover: show that the stop line can be grabbed, and publish its pixel row for assistive tests. */
function hover(deps: StopDragDeps, y: number): void {
  const stop = deps.readStop();
  const lineY = stop === undefined ? null : deps.series.priceToCoordinate(stop.stopPrice);
  deps.container.dataset.stopY = lineY === null ? '' : String(Math.round(lineY));
  showGrab(deps.container, 'stop', grabsLine(y, lineY));
}

function pickPrice(deps: StopDragDeps, y: number, withShift: boolean): void {
  const contract = deps.readContract();
  const raw = deps.series.coordinateToPrice(y);
  if (contract === undefined || raw === null) return;
  const price = snapToTick(raw, contract.tickSize);
  if (price !== undefined) deps.onPickPrice(price, withShift);
}

/**
 * Chart trading on the stop line: press within a few pixels of it and drag; the line follows the
 * pointer on the tick with the loss at the stop and the distance to liquidation beside it; on
 * release a stop beyond liquidation or through the mark snaps back, any other goes to
 * `trading:move-stop`, and a refusal from main snaps it back with main's reason. Escape cancels.
 * A plain click elsewhere picks the price for the ticket. The chart's own scrolling is off only
 * while a drag lasts.
 * @returns a function that removes the listeners.
 */
export function attachStopDrag(deps: StopDragDeps): () => void {
  const { container } = deps;
  let drag: Drag | undefined;
  let press: { readonly y: number; readonly shift: boolean } | undefined;
  const down = (event: PointerEvent): void => {
    const y = localY(container, event);
    const stop = deps.readStop();
    if (stop !== undefined && grabsLine(y, deps.series.priceToCoordinate(stop.stopPrice))) {
      // Captured before the chart's own panes see it: the chart must not start panning under the drag.
      event.preventDefault();
      event.stopPropagation();
      container.setPointerCapture(event.pointerId);
      deps.chart.applyOptions({ handleScroll: false, handleScale: false });
      drag = { position: stop.position, preview: undefined };
      deps.lines.hold('stop', stop.stopPrice);
      return;
    }
    press = { y, shift: event.shiftKey };
  };
  const move = (event: PointerEvent): void => {
    const y = localY(container, event);
    if (drag === undefined) {
      hover(deps, y);
      return;
    }
    drag.preview = previewAt(deps, drag, y);
    if (drag.preview !== undefined) deps.lines.hold('stop', Number(drag.preview.stopPrice));
    deps.onPreview(drag.preview, y);
  };
  const up = (event: PointerEvent): void => {
    const y = localY(container, event);
    if (drag !== undefined) {
      const ended = drag;
      drag = undefined;
      endDrag(deps, ended);
    } else if (press !== undefined && Math.abs(y - press.y) < clickSlopPx) pickPrice(deps, y, press.shift);
    press = undefined;
  };
  const key = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || drag === undefined) return;
    drag = undefined;
    deps.chart.applyOptions({ handleScroll: true, handleScale: true });
    deps.lines.release('stop');
    deps.onPreview(undefined, 0);
  };
  return listenForDrag(container, { down, move, up, key });
}
