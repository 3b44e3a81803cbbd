/**
 * The amend's journal records and its answer to the trader (ADR 0343): one `amend` record per
 * step — refused, cancelling, cancel-not-confirmed, filled, cancelled-not-replaced,
 * amended — each with the old and new clientOid, the old and new price and the lots, so the
 * journal alone tells how far an amend got, even after a crash.
 */
import type { AmendResult } from '../../../shared/ipc/channels/trading.ts';
import type { TradingRuntime } from '../runtime.ts';
import type { AmendableOrder } from './amend-check.ts';

/** A step of an amend as journaled. */
export type AmendStep =
  'refused' | 'cancelling' | 'cancel-not-confirmed' | 'filled' | 'cancelled-not-replaced' | 'amended';

/** What a step adds to the record. */
export interface StepFacts {
  readonly newClientOid?: string | undefined;
  readonly sizeLots?: number;
  readonly filledLots?: number;
  readonly reason?: string | undefined;
}

/** Journals one step of amending `order` to `price`. */
export function journalStep(
  rt: TradingRuntime,
  order: AmendableOrder,
  price: string,
  step: AmendStep,
  facts: StepFacts = {},
): void {
  rt.deps.journal.append(
    'amend',
    {
      step,
      oldClientOid: order.clientOid,
      newClientOid: facts.newClientOid ?? null,
      oldPrice: order.price,
      price,
      sizeLots: facts.sizeLots ?? order.sizeLots - order.filledLots,
      filledLots: facts.filledLots ?? order.filledLots,
      ...(facts.reason === undefined ? {} : { reason: facts.reason }),
    },
    { symbol: order.symbol, clientOid: order.clientOid },
  );
}

const lotsText = (count: number): string => `${String(count)} lot${count === 1 ? '' : 's'}`;

function sentence(
  outcome: AmendResult['outcome'],
  order: AmendableOrder,
  price: string,
  facts: StepFacts,
): string {
  const lots = lotsText(facts.sizeLots ?? 0);
  if (outcome === 'filled')
    return `The order at ${order.price} filled (${lotsText(facts.filledLots ?? order.sizeLots)}) before the cancel landed; nothing new was placed.`;
  if (outcome === 'cancelled-not-replaced')
    return `Cancelled, not replaced: the order at ${order.price} was cancelled, but the new one at ${price} was refused (${facts.reason ?? 'no reason given'}). No order is working for these ${lots}.`;
  return `Order moved: ${order.side} ${lots} now at ${price} (was ${order.price}).`;
}

/** The answer for the trader. */
export function amendResult(
  outcome: AmendResult['outcome'],
  order: AmendableOrder,
  price: string,
  facts: StepFacts & { readonly newStatus?: AmendResult['newStatus'] },
): AmendResult {
  return {
    outcome,
    oldClientOid: order.clientOid,
    ...(facts.newClientOid === undefined ? {} : { newClientOid: facts.newClientOid }),
    ...(facts.newStatus === undefined ? {} : { newStatus: facts.newStatus }),
    symbol: order.symbol,
    side: order.side,
    oldPrice: order.price,
    price,
    sizeLots: facts.sizeLots ?? 0,
    filledLots: facts.filledLots ?? order.filledLots,
    ...(facts.reason === undefined ? {} : { reason: facts.reason }),
    message: sentence(outcome, order, price, facts),
  };
}
