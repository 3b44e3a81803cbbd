import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderTicketSchema } from '../../../../shared/ipc/channels/trading.ts';
import { problemFor, validateTicket } from './validation.ts';
import type { TicketContext, TicketForm } from './ticket.types.ts';

const form: TicketForm = {
  symbol: 'XBTUSDTM',
  side: 'buy',
  type: 'limit',
  sizeLots: '3',
  price: '90000.5',
  leverage: '10',
  stopPrice: '89000',
  takeProfitPrice: '',
  trailingEnabled: false,
  trailingMode: 'percent',
  trailingDistance: '',
  trailingActivationPrice: '',
};
const noContract: TicketContext = { contract: undefined, referencePrice: undefined };
const xbt: TicketContext = {
  contract: {
    tickSize: '0.1',
    maxLeverage: 50,
    maxOrderQtyLots: 1000,
    multiplier: '0.001',
    takerFeeRate: '0.0006',
  },
  referencePrice: '90000',
};

describe('validateTicket', () => {
  it('builds the exact request the engine accepts', () => {
    const result = validateTicket(form, xbt);
    expect(result).toEqual({
      ok: true,
      ticket: {
        symbol: 'XBTUSDTM',
        side: 'buy',
        type: 'limit',
        sizeLots: 3,
        price: '90000.5',
        leverage: 10,
        stopPrice: '89000',
      },
    });
    expect(result.ok && orderTicketSchema.safeParse(result.ticket).success).toBe(true);
  });

  it('sends the take-profit when one is typed, and none when it is empty', () => {
    const result = validateTicket({ ...form, takeProfitPrice: ' 92000 ' }, xbt);
    expect(result.ok && result.ticket.takeProfitPrice).toBe('92000');
    expect(result.ok && orderTicketSchema.safeParse(result.ticket).success).toBe(true);
    const none = validateTicket(form, xbt);
    expect(none.ok && 'takeProfitPrice' in none.ticket).toBe(false);
  });

  it('shows the problem of a take-profit on the wrong side, off the tick or not a price', () => {
    expect(problemFor(validateTicket({ ...form, takeProfitPrice: '90000.5' }, xbt), 'takeProfitPrice')).toBe(
      "A long's take-profit must be above the entry (90000.5).",
    );
    const short = { ...form, side: 'sell' as const, stopPrice: '91000', takeProfitPrice: '90500' };
    expect(problemFor(validateTicket(short, xbt), 'takeProfitPrice')).toBe(
      "A short's take-profit must be below the entry (90000.5).",
    );
    expect(
      problemFor(validateTicket({ ...form, takeProfitPrice: '92000.05' }, xbt), 'takeProfitPrice'),
    ).toMatch(/tick size 0.1/);
    expect(problemFor(validateTicket({ ...form, takeProfitPrice: 'abc' }, xbt), 'takeProfitPrice')).toMatch(
      /decimal greater than 0/,
    );
    const market = { ...form, type: 'market' as const, takeProfitPrice: '89999' };
    expect(problemFor(validateTicket(market, xbt), 'takeProfitPrice')).toMatch(/above the entry \(90000\)/);
  });

  it('refuses an entry without a stop', () => {
    const result = validateTicket({ ...form, stopPrice: '  ' }, xbt);
    expect(result.ok).toBe(false);
    expect(problemFor(result, 'stopPrice')).toMatch(/needs a protective stop/);
  });

  it('refuses a long whose stop is at or above the entry, and a short whose stop is below', () => {
    expect(problemFor(validateTicket({ ...form, stopPrice: '90000.5' }, xbt), 'stopPrice')).toMatch(
      /below the entry/,
    );
    expect(
      problemFor(validateTicket({ ...form, side: 'sell', stopPrice: '89000' }, xbt), 'stopPrice'),
    ).toMatch(/above the entry/);
    expect(validateTicket({ ...form, side: 'sell', stopPrice: '91000' }, xbt).ok).toBe(true);
  });

  it('checks a market order stop against the reference price and sends no price', () => {
    const market = { ...form, type: 'market' as const, price: '' };
    expect(problemFor(validateTicket({ ...market, stopPrice: '90001' }, xbt), 'stopPrice')).toMatch(/below/);
    const result = validateTicket(market, xbt);
    expect(result.ok && 'price' in result.ticket).toBe(false);
  });

  it('skips the side check for a market order when no reference price is known (the engine checks it)', () => {
    expect(validateTicket({ ...form, type: 'market', price: '', stopPrice: '95000' }, noContract).ok).toBe(
      true,
    );
  });

  it('checks tick size, leverage and size limits only when the contract is known', () => {
    const offTick = { ...form, price: '90000.55' };
    expect(problemFor(validateTicket(offTick, xbt), 'price')).toMatch(/tick size 0.1/);
    expect(problemFor(validateTicket({ ...form, leverage: '75' }, xbt), 'leverage')).toMatch(/1 to 50/);
    expect(problemFor(validateTicket({ ...form, sizeLots: '1001' }, xbt), 'sizeLots')).toMatch(
      /At most 1000/,
    );
    expect(validateTicket({ ...form, leverage: '75' }, noContract).ok).toBe(true);
  });

  it('refuses fractional lots, zero, and leverage outside 1–100', () => {
    expect(problemFor(validateTicket({ ...form, sizeLots: '1.5' }, noContract), 'sizeLots')).toBeDefined();
    expect(problemFor(validateTicket({ ...form, sizeLots: '0' }, noContract), 'sizeLots')).toBeDefined();
    expect(problemFor(validateTicket({ ...form, leverage: '0' }, noContract), 'leverage')).toBeDefined();
    expect(problemFor(validateTicket({ ...form, leverage: '101' }, noContract), 'leverage')).toBeDefined();
  });

  it('adds a trailing spec only when enabled and valid', () => {
    const trailing = {
      ...form,
      trailingEnabled: true,
      trailingMode: 'atr' as const,
      trailingDistance: '2.5',
    };
    const result = validateTicket(trailing, xbt);
    expect(result.ok && result.ticket.trailing).toEqual({ mode: 'atr', distance: '2.5' });
    expect(
      problemFor(validateTicket({ ...trailing, trailingDistance: '0' }, xbt), 'trailingDistance'),
    ).toBeDefined();
  });

  it('sends an activation price only when typed, and only on the profitable side of the entry', () => {
    const trailing = {
      ...form,
      trailingEnabled: true,
      trailingMode: 'price' as const,
      trailingDistance: '300',
    };
    const plain = validateTicket(trailing, xbt);
    expect(plain.ok && plain.ticket.trailing).toEqual({ mode: 'price', distance: '300' });
    const above = validateTicket({ ...trailing, trailingActivationPrice: ' 91000 ' }, xbt);
    expect(above.ok && above.ticket.trailing?.activationPrice).toBe('91000');
    const below = validateTicket({ ...trailing, trailingActivationPrice: '90000' }, xbt);
    expect(problemFor(below, 'trailingActivationPrice')).toMatch(/above the entry \(90000\.5\)/);
    const offTick = validateTicket({ ...trailing, trailingActivationPrice: '91000.05' }, xbt);
    expect(problemFor(offTick, 'trailingActivationPrice')).toMatch(/tick size/);
    const short = { ...trailing, side: 'sell' as const, stopPrice: '91000' };
    expect(
      problemFor(
        validateTicket({ ...short, trailingActivationPrice: '90500' }, xbt),
        'trailingActivationPrice',
      ),
    ).toMatch(/below the entry/);
    expect(validateTicket({ ...short, trailingActivationPrice: '89500' }, xbt).ok).toBe(true);
    const market = { ...trailing, type: 'market' as const, price: '' };
    const context = { ...xbt, referencePrice: '90000' };
    expect(
      problemFor(
        validateTicket({ ...market, trailingActivationPrice: '89999.9' }, context),
        'trailingActivationPrice',
      ),
    ).toMatch(/above the entry \(90000\)/);
    expect(
      problemFor(
        validateTicket({ ...trailing, trailingActivationPrice: 'abc' }, xbt),
        'trailingActivationPrice',
      ),
    ).toMatch(/greater than 0/);
  });

  // The renderer mirrors the shared schema's patterns to keep zod out of its bundle; if the
  // schema changes, this property catches the drift: whatever the ticket lets through, the engine accepts.
  it('never lets through a ticket the shared schema would refuse', () => {
    const digits = fc.stringMatching(/^\d{0,7}(\.\d{0,3})?$/);
    let accepted = 0;
    fc.assert(
      fc.property(
        fc.record({
          symbol: fc.constantFrom('XBTUSDTM', 'ETHUSDCM', 'XBTUSDM', 'btc', ''),
          side: fc.constantFrom('buy' as const, 'sell' as const),
          type: fc.constantFrom('limit' as const, 'market' as const),
          sizeLots: digits,
          price: digits,
          leverage: fc.stringMatching(/^\d{0,4}$/),
          stopPrice: digits,
          takeProfitPrice: digits,
          trailingEnabled: fc.boolean(),
          trailingMode: fc.constantFrom('percent' as const, 'price' as const, 'atr' as const),
          trailingDistance: digits,
          trailingActivationPrice: digits,
        }),
        (randomForm) => {
          const result = validateTicket(randomForm, noContract);
          if (!result.ok) return;
          accepted += 1;
          expect(orderTicketSchema.safeParse(result.ticket).success).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
    expect(accepted).toBeGreaterThan(0); // the property must have exercised accepted tickets
  });
});
