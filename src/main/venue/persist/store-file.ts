/**
 * Opening the paper account file (ADR 0160): WAL with `synchronous = FULL` (the journal's settings,
 * src/main/store/journal.ts), so a committed transaction survives a kill -9 and a power cut, and
 * the prepared statements every commit runs.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { StatementSync } from 'node:sqlite';
import { ConfigError } from '../../../shared/errors.ts';
import { migratePaperAccountFile } from './schema.ts';

/** The statements a commit and a restore run. */
export interface StoreStatements {
  readonly readMeta: StatementSync;
  readonly writeMeta: StatementSync;
  readonly writeCore: StatementSync;
  readonly appendItem: StatementSync;
  readonly forgetHistory: StatementSync;
}

/** Opens (creating with its folder when missing) and migrates the file; ConfigError saying what to do. */
export function openStoreFile(filePath: string): DatabaseSync {
  if (filePath !== ':memory:') mkdirSync(dirname(filePath), { recursive: true });
  try {
    const db = new DatabaseSync(filePath);
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = FULL');
    db.exec('PRAGMA busy_timeout = 5000');
    migratePaperAccountFile(db);
    return db;
  } catch (error) {
    throw new ConfigError(
      'paper-account-file',
      `The paper account file ${filePath} could not be opened (${String(error)}). Move it aside to start a fresh paper account.`,
    );
  }
}

/** The prepared statements over `db`. */
export function storeStatements(db: DatabaseSync): StoreStatements {
  return {
    readMeta: db.prepare('SELECT value FROM meta WHERE key = ?'),
    writeMeta: db.prepare(
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    ),
    writeCore: db.prepare(
      'INSERT INTO accounts (user_id, core_json) VALUES (?, ?) ON CONFLICT(user_id) DO UPDATE SET core_json = excluded.core_json',
    ),
    appendItem: db.prepare('INSERT INTO history (user_id, list, item_json) VALUES (?, ?, ?)'),
    forgetHistory: db.prepare('DELETE FROM history WHERE user_id = ?'),
  };
}

/** The meta value under `key`, or null when none was written. */
export function readMeta(sql: StoreStatements, key: string): string | null {
  const row = sql.readMeta.get(key) as { value: string } | undefined;
  return row === undefined ? null : row.value;
}

/** Runs `work` in one IMMEDIATE transaction: all of it reaches the disk, or none. */
export function inTransaction(db: DatabaseSync, work: () => void): void {
  db.exec('BEGIN IMMEDIATE');
  try {
    work();
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}
