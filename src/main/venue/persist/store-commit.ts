/**
 * Writing the venue's accounts (ADR 0160): an account's live state is rewritten when its encoding
 * changed; its history lists get the items after the last one written. An account record that
 * replaced the one written before (a reset) starts its history afresh on disk too.
 */
import type { DatabaseSync } from 'node:sqlite';
import type { Venue } from '../core/model/context.ts';
import type { AccountRecord } from '../core/model/state.ts';
import { accountCoreOf } from './account-core.ts';
import { encodeRecord } from './codec.ts';
import { historyLists, itemsAfter, listOf } from './history-lists.ts';
import type { HistoryList } from './history-lists.ts';
import { inTransaction } from './store-file.ts';
import type { StoreStatements } from './store-file.ts';

/** Venue time between two writes of the save time when no account changed (one candle). */
const SAVED_AT_REFRESH_MS = 60_000;

/** What is on disk already, so a commit writes only what changed. */
export interface Written {
  /** The account record last written per user (a different record = the account was reset). */
  readonly records: Map<string, AccountRecord>;
  readonly core: Map<string, string>;
  readonly tails: Map<AccountRecord, Map<HistoryList, unknown>>;
  savedAtMs: number;
}

/** Nothing written yet. */
export function nothingWritten(): Written {
  return { records: new Map(), core: new Map(), tails: new Map(), savedAtMs: Number.NEGATIVE_INFINITY };
}

/** Marks `account` as being on disk exactly as it is now (after a restore). */
export function markWritten(written: Written, account: AccountRecord): void {
  written.records.set(account.userId, account);
  written.core.set(account.userId, encodeRecord(accountCoreOf(account)));
  written.tails.set(account, new Map(historyLists.map((list) => [list, listOf(account, list).at(-1)])));
}

function tailsOf(written: Written, sql: StoreStatements, account: AccountRecord): Map<HistoryList, unknown> {
  const before = written.records.get(account.userId);
  if (before !== undefined && before !== account) {
    sql.forgetHistory.run(account.userId);
    written.tails.delete(before);
  }
  written.records.set(account.userId, account);
  let tails = written.tails.get(account);
  if (tails === undefined) {
    tails = new Map();
    written.tails.set(account, tails);
  }
  return tails;
}

/** Writes the account's changed rows; true when anything was written. */
function commitAccount(written: Written, sql: StoreStatements, account: AccountRecord): boolean {
  const tails = tailsOf(written, sql, account);
  let changed = false;
  const core = encodeRecord(accountCoreOf(account));
  if (written.core.get(account.userId) !== core) {
    sql.writeCore.run(account.userId, core);
    written.core.set(account.userId, core);
    changed = true;
  }
  for (const list of historyLists) {
    const items = listOf(account, list);
    const fresh = itemsAfter(items, tails.get(list));
    for (const item of fresh) sql.appendItem.run(account.userId, list, encodeRecord(item));
    if (fresh.length > 0) {
      tails.set(list, items[items.length - 1]);
      changed = true;
    }
  }
  return changed;
}

/** One transaction holding every change of every account, the id counters and the save time. */
export function commitVenue(db: DatabaseSync, sql: StoreStatements, written: Written, venue: Venue): void {
  inTransaction(db, () => {
    let changed = false;
    for (const account of venue.accounts.values()) changed = commitAccount(written, sql, account) || changed;
    if (changed || venue.nowMs - written.savedAtMs >= SAVED_AT_REFRESH_MS) {
      sql.writeMeta.run('counters', JSON.stringify(venue.ids.counters()));
      sql.writeMeta.run('savedAtMs', String(venue.nowMs));
      written.savedAtMs = venue.nowMs;
    }
  });
}
