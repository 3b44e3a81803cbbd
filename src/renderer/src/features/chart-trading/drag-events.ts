/** A dropped line stays where it was dropped this long at most while the engine confirms the change. */
export const dropHoldMs = 10_000;

/** The pointer's row inside the chart's container, in CSS pixels. */
export const localY = (container: HTMLElement, event: PointerEvent): number =>
  event.clientY - container.getBoundingClientRect().top;

/** The handlers of one drag on the chart. */
export interface DragHandlers {
  readonly down: (event: PointerEvent) => void;
  readonly move: (event: PointerEvent) => void;
  readonly up: (event: PointerEvent) => void;
  readonly key: (event: KeyboardEvent) => void;
}

/**
 * Listens on the chart's container in the capture phase, before lightweight-charts' own pointer
 * handling (which pans and scales), and for Escape on the window. Returns the detach.
 */
export function listenForDrag(container: HTMLElement, on: DragHandlers): () => void {
  const capture = { capture: true };
  container.addEventListener('pointerdown', on.down, capture);
  container.addEventListener('pointermove', on.move, capture);
  container.addEventListener('pointerup', on.up, capture);
  window.addEventListener('keydown', on.key);
  return () => {
    container.removeEventListener('pointerdown', on.down, capture);
    container.removeEventListener('pointermove', on.move, capture);
    container.removeEventListener('pointerup', on.up, capture);
    window.removeEventListener('keydown', on.key);
  };
}
