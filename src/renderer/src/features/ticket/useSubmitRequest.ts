import { useEffect } from 'react';
import { useTicketStore } from '../../stores/ticket.store.ts';
import type { TicketValidation } from './ticket.types.ts';
import { ticketKey, type PreviewState } from './usePreview.ts';

/**
 * Whether a valid ticket is still waiting for the preview of exactly itself. The B / S hotkeys
 * change the side first, so the preview on screen may be for the other side for a moment.
 */
export function awaitingPreview(validation: TicketValidation, preview: PreviewState): boolean {
  if (!validation.ok || preview.kind === 'failed') return false;
  return preview.kind !== 'ready' || preview.ticketKey !== ticketKey(validation.ticket);
}

/** What the ticket does with a hotkey's submit request. */
export interface SubmitRequestHandlers {
  readonly validation: TicketValidation;
  readonly preview: PreviewState;
  /** Why the ticket may not be sent now (the button's own reason); undefined when it may. */
  readonly blocker: string | undefined;
  /** The submit button's own handler: the hotkey takes the same path as the click. */
  readonly onSubmit: () => void;
  readonly onRefused: (reason: string) => void;
}

/**
 * Answers a B / S request once the preview of the ticket as it now stands is in: sends it when
 * the button would be enabled, otherwise says why not (a risk denial stays on screen in the
 * preview). Each request is answered once.
 */
export function useSubmitRequest(handlers: SubmitRequestHandlers): void {
  const request = useTicketStore((state) => state.submitRequest);
  const clear = useTicketStore((state) => state.clearSubmitRequest);
  // No dependency list on purpose: the request is answered on the first render where the
  // preview matches, with that render's handlers; without a request the effect does nothing.
  useEffect(() => {
    if (request === undefined) return;
    const { validation, preview, blocker } = handlers;
    if (validation.ok && validation.ticket.side !== request.side) return;
    if (awaitingPreview(validation, preview)) return;
    clear();
    if (blocker === undefined) handlers.onSubmit();
    else handlers.onRefused(blocker);
  });
}
