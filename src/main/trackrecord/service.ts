/**
 * The track record service (ADR 0650): reads a mode's journal — the open one for the running mode,
 * the other mode's file opened for the read and closed again — computes the record, and writes its
 * CSV under `<userData>/exports/` (ADR 0651: main picks the path, so the renderer never names a file
 * for main to write).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dec, type Dec } from '../../shared/domain/decimal.ts';
import { ValidationError } from '../../shared/errors.ts';
import type { TradingMode } from '../../shared/ipc/channels/app.ts';
import type { TrackRecord, TrackRecordExport } from '../../shared/ipc/channels/trackrecord.ts';
import type { Config } from '../config/schema.ts';
import type { Logger } from '../observability/logger.ts';
import { journalFileFor } from '../store/journal-file.ts';
import { openJournal, type Journal } from '../store/journal.ts';
import { computeTrackRecord } from './compute.ts';
import { trackRecordCsv } from './csv.ts';
import { readJournalFacts, type JournalFacts } from './read-journal.ts';

/** What the service is built from. */
export interface TrackRecordServiceOptions {
  /** The running mode and its open journal. */
  readonly mode: TradingMode;
  readonly journal: Journal;
  readonly userData: string;
  readonly config: () => Config;
  readonly now: () => number;
  /** Contract multipliers by symbol (the exchange's contract list). @throws when it cannot be read. */
  readonly multipliers: () => Promise<ReadonlyMap<string, string>>;
  readonly logger: Logger;
}

/** The service. */
export interface TrackRecordService {
  /** The record of `mode`. @throws ValidationError when a traded contract's multiplier is unknown. */
  record(mode: TradingMode): Promise<TrackRecord>;
  /** Writes the CSV of `mode` and returns where, with its text. */
  exportCsv(mode: TradingMode): Promise<TrackRecordExport>;
}

const emptyFacts: JournalFacts = {
  fills: [],
  funding: [],
  safety: [],
  startingEquityUsdt: undefined,
  skippedEvents: 0,
};

function factsOf(options: TrackRecordServiceOptions, mode: TradingMode): JournalFacts {
  if (mode === options.mode) return readJournalFacts(options.journal);
  const file = journalFileFor(options.userData, mode);
  if (!existsSync(file)) return emptyFacts;
  const journal = openJournal({ filePath: file, now: options.now });
  try {
    return readJournalFacts(journal);
  } finally {
    journal.close();
  }
}

async function multiplierLookup(
  options: TrackRecordServiceOptions,
  facts: JournalFacts,
): Promise<(symbol: string) => Dec> {
  if (facts.fills.length === 0) return () => dec(1);
  const known = await options.multipliers();
  return (symbol) => {
    const multiplier = known.get(symbol);
    if (multiplier === undefined) {
      throw new ValidationError(
        'trackrecord-contract-unknown',
        `${symbol} is not in the exchange's contract list, so its PnL cannot be computed; the contract may be delisted`,
        { details: { symbol } },
      );
    }
    return dec(multiplier);
  };
}

/** Builds the service. */
export function createTrackRecordService(options: TrackRecordServiceOptions): TrackRecordService {
  const record = async (mode: TradingMode): Promise<TrackRecord> => {
    const facts = factsOf(options, mode);
    if (facts.skippedEvents > 0)
      options.logger.warn('trackrecord-events-skipped', { mode, skipped: facts.skippedEvents });
    const config = options.config();
    return computeTrackRecord(
      { ...facts, multiplierOf: await multiplierLookup(options, facts) },
      {
        mode,
        now: options.now(),
        unprotectedLimitS: config.trading.protection.nakedAlertAfterS,
        config: config.trackRecord,
      },
    );
  };
  return {
    record,
    async exportCsv(mode) {
      const computed = await record(mode);
      const csv = trackRecordCsv(computed);
      const folder = join(options.userData, 'exports');
      mkdirSync(folder, { recursive: true });
      const stamp = new Date(computed.computedAt)
        .toISOString()
        .replaceAll(':', '-')
        .replace(/\.\d+Z$/, 'Z');
      const filePath = join(folder, `track-record-${mode}-${stamp}.csv`);
      writeFileSync(filePath, csv, { encoding: 'utf8', mode: 0o600 });
      options.logger.info('trackrecord-exported', { mode, filePath, trades: computed.trades.length });
      return { filePath, csv, trades: computed.trades.length };
    },
  };
}

/** IPC handlers for `src/shared/ipc/channels/trackrecord.ts` (requests arrive validated by the router). */
export function createTrackRecordHandlers(service: TrackRecordService) {
  return {
    'trackrecord:get-record': (request: { mode: TradingMode }): Promise<TrackRecord> =>
      service.record(request.mode),
    'trackrecord:export-csv': (request: { mode: TradingMode }): Promise<TrackRecordExport> =>
      service.exportCsv(request.mode),
  };
}
