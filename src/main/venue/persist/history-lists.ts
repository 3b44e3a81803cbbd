/**
 * The append-only lists of an account and how each is bounded in memory. Each list is saved one
 * row per item; a commit writes the items after the last one it saved (found from the end, so a
 * commit costs the new items, not the list).
 */
import type { VenueConfig } from '../../config/sections/venue.ts';
import type { AccountRecord } from '../core/model/state.ts';

/** The lists kept in `history` rows. */
export const historyLists = ['fills', 'funding', 'transactions', 'closed', 'done'] as const;
/** One of {@link historyLists}. */
export type HistoryList = (typeof historyLists)[number];

/** The in-memory list of `account` that `list` names. */
export function listOf(account: AccountRecord, list: HistoryList): unknown[] {
  switch (list) {
    case 'fills':
      return account.fills;
    case 'funding':
      return account.fundingPayments;
    case 'transactions':
      return account.transactions;
    case 'closed':
      return account.closedPositions;
    case 'done':
      return account.doneOrders;
  }
}

/** How many items of `list` the venue keeps in memory (the rest is history it would have forgotten). */
export function keptCount(config: VenueConfig, list: HistoryList): number {
  if (list === 'fills') return config.historyLimit * 10;
  if (list === 'done') return config.doneOrdersPerAccountMax;
  return config.historyLimit;
}

/** The items of `items` after `last` (all of them when `last` is not there: it was trimmed away). */
export function itemsAfter(items: readonly unknown[], last: unknown): readonly unknown[] {
  if (last === undefined) return items;
  const at = items.lastIndexOf(last);
  return at < 0 ? items : items.slice(at + 1);
}
