import { describe, expect, it } from 'vitest';
import { describeJournalEntry } from './journal-describe.ts';
import {
  journalPageOf,
  journalPageSize,
  journalQueryFor,
  noJournalFilters,
  type JournalEntry,
} from './journal-query.ts';

const entry = (seq: number, kind = 'order', data: Record<string, unknown> = {}): JournalEntry => ({
  seq,
  at: 1_700_000_000_000 + seq,
  kind,
  symbol: 'XBTUSDTM',
  data,
});

describe('journal queries', () => {
  it('asks for one more than the pages up to the current one, with only the set filters', () => {
    expect(journalQueryFor(noJournalFilters, 0)).toEqual({
      ok: true,
      request: { limit: journalPageSize + 1 },
    });
    expect(journalQueryFor({ symbol: ' xbtusdtm ', kind: 'fill', clientOid: 'b-1' }, 2)).toEqual({
      ok: true,
      request: { limit: 3 * journalPageSize + 1, symbol: 'XBTUSDTM', kind: 'fill', clientOid: 'b-1' },
    });
    expect(journalQueryFor(noJournalFilters, 100)).toMatchObject({ ok: true, request: { limit: 1000 } });
  });

  it('refuses a symbol the channel would refuse instead of sending it', () => {
    expect(journalQueryFor({ ...noJournalFilters, symbol: 'BTC' }, 0).ok).toBe(false);
  });

  it('cuts pages newest first and says whether an older page exists', () => {
    const answer = Array.from({ length: journalPageSize + 1 }, (_, i) => entry(i + 1));
    const first = journalPageOf(answer, 0);
    expect(first.entries).toHaveLength(journalPageSize);
    expect(first.entries[0]?.seq).toBe(journalPageSize + 1);
    expect(first.hasOlder).toBe(true);
    const second = journalPageOf(answer, 1);
    expect(second.entries.map((e) => e.seq)).toEqual([1]);
    expect(second.hasOlder).toBe(false);
    expect(journalPageOf([], 0)).toEqual({ entries: [], page: 0, hasOlder: false, capped: false });
  });

  it('says when the 1000-entry reach of one query is exhausted', () => {
    const answer = Array.from({ length: 1000 }, (_, i) => entry(i + 1));
    const last = journalPageOf(answer, 1000 / journalPageSize - 1);
    expect(last.hasOlder).toBe(false);
    expect(last.capped).toBe(true);
  });
});

describe('journal entry descriptions', () => {
  it('names orders, fills, stops, risk decisions, alerts and state changes in words', () => {
    expect(
      describeJournalEntry(
        entry(1, 'order', { status: 'NEW', request: { side: 'buy', size: 5, price: '90000' } }),
      ),
    ).toBe('NEW · buy 5 lots @ 90000');
    expect(describeJournalEntry(entry(2, 'order', { status: 'FILLED', filledLots: 5, reason: null }))).toBe(
      'FILLED · filled 5 lots',
    );
    expect(
      describeJournalEntry(
        entry(3, 'fill', {
          side: 'buy',
          sizeLots: 5,
          price: '90001.5',
          fee: '0.27',
          liquidity: 'taker',
          tradeType: 'trade',
        }),
      ),
    ).toBe('buy 5 lots @ 90001.5 · fee 0.27 · taker');
    expect(
      describeJournalEntry(
        entry(4, 'stop', { action: 'place', stopPrice: '89000', sizeLots: 5, status: 'ACKED', reason: null }),
      ),
    ).toBe('place stop 5 lots @ 89000 · ACKED');
    expect(
      describeJournalEntry(
        entry(5, 'risk-decision', { verdict: 'deny', ruleId: 'max-leverage', message: 'too much' }),
      ),
    ).toBe('deny · max-leverage · too much');
    expect(
      describeJournalEntry(
        entry(6, 'alert', { severity: 'critical', code: 'kill-switch', message: 'pressed' }),
      ),
    ).toBe('critical · kill-switch · pressed');
    expect(
      describeJournalEntry(
        entry(7, 'state-change', { previous: 'ACTIVE', state: 'HALTED', reason: 'kill switch' }),
      ),
    ).toBe('ACTIVE → HALTED · kill switch');
    expect(
      describeJournalEntry(
        entry(8, 'trailing', { action: 'moved', from: '89000', to: '89500', mark: '89800', gapMs: 0 }),
      ),
    ).toBe('moved 89000 → 89500 (mark 89800, gap 0 ms)');
  });

  it('shows unknown kinds as JSON, cut to 200 characters', () => {
    expect(describeJournalEntry(entry(9, 'reconciliation', { positions: ['XBTUSDTM'] }))).toBe(
      '{"positions":["XBTUSDTM"]}',
    );
    expect(describeJournalEntry(entry(10, 'reconciliation', { blob: 'x'.repeat(500) }))).toHaveLength(200);
  });
});
