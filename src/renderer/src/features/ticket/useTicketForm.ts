import { useEffect, useMemo } from 'react';
import { useSettingsStore } from '../../stores/settings.store.ts';
import { useTicketStore } from '../../stores/ticket.store.ts';
import { lotsForNotional, type NotionalSizing } from './sizing.ts';
import { stopFromPercent, type StopFromPercent } from './stop-percent.ts';
import type { TicketContext, TicketDraft, TicketForm, TicketPatch } from './ticket.types.ts';

/** The ticket as the inputs show it and as validation reads it. */
export interface TicketFormState {
  readonly draft: TicketDraft;
  /** The draft with the chart's symbol, and in USDT mode the lots the notional converts to. */
  readonly form: TicketForm;
  /** The USDT conversion; undefined in lots mode. */
  readonly notional: NotionalSizing | undefined;
  /** The stop typed in %, as a price; undefined while the stop is typed as a price. */
  readonly stopFromPct: StopFromPercent | undefined;
  readonly touched: ReadonlySet<keyof TicketForm>;
  readonly onChange: (patch: TicketPatch) => void;
}

/**
 * Lots for the typed notional: a limit order converts at its own price, a market order at the
 * reference (mark/last) price, since that is where it would fill.
 */
export function notionalSizing(draft: TicketDraft, context: TicketContext): NotionalSizing | undefined {
  if (draft.sizeMode !== 'usdt') return undefined;
  const price = draft.type === 'limit' ? draft.price : context.referencePrice;
  return lotsForNotional(draft.sizeUsdt, context.contract?.multiplier, price);
}

/** Reads and writes the ticket store; the symbol stays in settings, shared with the chart. */
export function useTicketForm(context: TicketContext): TicketFormState {
  const symbol = useSettingsStore((state) => state.symbol);
  const setSymbol = useSettingsStore((state) => state.setSymbol);
  const draft = useTicketStore((state) => state.draft);
  const touched = useTicketStore((state) => state.touched);
  const change = useTicketStore((state) => state.change);
  const markTouched = useTicketStore((state) => state.markTouched);
  const ticketMounted = useTicketStore((state) => state.ticketMounted);
  useEffect(() => ticketMounted(), [ticketMounted]);
  const notional = useMemo(() => notionalSizing(draft, context), [draft, context]);
  const stopFromPct = useMemo(() => stopFromPercent(draft, context), [draft, context]);
  const form = useMemo<TicketForm>(() => {
    const { sizeMode: _mode, sizeUsdt: _usdt, stopMode: _stopMode, stopPct: _pct, ...fields } = draft;
    // An unconvertible notional leaves no size, so the ticket cannot be sent with a stale one.
    const sizeLots = notional === undefined ? fields.sizeLots : notional.ok ? String(notional.lots) : '';
    // Likewise a % that cannot be worked out yet leaves no stop.
    const stopPrice =
      stopFromPct === undefined ? fields.stopPrice : stopFromPct.ok ? stopFromPct.stopPrice : '';
    return { ...fields, symbol, sizeLots, stopPrice };
  }, [draft, notional, stopFromPct, symbol]);
  const onChange = (patch: TicketPatch): void => {
    const { symbol: nextSymbol, ...rest } = patch;
    if (nextSymbol !== undefined) {
      setSymbol(nextSymbol);
      markTouched('symbol');
    }
    if (Object.keys(rest).length > 0) change(rest);
  };
  return { draft, form, notional, stopFromPct, touched, onChange };
}
