import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../observability/logger.ts';
import { journalFileFor, setAsideSharedJournal } from './journal-file.ts';

describe('one journal per trading mode', () => {
  it('paper and live have different files', () => {
    expect(journalFileFor('/u', 'paper')).not.toBe(journalFileFor('/u', 'live'));
  });

  it('the shared journal of earlier builds is set aside with its WAL, never opened as either mode', () => {
    const dir = mkdtempSync(join(process.env.BULWARK_TEST_RUN_DIR ?? '/tmp', 'journal-file-'));
    for (const suffix of ['', '-wal', '-shm']) writeFileSync(join(dir, `journal.sqlite${suffix}`), 'x');
    setAsideSharedJournal(dir, silentLogger, 42);
    expect(existsSync(join(dir, 'journal.sqlite'))).toBe(false);
    expect(readdirSync(dir).sort()).toEqual([
      'journal.sqlite.shared-42',
      'journal.sqlite.shared-42-shm',
      'journal.sqlite.shared-42-wal',
    ]);
  });
});
