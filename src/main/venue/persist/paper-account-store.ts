/**
 * The paper account store (ADR 0160): keeps the venue's accounts in one SQLite file so a paper
 * account survives restarts and crashes like an account at a real exchange. Every commit is one
 * transaction written with `synchronous = FULL` under WAL, and the core commits before a call's
 * answer leaves the venue, so a kill -9 loses nothing a client was told.
 */
import type { DatabaseSync } from 'node:sqlite';
import type { Logger } from '../../observability/logger.ts';
import type { IdCounters, Venue } from '../core/model/context.ts';
import type { VenuePersistence } from '../core/exchange-api.ts';
import { decodeRecord } from './codec.ts';
import { loadAccounts } from './load.ts';
import { settleGap } from './gap.ts';
import { settleMirroredGap } from './mirrored-gap.ts';
import { commitVenue, markWritten, nothingWritten } from './store-commit.ts';
import type { Written } from './store-commit.ts';
import { openStoreFile, readMeta, storeStatements } from './store-file.ts';
import type { StoreStatements } from './store-file.ts';

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

interface StoreParts {
  readonly db: DatabaseSync;
  readonly sql: StoreStatements;
  readonly written: Written;
  readonly options: PaperAccountStoreOptions;
  readonly logger: Logger;
}

/** Puts the saved accounts and id counters into `venue`, then settles the closed time up to `untilMs`. */
function restoreInto(parts: StoreParts, venue: Venue, untilMs: number): void {
  const counters = readMeta(parts.sql, 'counters');
  if (counters !== null) venue.ids.resume(decodeRecord(counters) as IdCounters);
  const accounts = loadAccounts(parts.db, venue, parts.options.filePath);
  for (const account of accounts) markWritten(parts.written, account);
  const savedText = readMeta(parts.sql, 'savedAtMs');
  const savedAtMs = savedText === null ? venue.nowMs : Number(savedText);
  parts.written.savedAtMs = venue.nowMs;
  if (accounts.length > 0)
    parts.logger.info('paper-account-restored', { accounts: accounts.length, savedAtMs, untilMs });
  // A mirrored market opens at the present on the upstream's real history of the closed time;
  // the synthetic one was built up to the last save and steps on from there.
  if (venue.mirror === undefined) settleGap(venue, untilMs);
  else settleMirroredGap(venue, savedAtMs, untilMs);
}

/** Opens the paper account file at `options.filePath` (throws ConfigError when it is damaged). */
export function openPaperAccountStore(options: PaperAccountStoreOptions): PaperAccountStore {
  const db = openStoreFile(options.filePath);
  const parts: StoreParts = {
    db,
    sql: storeStatements(db),
    written: nothingWritten(),
    options,
    logger: options.logger.child({ component: 'paper-account' }),
  };
  let restored: Venue | null = null;
  return {
    savedAtMs: () => {
      const text = readMeta(parts.sql, 'savedAtMs');
      return text === null ? null : Number(text);
    },
    restore(venue, untilMs) {
      restored = venue;
      restoreInto(parts, venue, untilMs);
    },
    commit: (venue) => {
      commitVenue(db, parts.sql, parts.written, venue);
    },
    venue: () => {
      if (restored === null) throw new Error('the paper venue has not opened yet');
      return restored;
    },
    close: () => {
      db.close();
    },
  };
}
