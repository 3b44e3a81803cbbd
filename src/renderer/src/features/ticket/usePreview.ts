import { useEffect, useState } from 'react';
import { call } from '../../bridge/index.ts';
import { toTradingError, type TradingError } from '../../../../shared/errors.ts';
import type { OrderTicket, RiskPreview } from './ticket.types.ts';

/** A preview with the ticket it was computed for. */
export interface ReadyPreview {
  readonly kind: 'ready';
  readonly preview: RiskPreview;
  readonly ticketKey: string;
}

/** Where the live risk preview stands for the ticket as typed. */
export type PreviewState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'loading' }
  | ReadyPreview
  | { readonly kind: 'failed'; readonly error: TradingError };

/** The current preview state, and the last preview that came back (for any ticket). */
export interface PreviewResult {
  readonly state: PreviewState;
  readonly lastReady: ReadyPreview | undefined;
}

/** Typing pauses this long before the engine is asked, so a preview is not requested per keystroke. */
export const previewDebounceMs = 250;

/** A stable identity for a ticket, to know which ticket a preview belongs to. */
export function ticketKey(ticket: OrderTicket): string {
  return JSON.stringify(ticket);
}

/**
 * Asks `trading:preview-order` for the current ticket after a short pause; answers for an older
 * ticket than the one now typed are dropped.
 */
export function usePreview(ticket: OrderTicket | undefined): PreviewResult {
  const key = ticket === undefined ? undefined : ticketKey(ticket);
  const [state, setState] = useState<PreviewState>({ kind: 'idle' });
  const [lastReady, setLastReady] = useState<ReadyPreview | undefined>(undefined);
  useEffect(() => {
    if (key === undefined) {
      setState({ kind: 'idle' });
      return undefined;
    }
    let current = true;
    setState({ kind: 'loading' });
    const timer = setTimeout(() => {
      call('trading:preview-order', JSON.parse(key) as OrderTicket).then(
        (preview) => {
          if (!current) return;
          const ready: ReadyPreview = { kind: 'ready', preview, ticketKey: key };
          setState(ready);
          setLastReady(ready);
        },
        (error: unknown) => {
          if (current) setState({ kind: 'failed', error: toTradingError(error) });
        },
      );
    }, previewDebounceMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [key]);
  return { state, lastReady };
}
