/**
 * Reads the saved accounts back into a venue: live state from `accounts`, the newest items of each
 * history list, then the venue-wide indexes (resting book, parked stops, open interest, clientOids)
 * the core keeps beside the accounts.
 */
import type { DatabaseSync } from 'node:sqlite';
import { ConfigError } from '../../../shared/errors.ts';
import type { Venue } from '../core/model/context.ts';
import { parkedOf, restingOf } from '../core/model/context.ts';
import type { AccountRecord, OrderRecord } from '../core/model/state.ts';
import { accountFromCore, parseAccountCore } from './account-core.ts';
import { decodeRecord } from './codec.ts';
import { historyLists, keptCount, listOf } from './history-lists.ts';

function corrupt(filePath: string, what: string, error: unknown): ConfigError {
  return new ConfigError(
    'paper-account-file',
    `The paper account file ${filePath} has a damaged ${what} (${String(error)}). Move the file aside to start a fresh paper account.`,
  );
}

/** Loads the newest kept rows of each list and forgets older rows the venue would not remember. */
function loadHistory(db: DatabaseSync, venue: Venue, account: AccountRecord, filePath: string): void {
  const newest = db.prepare(
    'SELECT seq, item_json FROM history WHERE user_id = ? AND list = ? ORDER BY seq DESC LIMIT ?',
  );
  const forget = db.prepare('DELETE FROM history WHERE user_id = ? AND list = ? AND seq < ?');
  for (const list of historyLists) {
    const rows = newest.all(account.userId, list, keptCount(venue.config, list)) as {
      seq: number;
      item_json: string;
    }[];
    rows.reverse();
    const items = listOf(account, list);
    try {
      for (const row of rows) items.push(decodeRecord(row.item_json));
    } catch (error) {
      throw corrupt(filePath, `${list} history of ${account.userId}`, error);
    }
    const oldest = rows[0];
    if (oldest !== undefined) forget.run(account.userId, list, oldest.seq);
  }
  for (const order of account.doneOrders) account.orders.set(order.id, order);
}

/** clientOid → order id, the newest order of each clientOid winning (as at acceptance). */
function indexClientOids(account: AccountRecord): void {
  const orders = [...account.orders.values()].sort((a, b) => a.priority - b.priority);
  for (const order of orders) account.clientOids.set(order.clientOid, order.id);
}

function placeInVenue(venue: Venue, account: AccountRecord): void {
  for (const order of account.openOrders) placeOrderInVenue(venue, order);
  for (const position of account.positions.values()) {
    const market = venue.markets.get(position.symbol);
    if (market !== undefined) market.openInterest += position.qty < 0n ? -position.qty : position.qty;
  }
}

function placeOrderInVenue(venue: Venue, order: OrderRecord): void {
  if (order.parked) parkedOf(venue, order.symbol).push(order);
  else if (order.resting) restingOf(venue, order.symbol).push(order);
}

/** Every saved account, restored into `venue` (throws ConfigError naming a damaged row). */
export function loadAccounts(db: DatabaseSync, venue: Venue, filePath: string): AccountRecord[] {
  const rows = db.prepare('SELECT user_id, core_json FROM accounts ORDER BY user_id').all() as {
    user_id: string;
    core_json: string;
  }[];
  const accounts: AccountRecord[] = [];
  for (const row of rows) {
    let account: AccountRecord;
    try {
      account = accountFromCore(parseAccountCore(decodeRecord(row.core_json)));
    } catch (error) {
      throw corrupt(filePath, `account ${row.user_id}`, error);
    }
    loadHistory(db, venue, account, filePath);
    indexClientOids(account);
    venue.accounts.set(account.userId, account);
    placeInVenue(venue, account);
    accounts.push(account);
  }
  return accounts;
}
