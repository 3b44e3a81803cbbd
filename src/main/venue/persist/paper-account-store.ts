/**
 * The paper account store (ADR 0160): keeps the venue's accounts in one SQLite file so a paper
 * account survives restarts and crashes like an account at a real exchange. Every commit is one
 * transaction written with `synchronous = FULL` under WAL (the journal's settings,
 * src/main/store/journal.ts), and the core commits before a call's answer leaves the venue, so a
 * kill -9 loses nothing a client was told.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { ConfigError } from '../../../shared/errors.ts';
import type { Logger } from '../../observability/logger.ts';
import type { IdCounters, Venue } from '../core/context.ts';
import type { VenuePersistence } from '../core/exchange-api.ts';
import type { AccountRecord } from '../core/state.ts';
import { accountCoreOf } from './account-core.ts';
import { decodeRecord, encodeRecord } from './codec.ts';
import { historyLists, itemsAfter, listOf } from './history-lists.ts';
import type { HistoryList } from './history-lists.ts';
import { loadAccounts } from './load.ts';
import { settleGap } from './gap.ts';
import { migratePaperAccountFile } from './schema.ts';

/** What {@link openPaperAccountStore} needs. */
export interface PaperAccountStoreOptions {
  /** The account's file (created with its folder when missing). */
  readonly filePath: string;
  readonly logger: Logger;
}

/** A {@link VenuePersistence} over one file, plus what the app needs around it. */
export interface PaperAccountStore extends VenuePersistence {
  /** The venue this store restored into (throws before the venue opened). */
  venue(): Venue;
  /** Closes the file. */
  close(): void;
}

/** Venue time between two writes of the save time when no account changed (one candle). */
const SAVED_AT_REFRESH_MS = 60_000;

interface Written {
  core: Map<string, string>;
  tails: Map<AccountRecord, Map<HistoryList, unknown>>;
  savedAtMs: number;
}

function openFile(filePath: string): DatabaseSync {
  if (filePath !== ':memory:') mkdirSync(dirname(filePath), { recursive: true });
  try {
    const db = new DatabaseSync(filePath);
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = FULL');
    db.exec('PRAGMA busy_timeout = 5000');
    migratePaperAccountFile(db);
    return db;
  } catch (error) {
    throw new ConfigError('paper-account-file', `The paper account file ${filePath} could not be opened (${String(error)}). Move it aside to start a fresh paper account.`);
  }
}

function statements(db: DatabaseSync) {
  return {
    readMeta: db.prepare('SELECT value FROM meta WHERE key = ?'),
    writeMeta: db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'),
    writeCore: db.prepare('INSERT INTO accounts (user_id, core_json) VALUES (?, ?) ON CONFLICT(user_id) DO UPDATE SET core_json = excluded.core_json'),
    appendItem: db.prepare('INSERT INTO history (user_id, list, item_json) VALUES (?, ?, ?)'),
  };
}

/** Opens the paper account file at `options.filePath`. */
export function openPaperAccountStore(options: PaperAccountStoreOptions): PaperAccountStore {
  const db = openFile(options.filePath);
  const sql = statements(db);
  const logger = options.logger.child({ component: 'paper-account' });
  const written: Written = { core: new Map(), tails: new Map(), savedAtMs: Number.NEGATIVE_INFINITY };
  let restored: Venue | null = null;
  const meta = (key: string): string | null => {
    const row = sql.readMeta.get(key) as { value: string } | undefined;
    return row === undefined ? null : row.value;
  };

  /** Writes the account's changed rows; true when anything was written. */
  const commitAccount = (account: AccountRecord): boolean => {
    let changed = false;
    const core = encodeRecord(accountCoreOf(account));
    if (written.core.get(account.userId) !== core) {
      sql.writeCore.run(account.userId, core);
      written.core.set(account.userId, core);
      changed = true;
    }
    let tails = written.tails.get(account);
    if (tails === undefined) {
      tails = new Map();
      written.tails.set(account, tails);
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
  };

  const commit = (venue: Venue): void => {
    db.exec('BEGIN IMMEDIATE');
    try {
      let changed = false;
      for (const account of venue.accounts.values()) changed = commitAccount(account) || changed;
      if (changed || venue.nowMs - written.savedAtMs >= SAVED_AT_REFRESH_MS) {
        sql.writeMeta.run('counters', JSON.stringify(venue.ids.counters()));
        sql.writeMeta.run('savedAtMs', String(venue.nowMs));
        written.savedAtMs = venue.nowMs;
      }
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  };

  return {
    savedAtMs: () => {
      const text = meta('savedAtMs');
      return text === null ? null : Number(text);
    },
    restore(venue, untilMs) {
      restored = venue;
      const counters = meta('counters');
      if (counters !== null) venue.ids.resume(decodeRecord(counters) as IdCounters);
      const accounts = loadAccounts(db, venue, options.filePath);
      for (const account of accounts) {
        written.core.set(account.userId, encodeRecord(accountCoreOf(account)));
        written.tails.set(account, new Map(historyLists.map((list) => [list, listOf(account, list).at(-1)])));
      }
      written.savedAtMs = venue.nowMs;
      if (accounts.length > 0) logger.info('paper-account-restored', { accounts: accounts.length, savedAtMs: venue.nowMs, untilMs });
      settleGap(venue, untilMs);
    },
    commit,
    venue: () => {
      if (restored === null) throw new Error('the paper venue has not opened yet');
      return restored;
    },
    close: () => {
      db.close();
    },
  };
}
