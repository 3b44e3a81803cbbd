import { create } from 'zustand';
import { emptyTicketDraft } from '../features/ticket/ticket-form.ts';
import type { TicketDraft, TicketForm } from '../features/ticket/ticket.types.ts';

/** A submit asked for from outside the ticket (the B / S hotkeys), for one side. */
export interface SubmitRequest {
  readonly side: 'buy' | 'sell';
  /** Distinguishes two presses of the same key. */
  readonly id: number;
}

/**
 * The order ticket as the trader typed it. It lives here rather than in the ticket's component
 * state so that switching pages or remounting the ticket keeps every field (ADR 0540). It is not
 * persisted: a price typed yesterday is not a price to trade on after a restart.
 */
export interface TicketState {
  readonly draft: TicketDraft;
  /** Fields the trader has changed: only their problems are shown, so a fresh ticket is not red. */
  readonly touched: ReadonlySet<keyof TicketForm>;
  readonly submitRequest: SubmitRequest | undefined;
  /** How many tickets are on screen; the B / S hotkeys send only through a visible ticket. */
  readonly mountedTickets: number;
  /** Merges what the trader changed and marks those fields touched. */
  readonly change: (patch: Partial<TicketDraft>) => void;
  /** Marks a field changed outside the draft (the symbol, kept in settings). */
  readonly markTouched: (field: keyof TicketForm) => void;
  /** A limit price from a book or chart click: the ticket becomes a limit order at that price. */
  readonly setLimitPrice: (price: string) => void;
  /** A stop price from a book or chart click. */
  readonly setStopPrice: (price: string) => void;
  /** Sets the side and asks the visible ticket to submit, through the same path as its button. */
  readonly requestSubmit: (side: 'buy' | 'sell') => void;
  readonly clearSubmitRequest: () => void;
  readonly ticketMounted: () => () => void;
}

function touch(touched: ReadonlySet<keyof TicketForm>, patch: Partial<TicketDraft>): Set<keyof TicketForm> {
  const next = new Set(touched);
  for (const key of Object.keys(patch)) {
    // The USDT notional's problems are the size's problems: it becomes the size in lots.
    if (key === 'sizeUsdt' || key === 'sizeMode') next.add('sizeLots');
    // The stop in % is the stop price it converts to.
    else if (key === 'stopPct' || key === 'stopMode') next.add('stopPrice');
    else next.add(key as keyof TicketForm);
  }
  return next;
}

/** Hook store for the order ticket (written on keystrokes only, read by the ticket and the hotkeys). */
export const useTicketStore = create<TicketState>()((set, get) => {
  const change = (patch: Partial<TicketDraft>): void => {
    set((state) => ({ draft: { ...state.draft, ...patch }, touched: touch(state.touched, patch) }));
  };
  return {
    draft: emptyTicketDraft(),
    touched: new Set(),
    submitRequest: undefined,
    mountedTickets: 0,
    change,
    markTouched: (field) => {
      set((state) => ({ touched: new Set([...state.touched, field]) }));
    },
    setLimitPrice: (price) => {
      change({ type: 'limit', price: price.trim() });
    },
    setStopPrice: (price) => {
      // A price picked on the chart is a price, whatever way the stop was being typed.
      change({ stopMode: 'price', stopPrice: price.trim() });
    },
    requestSubmit: (side) => {
      change({ side });
      set({ submitRequest: { side, id: (get().submitRequest?.id ?? 0) + 1 } });
    },
    clearSubmitRequest: () => {
      set({ submitRequest: undefined });
    },
    ticketMounted: () => {
      set((state) => ({ mountedTickets: state.mountedTickets + 1 }));
      return () => {
        // A request nobody is left to handle must not fire when a ticket mounts later.
        set((state) => ({ mountedTickets: state.mountedTickets - 1, submitRequest: undefined }));
      };
    },
  };
});

/** Back to a fresh ticket (tests, and nothing else: the trader's typing is never thrown away). */
export function resetTicketStore(): void {
  useTicketStore.setState({ draft: emptyTicketDraft(), touched: new Set(), submitRequest: undefined });
}
