import { describe, expect, it } from 'vitest';
import { problemsToShow, sameEntryAndStop } from './ticket-form.ts';

describe('ticket form helpers', () => {
  it('shows problems only for touched fields', () => {
    const validation = {
      ok: false as const,
      problems: [
        { field: 'price' as const, message: 'needs a price' },
        { field: 'stopPrice' as const, message: 'needs a stop' },
      ],
    };
    expect(problemsToShow(validation, new Set(['stopPrice']))).toEqual({
      ok: false,
      problems: [{ field: 'stopPrice', message: 'needs a stop' }],
    });
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
