import { describe, expect, it } from 'vitest';
import { fillRowsOf, startOfLocalDay } from './fill-entry.ts';

const fill = (seq: number, at: number, data: Record<string, unknown>) => ({
  seq,
  at,
  kind: 'fill',
  symbol: 'XBTUSDTM',
  clientOid: `bw-${String(seq)}`,
  data,
});
const data = {
  tradeId: 't1',
  side: 'sell',
  sizeLots: 2,
  price: '60000.1',
  fee: '0.72',
  liquidity: 'taker',
  tradeType: 'trade',
};

describe('fills in the dock', () => {
  it('reads fills from the journal newest first, with the order they belong to', () => {
    const rows = fillRowsOf([fill(1, 100, data), fill(2, 200, { ...data, tradeId: 't2', side: 'buy' })]);
    expect(rows.map((r) => [r.tradeId, r.side, r.clientOid])).toEqual([
      ['t2', 'buy', 'bw-2'],
      ['t1', 'sell', 'bw-1'],
    ]);
  });

  it('leaves out an entry that is not a well-formed fill instead of inventing its fields', () => {
    const rows = fillRowsOf([fill(1, 100, { tradeId: 't1' }), { ...fill(2, 200, data), kind: 'order' }]);
    expect(rows).toEqual([]);
  });

  it('starts the day at local midnight', () => {
    const noon = new Date(2026, 11, 4, 12, 30).getTime();
    expect(startOfLocalDay(noon)).toBe(new Date(2026, 11, 4).getTime());
  });
});
