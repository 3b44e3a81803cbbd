/**
 * The amend's replacement (ADR 0343), sent only once the old order is confirmed cancelled. An
 * entry goes the ticket's way: through the tracker with the trading state checked again at the
 * rate limiter's front, its stop attached or following on the first fill, the entry's held stop
 * change (entry-intents.ts) carried over to the new clientOid, and followed so the watchdog
 * protects a fill at once. A reduce-only close is simply placed again.
 */
import type { MarginMode } from '../../../shared/domain/position.ts';
import type { JournalOrder } from '../../store/order-rows.ts';
import { assertEntryStillAllowed, followEntry, submitEntry } from '../entry.ts';
import { addIntent, applyEntryIntents, type EntryIntent } from '../entry-intents.ts';
import { inBackground, type TradingRuntime } from '../runtime.ts';
import { replacementClose, replacementTicket, type AmendableOrder } from './amend-check.ts';

/** What the replacement did: placed (any status but REJECTED), or refused with the reason. */
export type Replacement =
  { readonly placed: JournalOrder } | { readonly refused: string; readonly order?: JournalOrder | undefined };

/** The old entry's stop change still held (an add waiting for its fill), read before the cancel drops it. */
export function heldIntent(rt: TradingRuntime, clientOid: string): EntryIntent | undefined {
  return (rt.deps.settings.get('entry-intents') ?? []).find((intent) => intent.clientOid === clientOid);
}

function carryIntent(
  rt: TradingRuntime,
  old: AmendableOrder,
  placed: JournalOrder,
  held: EntryIntent | undefined,
): void {
  const side = old.side === 'buy' ? 'long' : 'short';
  addIntent(
    rt,
    held === undefined
      ? {
          clientOid: placed.clientOid,
          symbol: old.symbol,
          side,
          stopPrice: old.stopPrice ?? '',
          apply: rt.positions.has(old.symbol) ? 'on-fill' : 'on-accept',
        }
      : { ...held, clientOid: placed.clientOid },
  );
  applyEntryIntents(rt);
  inBackground(rt, followEntry(rt, placed.clientOid));
}

async function placeEntry(
  rt: TradingRuntime,
  old: AmendableOrder,
  price: string,
  lots: number,
  marginMode: MarginMode,
  held: EntryIntent | undefined,
): Promise<Replacement> {
  // The kill switch or a trigger may have engaged while the cancel was confirmed: then no new entry.
  assertEntryStillAllowed(rt);
  rt.orderTimes.push(rt.deps.now());
  const placed = await submitEntry(rt, replacementTicket(old, price, lots), marginMode);
  if (placed.status === 'REJECTED')
    return { refused: placed.reason ?? 'the exchange refused the order', order: placed };
  if (rt.machine.isActive('kill-switch')) {
    // Pressed while the replacement was on its way: it landed after the kill switch's cancels.
    await rt.deps.tracker.cancel(placed.clientOid);
    return {
      refused:
        'the kill switch was pressed while the new order was on its way; it was cancelled at the exchange',
      order: placed,
    };
  }
  carryIntent(rt, old, placed, held);
  return { placed };
}

/**
 * Cancels the stop legs the exchange attached to the old entry (st-order) once it is cancelled
 * without a fill: they protect nothing, and while the replacement works on the symbol the
 * watchdog's sweep of stray stops leaves them be. A leg not claimed yet is left to the watchdog,
 * which cancels our surplus cover once the replacement fills (ADR 0331, 0336).
 */
export async function dropUnfilledLegs(rt: TradingRuntime, old: AmendableOrder): Promise<void> {
  const legs = rt.deps.journal
    .openOrders()
    .filter((order) => order.purpose === 'stop' && order.parentClientOid === old.clientOid);
  for (const leg of legs)
    await rt.deps.tracker.cancel(leg.clientOid).catch((error: unknown) => {
      rt.deps.logger.warn('amend-leg-cancel-failed', { clientOid: leg.clientOid, error: String(error) });
    });
}

/**
 * Places the replacement for `lots` at `price`.
 * @returns the placed order, or why it was refused (an error on the way counts as a refusal: the
 * old order is already cancelled either way, and the caller says so).
 */
export async function placeReplacement(
  rt: TradingRuntime,
  old: AmendableOrder,
  price: string,
  lots: number,
  marginMode: MarginMode,
  held: EntryIntent | undefined,
): Promise<Replacement> {
  try {
    if (!old.reduceOnly) return await placeEntry(rt, old, price, lots, marginMode, held);
    const placed = await rt.deps.tracker.submit(replacementClose(old, price, lots, marginMode));
    return placed.status === 'REJECTED'
      ? { refused: placed.reason ?? 'the exchange refused the order', order: placed }
      : { placed };
  } catch (error) {
    return { refused: error instanceof Error ? error.message : String(error) };
  }
}
