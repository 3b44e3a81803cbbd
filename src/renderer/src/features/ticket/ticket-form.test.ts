import { describe, expect, it } from 'vitest';
import { emptyTicketDraft, problemsToShow, sameEntryAndStop } from './ticket-form.ts';
import type { TicketForm } from './ticket.types.ts';

describe('ticket form helpers', () => {
  // The fresh ticket's fields as validation reads them (no USDT or % modes), on XBTUSDTM.
  const { sizeMode: _size, sizeUsdt: _usdt, stopMode: _stop, stopPct: _pct, ...fields } = emptyTicketDraft();
  const form: TicketForm = { ...fields, symbol: 'XBTUSDTM' };

  it('shows problems of empty fields only once touched', () => {
    const validation = {
      ok: false as const,
      problems: [
        { field: 'price' as const, message: 'needs a price' },
        { field: 'stopPrice' as const, message: 'needs a stop' },
      ],
    };
    expect(problemsToShow(validation, new Set(['stopPrice']), form)).toEqual({
      ok: false,
      problems: [{ field: 'stopPrice', message: 'needs a stop' }],
    });
  });

  it('shows the problem of a value the trader did not type: a default leverage above the cap', () => {
    const validation = {
      ok: false as const,
      problems: [{ field: 'leverage' as const, message: 'Leverage is a whole number from 1 to 3.' }],
    };
    expect(problemsToShow(validation, new Set(), form)).toEqual(validation);
  });

  it('same entry and stop ignores size only', () => {
    const a = {
      symbol: 'XBTUSDTM',
      side: 'buy',
      type: 'limit',
      sizeLots: 1,
      price: '1',
      leverage: 5,
      stopPrice: '0.5',
    } as const;
    expect(sameEntryAndStop(a, { ...a, sizeLots: 9 })).toBe(true);
    expect(sameEntryAndStop(a, { ...a, stopPrice: '0.6' })).toBe(false);
  });
});
