// Grab-and-drag of price lines on the chart canvas. A state machine fed with pointer heights
// (testable without a canvas) and a thin binding to the container's pointer events.
import { lineUnderPointer, type DraggableLine } from './line-drag.ts';

/** What the drag needs from the chart and what it tells its owner. */
export interface LineDragDeps {
  /** The lines that may be grabbed right now, at the prices they are drawn at. */
  readonly draggable: () => readonly DraggableLine[];
  /** Price → pane y (the series' `priceToCoordinate`). */
  readonly toY: (price: number) => number | null;
  /** Pane y → price (the series' `coordinateToPrice`). */
  readonly toPrice: (y: number) => number | null;
  /** The pointer moved with a line held: the raw chart price under it and its y. */
  readonly onMove: (id: string, price: number, y: number) => void;
  /** The line was released at `price` (the last price `onMove` was given). */
  readonly onDrop: (id: string, price: number) => void;
  /** The drag ended without a drop (Escape, the pointer was taken away). */
  readonly onCancel: (id: string) => void;
  /** Turns the chart's own panning off while a line is held, and back on after. */
  readonly setPanning: (enabled: boolean) => void;
}

/** The drag's state machine. Heights are CSS px from the top of the chart's pane. */
export interface LineDrag {
  /** A press at `y`: true when it grabbed a line (the chart must then not pan). */
  down(y: number): boolean;
  /** The pointer is at `y`; returns what the cursor should show. */
  move(y: number): 'grab' | 'dragging' | 'none';
  /** The press ended at `y`. */
  up(y: number): void;
  /** Abandons a drag in progress. */
  cancel(): void;
  /** The id of the line being dragged, if any. */
  dragging(): string | undefined;
}

/** Creates the drag state machine over `deps`. */
export function createLineDrag(deps: LineDragDeps): LineDrag {
  let held: { id: string; price: number | undefined } | undefined;
  const follow = (y: number): void => {
    if (held === undefined) return;
    const price = deps.toPrice(y);
    if (price === null || !Number.isFinite(price)) return;
    held.price = price;
    deps.onMove(held.id, price, y);
  };
  const end = (): { id: string; price: number | undefined } | undefined => {
    const was = held;
    held = undefined;
    if (was !== undefined) deps.setPanning(true);
    return was;
  };
  return {
    down: (y) => {
      const line = lineUnderPointer(y, deps.draggable(), deps.toY);
      if (line === undefined) return false;
      held = { id: line.id, price: undefined };
      deps.setPanning(false);
      return true;
    },
    move: (y) => {
      if (held !== undefined) {
        follow(y);
        return 'dragging';
      }
      return lineUnderPointer(y, deps.draggable(), deps.toY) === undefined ? 'none' : 'grab';
    },
    up: (y) => {
      // A press without movement is a click on the line: it must not send a move.
      if (held?.price !== undefined) follow(y);
      const was = end();
      if (was === undefined) return;
      if (was.price === undefined) deps.onCancel(was.id);
      else deps.onDrop(was.id, was.price);
    },
    cancel: () => {
      const was = end();
      if (was !== undefined) deps.onCancel(was.id);
    },
    dragging: () => held?.id,
  };
}

/**
 * Feeds the container's pointer events to `drag`. The press is taken in the capture phase and
 * its default prevented, which suppresses the compatibility mouse events lightweight-charts pans
 * with (https://www.w3.org/TR/pointerevents3/#the-pointerdown-event); the pointer is captured
 * so the drag continues outside the canvas. Returns the unbinding function.
 */
export function bindLineDrag(container: HTMLElement, drag: LineDrag): () => void {
  const yOf = (event: PointerEvent): number => event.clientY - container.getBoundingClientRect().top;
  const onDown = (event: PointerEvent): void => {
    if (event.button !== 0 || event.altKey || !drag.down(yOf(event))) return;
    event.preventDefault();
    event.stopPropagation();
    container.setPointerCapture(event.pointerId);
  };
  const onMove = (event: PointerEvent): void => {
    const state = drag.move(yOf(event));
    container.style.cursor = state === 'none' ? '' : 'ns-resize';
  };
  const onUp = (event: PointerEvent): void => {
    if (drag.dragging() === undefined) return;
    drag.up(yOf(event));
    if (container.hasPointerCapture(event.pointerId)) container.releasePointerCapture(event.pointerId);
  };
  const onCancel = (): void => {
    drag.cancel();
  };
  const onKey = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') drag.cancel();
  };
  container.addEventListener('pointerdown', onDown, { capture: true });
  container.addEventListener('pointermove', onMove);
  container.addEventListener('pointerup', onUp);
  container.addEventListener('pointercancel', onCancel);
  window.addEventListener('keydown', onKey);
  return () => {
    drag.cancel();
    container.removeEventListener('pointerdown', onDown, { capture: true });
    container.removeEventListener('pointermove', onMove);
    container.removeEventListener('pointerup', onUp);
    container.removeEventListener('pointercancel', onCancel);
    window.removeEventListener('keydown', onKey);
  };
}
