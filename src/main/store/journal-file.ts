/**
 * One journal per trading mode (ADR 0340): paper and live never share a journal, because the
 * journal holds what the engine acts on — open orders it reconciles by clientOid, the stop price a
 * position should have, today's losses — and a paper stop price applied to a live position, or a
 * paper order looked up at KuCoin, is exactly the mix-up the engine must never make.
 */
import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { TradingMode } from '../../shared/ipc/channels/app.ts';
import type { Logger } from '../observability/logger.ts';

/** The journal file of `mode` in the user-data folder. */
export function journalFileFor(userData: string, mode: TradingMode): string {
  return join(userData, `journal-${mode}.sqlite`);
}

/**
 * Sets aside the single journal of earlier builds (shared by both modes, so it cannot be trusted
 * for either), with its WAL and shared-memory files, and says so in the log.
 */
export function setAsideSharedJournal(userData: string, logger: Logger, now: number): void {
  const legacy = join(userData, 'journal.sqlite');
  if (!existsSync(legacy)) return;
  const target = `${legacy}.shared-${now}`;
  for (const suffix of ['', '-wal', '-shm'])
    if (existsSync(legacy + suffix)) renameSync(legacy + suffix, target + suffix);
  logger.warn('journal-shared-set-aside', {
    from: legacy,
    to: target,
    why: 'paper and live now keep separate journals',
  });
}
