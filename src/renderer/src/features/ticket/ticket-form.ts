import type { OrderTicket, TicketDraft, TicketForm, TicketValidation } from './ticket.types.ts';

/** A fresh ticket: the stop is empty on purpose — the trader must choose it. */
export function emptyTicketDraft(): TicketDraft {
  return {
    side: 'buy',
    type: 'limit',
    sizeLots: '1',
    price: '',
    leverage: '5',
    stopPrice: '',
    takeProfitPrice: '',
    trailingEnabled: false,
    trailingMode: 'percent',
    trailingDistance: '',
    trailingActivationPrice: '',
    sizeMode: 'lots',
    sizeUsdt: '',
    stopMode: 'price',
    stopPct: '',
  };
}

/** Whether two tickets have the same entry and stop (size may differ): a preview's loss per lot carries over. */
export function sameEntryAndStop(a: OrderTicket, b: OrderTicket): boolean {
  return (
    a.symbol === b.symbol &&
    a.side === b.side &&
    a.type === b.type &&
    a.price === b.price &&
    a.stopPrice === b.stopPrice &&
    a.leverage === b.leverage
  );
}

/** The ticket's size as a number of lots (the schema accepts a digit string too). */
export function ticketLots(ticket: OrderTicket): number {
  return typeof ticket.sizeLots === 'number' ? ticket.sizeLots : Number(ticket.sizeLots);
}

/**
 * The problems to show under the inputs: for fields the trader has already changed, and for
 * fields that hold a value they did not type (a default leverage above a cap lowered in Settings),
 * so a fresh ticket is not a wall of red over empty fields yet never hides why it cannot be sent.
 * Submission still uses the full validation.
 */
export function problemsToShow(
  validation: TicketValidation,
  touched: ReadonlySet<keyof TicketForm>,
  form: TicketForm,
): TicketValidation {
  if (validation.ok) return validation;
  const holdsValue = (field: keyof TicketForm): boolean => {
    const value = form[field];
    return typeof value === 'string' && value.trim() !== '';
  };
  return {
    ok: false,
    problems: validation.problems.filter(
      (problem) => touched.has(problem.field) || holdsValue(problem.field),
    ),
  };
}
