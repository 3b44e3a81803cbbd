/** Our orders the exchange says it cancelled, marked so in the journal (cancel-all, kill switch). */
import type { TradingRuntime } from './runtime.ts';

/** Marks our orders the exchange named as cancelled; the next pass confirms the rest. */
export function noteCancelled(rt: TradingRuntime, exchangeOrderIds: readonly string[], reason: string): void {
  for (const id of exchangeOrderIds) {
    const ours = rt.deps.journal.getOrderByExchangeId(id);
    if (ours !== undefined) rt.deps.tracker.markCancelled(ours.clientOid, reason);
  }
}
