// CSV cells: quotes doubled, a text cell that a spreadsheet would run as a formula neutralised.
import { describe, expect, it } from 'vitest';
import { dec } from '../../shared/domain/decimal.ts';
import { defaultConfig } from '../config/schema.ts';
import { computeTrackRecord } from './compute.ts';
import { trackRecordCsv } from './csv.ts';

describe('trackRecordCsv', () => {
  it('neutralises a formula-looking symbol and quotes a cell with a quote', () => {
    const fills = [
      { symbol: '=HYPERLINK("x")', side: 'buy' as const, lots: 1, price: '10', fee: '0', at: 0 },
      { symbol: '=HYPERLINK("x")', side: 'sell' as const, lots: 1, price: '11', fee: '0', at: 1_000 },
    ];
    const record = computeTrackRecord(
      { fills, funding: [], safety: [], startingEquityUsdt: '100', multiplierOf: () => dec(1) },
      { mode: 'paper', now: 2_000, unprotectedLimitS: 5, config: defaultConfig().trackRecord },
    );
    const row = trackRecordCsv(record).split('\r\n')[1] ?? '';
    expect(row.startsWith(`"'=HYPERLINK(""x"")",long,`)).toBe(true);
    // Negative numbers are numbers, not formulas: left as they are.
    expect(
      trackRecordCsv({
        ...record,
        trades: [{ ...record.trades[0], netPnlUsdt: '-1' } as (typeof record.trades)[number]],
      }),
    ).toContain(',-1,');
  });
});
