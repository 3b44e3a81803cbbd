/**
 * How long the venue remembers finished business (ADR 0130). KuCoin answers done orders and
 * fills only for a limited window (recentDoneOrders / recentFills: 24 h, docs/reference/kucoin-futures.md#fills); without a bound
 * a long paper session would keep every done order and clientOid forever. Done orders are kept
 * in the order they finished, so pruning only ever looks at the oldest ones.
 */
import type { Venue } from '../model/context.ts';
import type { AccountRecord, OrderRecord } from '../model/state.ts';

/** Forgets one done order: its id and, when it still points at it, its clientOid. */
function forget(account: AccountRecord, order: OrderRecord): void {
  account.orders.delete(order.id);
  if (account.clientOids.get(order.clientOid) === order.id) account.clientOids.delete(order.clientOid);
}

/** How many leading entries of a list, oldest first, are older than `cutoffMs`. */
function expiredCount<T>(list: readonly T[], cutoffMs: number, timeOf: (item: T) => number): number {
  let n = 0;
  while (n < list.length && timeOf(list[n] as T) < cutoffMs) n += 1;
  return n;
}

/**
 * Drops the account's done orders beyond the count cap or older than the retention window, and
 * fills older than the window. Open and parked orders are never touched.
 */
export function pruneAccountHistory(venue: Venue, account: AccountRecord): void {
  const cutoffMs = venue.nowMs - venue.config.orderHistoryRetentionMs;
  const done = account.doneOrders;
  const overCap = Math.max(0, done.length - venue.config.doneOrdersPerAccountMax);
  const stale = Math.max(
    overCap,
    expiredCount(done, cutoffMs, (order) => order.endAt ?? 0),
  );
  if (stale > 0) for (const order of done.splice(0, stale)) forget(account, order);
  const staleFills = expiredCount(account.fills, cutoffMs, (fill) => fill.createdAt);
  if (staleFills > 0) account.fills.splice(0, staleFills);
}

/** Records that `order` just finished (filled or canceled) and prunes its account's history. */
export function recordDone(venue: Venue, order: OrderRecord): void {
  const account = venue.accounts.get(order.userId);
  if (account === undefined) return;
  account.doneOrders.push(order);
  pruneAccountHistory(venue, account);
}

/** Prunes every account (as venue time passes, so old history goes even when nothing trades). */
export function pruneHistory(venue: Venue): void {
  for (const account of venue.accounts.values()) pruneAccountHistory(venue, account);
}
