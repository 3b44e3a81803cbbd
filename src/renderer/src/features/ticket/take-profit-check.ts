import * as decimal from '../../../../shared/domain/decimal.ts';
import { isPrice } from '../../domain/wire-patterns.ts';
import type { TicketContext, TicketForm, TicketProblem } from './ticket.types.ts';

/**
 * The optional take-profit (ADR 0342): empty means none; otherwise a price on the tick on the
 * profit side of the entry — above it for a long, below it for a short. One on the losing side
 * would close the position as soon as it opens; the sentence says which way to move it.
 */
export function checkTakeProfit(form: TicketForm, context: TicketContext, problems: TicketProblem[]): void {
  const target = form.takeProfitPrice.trim();
  if (target === '') return;
  const field = 'takeProfitPrice';
  if (!isPrice(target)) {
    problems.push({ field, message: 'The take-profit must be a decimal greater than 0, or left empty.' });
    return;
  }
  const tick = context.contract?.tickSize;
  if (tick !== undefined && !decimal.isMultipleOf(decimal.dec(target), decimal.dec(tick))) {
    problems.push({ field, message: `Must be a multiple of the tick size ${tick}.` });
  }
  const reference = form.type === 'limit' ? form.price.trim() : context.referencePrice;
  if (reference === undefined || !isPrice(reference)) return;
  const order = decimal.cmp(decimal.dec(target), decimal.dec(reference));
  if (form.side === 'buy' && order <= 0) {
    problems.push({ field, message: `A long's take-profit must be above the entry (${reference}).` });
  }
  if (form.side === 'sell' && order >= 0) {
    problems.push({ field, message: `A short's take-profit must be below the entry (${reference}).` });
  }
}
