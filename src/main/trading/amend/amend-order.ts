/**
 * Amending an open limit order (ADR 0343). KuCoin Futures has no amend endpoint, so an amend is a
 * cancel and a new order; done in this order it can never leave the trader with both orders, and
 * never with an unknown state:
 * 1. the new price and the replacement are checked (tick, risk rules) before anything is sent;
 * 2. the old order is cancelled and the amend waits until the exchange lists it as done — a
 *    cancel refused or never confirmed ends the amend there, the old order still working;
 * 3. the filled lots are read at the cancel: an order that filled in full is reported so;
 * 4. the rest is placed at the new price with a new clientOid, an entry the ticket's way;
 * 5. a replacement refused after the cancel is reported, journaled and alerted as "cancelled,
 *    not replaced" with the exchange's reason.
 * It runs in the account's entry queue and under the symbol's lock, so it never races an entry,
 * another amend, or the watchdog's stop changes for the symbol.
 */
import { OrderRejectedError, TradingError } from '../../../shared/errors.ts';
import type { AmendResult } from '../../../shared/ipc/channels/trading.ts';
import { raiseAlert } from '../deps.ts';
import { serialisedWithEntries } from '../entry.ts';
import type { TradingRuntime } from '../runtime.ts';
import { amendableOrder, checkNewPrice, checkReplacement, type AmendableOrder } from './amend-check.ts';
import { cancelConfirmed } from './amend-cancel.ts';
import { amendResult, journalStep } from './amend-record.ts';
import { dropUnfilledLegs, heldIntent, placeReplacement } from './amend-replace.ts';

/**
 * Moves the open limit order `clientOid` to `price`.
 * @throws ValidationError / RiskRejectedError when it cannot be amended (nothing was sent);
 * OrderRejectedError `amend-cancel-not-confirmed` when the cancel was refused or not confirmed
 * (nothing new was placed).
 */
export function amendOrder(rt: TradingRuntime, clientOid: string, price: string): Promise<AmendResult> {
  return serialisedWithEntries(rt, async () => {
    const { symbol } = amendableOrder(rt, clientOid);
    // Looked at again once the symbol is ours: a watchdog pass before us may have seen it fill.
    return rt.deps.lock.run(symbol, () => amendLocked(rt, amendableOrder(rt, clientOid), price));
  });
}

async function amendLocked(rt: TradingRuntime, order: AmendableOrder, price: string): Promise<AmendResult> {
  const held = heldIntent(rt, order.clientOid);
  let marginMode;
  try {
    checkNewPrice(rt, order, price);
    marginMode = await checkReplacement(rt, order, price);
  } catch (error) {
    journalStep(rt, order, price, 'refused', { reason: reasonOf(error) });
    throw error;
  }
  journalStep(rt, order, price, 'cancelling');
  const cancel = await cancelConfirmed(rt, order);
  if (cancel.kind === 'not-confirmed') {
    journalStep(rt, order, price, 'cancel-not-confirmed', { reason: cancel.reason });
    throw new OrderRejectedError(
      'amend-cancel-not-confirmed',
      `Not amended: the order at ${order.price} could not be cancelled (${cancel.reason}). Nothing new was placed; the order stays as it was unless that cancel still lands — the orders list shows which.`,
      { details: { clientOid: order.clientOid, price } },
    );
  }
  const filledLots = cancel.order.filledLots;
  const lots = cancel.order.sizeLots - filledLots;
  if (cancel.kind === 'filled' || lots <= 0) {
    journalStep(rt, order, price, 'filled', { sizeLots: 0, filledLots });
    return amendResult('filled', order, price, { sizeLots: 0, filledLots });
  }
  return replace(rt, order, price, { lots, filledLots, marginMode, held });
}

async function replace(
  rt: TradingRuntime,
  order: AmendableOrder,
  price: string,
  at: {
    readonly lots: number;
    readonly filledLots: number;
    readonly marginMode: Awaited<ReturnType<typeof checkReplacement>>;
    readonly held: ReturnType<typeof heldIntent>;
  },
): Promise<AmendResult> {
  const done = await placeReplacement(rt, order, price, at.lots, at.marginMode, at.held);
  if (at.filledLots === 0) await dropUnfilledLegs(rt, order);
  rt.requestTick();
  if ('refused' in done) {
    const facts = {
      sizeLots: at.lots,
      filledLots: at.filledLots,
      reason: done.refused,
      newClientOid: done.order?.clientOid,
    };
    journalStep(rt, order, price, 'cancelled-not-replaced', facts);
    raiseAlert(
      rt.deps,
      'warning',
      'amend-not-replaced',
      `${order.symbol}: the ${order.side} order at ${order.price} was cancelled, but its replacement at ${price} was refused (${done.refused}); no order is working for these ${String(at.lots)} lots`,
      order.symbol,
      { oldClientOid: order.clientOid, price, sizeLots: at.lots },
    );
    return amendResult('cancelled-not-replaced', order, price, facts);
  }
  const facts = { sizeLots: at.lots, filledLots: at.filledLots, newClientOid: done.placed.clientOid };
  journalStep(rt, order, price, 'amended', facts);
  return amendResult('amended', order, price, { ...facts, newStatus: done.placed.status });
}

function reasonOf(error: unknown): string {
  if (error instanceof TradingError) return `${error.code}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}
