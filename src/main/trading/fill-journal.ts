/**
 * Fills in the journal's event stream (ADR 0511). Fills live in their own table (idempotent by
 * trade id); the Journal view reads `trading:query-journal`, so each fill recorded for the first
 * time is also appended as a `fill` event, with the order's clientOid when we know the order.
 */
import type { Journal, JournalFill } from '../store/journal.ts';

function clientOidOf(journal: Journal, fill: JournalFill): string | undefined {
  if (fill.clientOid !== undefined) return fill.clientOid;
  // Fills found by the position monitor carry only the exchange order id.
  return journal
    .recentOrders(200, fill.symbol)
    .find((order) => order.exchangeOrderId === fill.exchangeOrderId)?.clientOid;
}

/** The journal, with `recordFill` also appending a `fill` event when the fill is new. */
export function withFillEvents(journal: Journal): Journal {
  return {
    ...journal,
    recordFill(fill) {
      const added = journal.recordFill(fill);
      if (added) {
        const { symbol, at, ...data } = fill;
        journal.append('fill', { ...data }, { symbol, clientOid: clientOidOf(journal, fill), at });
      }
      return added;
    },
  };
}
