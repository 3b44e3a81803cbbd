import type { RequestOf, ResponseOf } from '../../bridge/index.ts';
import { isPerpetualSymbol } from '../../domain/wire-patterns.ts';

/** One journal entry as `trading:query-journal` answers it. */
export type JournalEntry = ResponseOf<'trading:query-journal'>[number];
/** The kinds the journal holds (mirrors `journalKindSchema`). */
export type JournalKind = NonNullable<RequestOf<'trading:query-journal'>['kind']>;

/** The kinds the filter offers, in the trader's order of interest. */
export const journalKinds: readonly JournalKind[] = [
  'order',
  'fill',
  'stop',
  'trailing',
  'risk-decision',
  'alert',
  'state-change',
  'position-event',
  'amend',
  'reconciliation',
  'setting-change',
];

/** Entries per page. */
export const journalPageSize = 50;
/** The channel answers at most this many entries per query (`limit` max), newest first. */
export const journalQueryCap = 1000;

/** The filters as the trader set them; empty strings mean "any". */
export interface JournalFilters {
  readonly symbol: string;
  readonly kind: JournalKind | '';
  /** One order's history (its state changes, fills and stops); empty for all. */
  readonly clientOid: string;
}

/** No filter: everything, newest first. */
export const noJournalFilters: JournalFilters = { symbol: '', kind: '', clientOid: '' };

/** A query the channel accepts, or why the filters cannot be sent as typed. */
export type JournalQuery =
  | { readonly ok: true; readonly request: RequestOf<'trading:query-journal'> }
  | { readonly ok: false; readonly reason: string };

/**
 * The request for a page. The channel has no offset, so page n asks for the newest
 * (n+1)·pageSize + 1 entries (the extra one tells whether an older page exists), capped at
 * {@link journalQueryCap}.
 */
export function journalQueryFor(filters: JournalFilters, page: number): JournalQuery {
  const symbol = filters.symbol.trim().toUpperCase();
  if (symbol !== '' && !isPerpetualSymbol(symbol)) {
    return { ok: false, reason: 'Type a perpetual such as XBTUSDTM, or leave the symbol empty.' };
  }
  const limit = Math.min(journalQueryCap, (page + 1) * journalPageSize + 1);
  return {
    ok: true,
    request: {
      limit,
      ...(symbol === '' ? {} : { symbol }),
      ...(filters.kind === '' ? {} : { kind: filters.kind }),
      ...(filters.clientOid === '' ? {} : { clientOid: filters.clientOid }),
    },
  };
}

/** One page cut from the answer, and whether older entries exist or the cap was reached. */
export interface JournalPage {
  readonly entries: readonly JournalEntry[];
  readonly page: number;
  readonly hasOlder: boolean;
  /** True when older entries may exist but lie beyond what one query can reach. */
  readonly capped: boolean;
}

/** Cuts page `page` out of an answer to {@link journalQueryFor}, newest first. */
export function journalPageOf(answer: readonly JournalEntry[], page: number): JournalPage {
  const sorted = [...answer].sort((a, b) => b.seq - a.seq);
  const start = page * journalPageSize;
  const end = start + journalPageSize;
  const reachable = end < journalQueryCap;
  return {
    entries: sorted.slice(start, end),
    page,
    hasOlder: reachable && sorted.length > end,
    capped: !reachable && sorted.length >= journalQueryCap,
  };
}
