import { describe, expect, it } from 'vitest';
import { describeJournalEntry } from './journal-describe.ts';

describe('journal rows in words', () => {
  it('a take-profit change reads old → new and why', () => {
    const at = { seq: 1, at: 1, kind: 'stop', symbol: 'XBTUSDTM' } as const;
    expect(
      describeJournalEntry({
        ...at,
        data: { action: 'take-profit-set', from: null, to: '93000', why: 'entry accepted' },
      }),
    ).toBe('take-profit none → 93000 (entry accepted)');
    expect(
      describeJournalEntry({
        ...at,
        data: { action: 'take-profit-set', from: '93000', to: null, why: 'the position is flat' },
      }),
    ).toBe('take-profit 93000 → none (the position is flat)');
  });

  it('a close by the take-profit names its cause', () => {
    const entry = {
      seq: 2,
      at: 2,
      kind: 'position-event',
      data: { event: 'closed', cause: 'take-profit', closedLots: 5, realisedPnl: '9.96' },
    };
    expect(describeJournalEntry(entry)).toContain('closed · take-profit · 5 lots');
  });
});
