/**
 * Amends the app stopped in the middle of (ADR 0343): the journal holds a `cancelling` step and
 * nothing after it. Once start-up reconciliation has read every journaled order back from the
 * exchange, each is settled from what the exchange says: the old order still working (the cancel
 * never landed) or filled loses nothing; a replacement sent before the stop is adopted; an old
 * order cancelled with no replacement means the trader has no order where they moved it, and is
 * told so — it is not re-sent, because the market has moved on since the trader asked.
 */
import { terminalOrderStatuses } from '../../../shared/domain/order.ts';
import { raiseAlert } from '../deps.ts';
import type { TradingRuntime } from '../runtime.ts';
import type { AmendableOrder } from './amend-check.ts';
import { journalStep } from './amend-record.ts';

/** How far back the journal is read for amends left open. */
const amendRecordsRead = 500;

/** The newest step of each amend, by old clientOid, with its price and when it was journaled. */
function lastSteps(rt: TradingRuntime): Map<string, { step: unknown; price: unknown; at: number }> {
  const last = new Map<string, { step: unknown; price: unknown; at: number }>();
  // Newest first: the first record of an order is its last step.
  for (const event of rt.deps.journal.queryEvents({ kind: 'amend', limit: amendRecordsRead })) {
    const oldClientOid = event.data.oldClientOid;
    if (typeof oldClientOid !== 'string' || last.has(oldClientOid)) continue;
    last.set(oldClientOid, { step: event.data.step, price: event.data.price, at: event.at });
  }
  return last;
}

function settle(rt: TradingRuntime, old: AmendableOrder, price: string, since: number): void {
  const lots = old.sizeLots - old.filledLots;
  if (!terminalOrderStatuses.has(old.status)) {
    journalStep(rt, old, price, 'cancel-not-confirmed', {
      reason: 'Bulwark stopped during the cancel; the order still works',
    });
    return;
  }
  if (old.status === 'FILLED' || lots <= 0) {
    journalStep(rt, old, price, 'filled', { sizeLots: 0 });
    return;
  }
  const replacement = rt.deps.journal
    .recentOrders(200, old.symbol)
    .find(
      (o) =>
        o.clientOid !== old.clientOid && o.side === old.side && o.price === price && o.createdAt >= since,
    );
  if (replacement !== undefined) {
    journalStep(rt, old, price, 'amended', {
      sizeLots: replacement.sizeLots,
      newClientOid: replacement.clientOid,
    });
    return;
  }
  const reason = 'Bulwark stopped between the cancel and the new order';
  journalStep(rt, old, price, 'cancelled-not-replaced', { sizeLots: lots, reason });
  raiseAlert(
    rt.deps,
    'warning',
    'amend-not-replaced',
    `${old.symbol}: moving the ${old.side} order at ${old.price} to ${price} was cut short by a restart — the old order was cancelled and no new one was sent; no order is working for these ${String(lots)} lots. Place it again from the ticket if you still want it.`,
    old.symbol,
    { oldClientOid: old.clientOid, price, sizeLots: lots },
  );
}

/**
 * Settles every amend the journal left at `cancelling`; call after start-up reconciliation.
 * @returns how many were settled.
 */
export function settleInterruptedAmends(rt: TradingRuntime): number {
  let settled = 0;
  for (const [oldClientOid, last] of lastSteps(rt)) {
    if (last.step !== 'cancelling' || typeof last.price !== 'string') continue;
    const old = rt.deps.journal.getOrder(oldClientOid);
    if (old?.price === undefined) continue;
    settle(rt, { ...old, price: old.price }, last.price, last.at);
    settled += 1;
  }
  return settled;
}
