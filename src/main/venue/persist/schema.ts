/**
 * The paper account file (ADR 0160): one SQLite database per paper account. `accounts` holds each
 * account's small live state (balance, ledger, positions, open and stop orders, settings) as one
 * row rewritten when it changes; `history` holds the append-only lists (fills, funding payments,
 * ledger rows, closed positions, done orders) one row per item; `meta` the venue's id counters and
 * the venue time the file was last written at.
 */
import type { DatabaseSync } from 'node:sqlite';

const migrations: readonly string[] = [
  `CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
   CREATE TABLE accounts (user_id TEXT PRIMARY KEY, core_json TEXT NOT NULL);
   CREATE TABLE history (seq INTEGER PRIMARY KEY AUTOINCREMENT, user_id TEXT NOT NULL, list TEXT NOT NULL, item_json TEXT NOT NULL);
   CREATE INDEX history_by_list ON history (user_id, list, seq);`,
];

/** Brings the file's schema up to date, one migration per transaction. */
export function migratePaperAccountFile(db: DatabaseSync): void {
  const row = db.prepare('PRAGMA user_version').get() as { user_version: number } | undefined;
  for (let next = row?.user_version ?? 0; next < migrations.length; next += 1) {
    db.exec('BEGIN IMMEDIATE');
    try {
      db.exec(migrations[next] ?? '');
      db.exec(`PRAGMA user_version = ${next + 1}`);
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  }
}
