import * as decimal from '../../../../shared/domain/decimal.ts';
import type {
  OrderTicket,
  TicketContext,
  TicketForm,
  TicketProblem,
  TicketValidation,
} from './ticket.types.ts';

import { checkTakeProfit } from './take-profit-check.ts';
import { decimalPattern, isPerpetualSymbol, isPrice, lotsPattern } from '../../domain/wire-patterns.ts';

const leveragePattern = /^\d{1,3}$/;

/** The order channel's own leverage bound (`leverageSchema` in src/shared/domain/primitives.ts). */
const channelMaxLeverage = 100;

/**
 * The highest leverage the ticket offers: the lowest of the channel's bound, the contract's
 * maximum and the trader's own cap, each when known. The engine checks all of them again.
 */
export function maxLeverageFor(context: TicketContext): number {
  return Math.min(
    channelMaxLeverage,
    context.contract?.maxLeverage ?? channelMaxLeverage,
    context.userMaxLeverage ?? channelMaxLeverage,
  );
}

function checkSymbolAndSize(form: TicketForm, context: TicketContext, problems: TicketProblem[]): void {
  if (!isPerpetualSymbol(form.symbol)) {
    problems.push({ field: 'symbol', message: 'Choose a USDT/USDC-margined perpetual such as XBTUSDTM.' });
  }
  const lots = Number(form.sizeLots);
  if (!lotsPattern.test(form.sizeLots.trim()) || lots < 1) {
    problems.push({ field: 'sizeLots', message: 'Size is a whole number of lots, at least 1.' });
  } else if (context.contract !== undefined && lots > context.contract.maxOrderQtyLots) {
    problems.push({
      field: 'sizeLots',
      message: `At most ${context.contract.maxOrderQtyLots} lots per order.`,
    });
  }
  const leverage = Number(form.leverage);
  const maxLeverage = maxLeverageFor(context);
  if (!leveragePattern.test(form.leverage.trim()) || leverage < 1 || leverage > maxLeverage) {
    problems.push({ field: 'leverage', message: `Leverage is a whole number from 1 to ${maxLeverage}.` });
  }
}

function checkOnTick(
  field: 'price' | 'stopPrice' | 'trailingActivationPrice',
  text: string,
  context: TicketContext,
  problems: TicketProblem[],
): void {
  if (context.contract === undefined) return;
  if (!decimal.isMultipleOf(decimal.dec(text), decimal.dec(context.contract.tickSize))) {
    problems.push({ field, message: `Must be a multiple of the tick size ${context.contract.tickSize}.` });
  }
}

function checkPrices(form: TicketForm, context: TicketContext, problems: TicketProblem[]): void {
  const price = form.price.trim();
  if (form.type === 'limit') {
    if (!isPrice(price))
      problems.push({ field: 'price', message: 'A limit order needs a price greater than 0.' });
    else checkOnTick('price', price, context, problems);
  }
  const stop = form.stopPrice.trim();
  if (stop === '') {
    problems.push({ field: 'stopPrice', message: 'Every entry needs a protective stop: set a stop price.' });
    return;
  }
  if (!isPrice(stop)) {
    problems.push({ field: 'stopPrice', message: 'The stop price must be a decimal greater than 0.' });
    return;
  }
  checkOnTick('stopPrice', stop, context, problems);
  const reference = form.type === 'limit' ? price : context.referencePrice;
  if (reference === undefined || !isPrice(reference)) return;
  const order = decimal.cmp(decimal.dec(stop), decimal.dec(reference));
  if (form.side === 'buy' && order >= 0) {
    problems.push({ field: 'stopPrice', message: `A long's stop must be below the entry (${reference}).` });
  }
  if (form.side === 'sell' && order <= 0) {
    problems.push({ field: 'stopPrice', message: `A short's stop must be above the entry (${reference}).` });
  }
}

/**
 * The activation price must be on the profitable side of the entry (above it for a long, below
 * for a short): one on the losing side would activate at once and is almost surely a typo.
 */
function checkActivation(form: TicketForm, context: TicketContext, problems: TicketProblem[]): void {
  const activation = form.trailingActivationPrice.trim();
  if (activation === '') return;
  const field = 'trailingActivationPrice';
  if (!isPrice(activation)) {
    problems.push({ field, message: 'The activation price must be a decimal greater than 0.' });
    return;
  }
  checkOnTick(field, activation, context, problems);
  const reference = form.type === 'limit' ? form.price.trim() : context.referencePrice;
  if (reference === undefined || !isPrice(reference)) return;
  const order = decimal.cmp(decimal.dec(activation), decimal.dec(reference));
  if (form.side === 'buy' && order <= 0) {
    problems.push({ field, message: `A long's trailing activates above the entry (${reference}).` });
  }
  if (form.side === 'sell' && order >= 0) {
    problems.push({ field, message: `A short's trailing activates below the entry (${reference}).` });
  }
}

function checkTrailing(form: TicketForm, context: TicketContext, problems: TicketProblem[]): void {
  if (!form.trailingEnabled) return;
  const distance = form.trailingDistance.trim();
  if (!decimalPattern.test(distance) || !/[1-9]/.test(distance)) {
    problems.push({
      field: 'trailingDistance',
      message: 'The trailing distance must be a decimal greater than 0.',
    });
  }
  checkActivation(form, context, problems);
}

function trailingOf(form: TicketForm): OrderTicket['trailing'] {
  const activationPrice = form.trailingActivationPrice.trim();
  return {
    mode: form.trailingMode,
    distance: form.trailingDistance.trim(),
    ...(activationPrice === '' ? {} : { activationPrice }),
  };
}

function toTicket(form: TicketForm): OrderTicket {
  const takeProfitPrice = form.takeProfitPrice.trim();
  return {
    symbol: form.symbol,
    side: form.side,
    type: form.type,
    sizeLots: Number(form.sizeLots.trim()),
    ...(form.type === 'limit' ? { price: form.price.trim() } : {}),
    leverage: Number(form.leverage.trim()),
    stopPrice: form.stopPrice.trim(),
    ...(takeProfitPrice === '' ? {} : { takeProfitPrice }),
    ...(form.trailingEnabled ? { trailing: trailingOf(form) } : {}),
  };
}

/**
 * Checks the ticket as typed and builds the request the engine accepts. There is no way to get
 * a ticket without a stop out of it: an entry without a protective stop cannot be submitted.
 * The engine's risk engine decides the rest (margin, risk per trade, liquidation vs stop).
 */
export function validateTicket(form: TicketForm, context: TicketContext): TicketValidation {
  const problems: TicketProblem[] = [];
  checkSymbolAndSize(form, context, problems);
  checkPrices(form, context, problems);
  checkTakeProfit(form, context, problems);
  checkTrailing(form, context, problems);
  return problems.length === 0 ? { ok: true, ticket: toTicket(form) } : { ok: false, problems };
}

/** The first problem for a field, for the input's error text. */
export function problemFor(validation: TicketValidation, field: keyof TicketForm): string | undefined {
  return validation.ok ? undefined : validation.problems.find((problem) => problem.field === field)?.message;
}
