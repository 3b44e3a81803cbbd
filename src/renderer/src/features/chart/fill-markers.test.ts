import { describe, expect, it } from 'vitest';
import { chartFills, fillMarkers, type JournalEntry } from './fill-markers.ts';

const fill = (seq: number, at: number, side: string, sizeLots: number, price: string): JournalEntry => ({
  seq,
  at,
  kind: 'fill',
  symbol: 'XBTUSDTM',
  data: { tradeId: `t${String(seq)}`, side, sizeLots, price, fee: '0.1', liquidity: 'taker' },
});

const options = {
  barSeconds: 60,
  firstBarTime: 600,
  pricePrecision: 1,
  colors: { up: 'green', down: 'red' },
};

describe('fill markers', () => {
  it('points a buy up at its price from below and a sell down at its price from above, at the bar they fell in', () => {
    const fills = chartFills([fill(1, 630_500, 'buy', 2, '90000'), fill(2, 725_000, 'sell', 1, '90100.5')]);
    expect(fillMarkers(fills, options)).toEqual([
      {
        time: 600,
        price: 90_000,
        position: 'atPriceBottom',
        shape: 'arrowUp',
        color: 'green',
        text: 'Buy 2 @ 90000.0',
      },
      {
        time: 720,
        price: 90_100.5,
        position: 'atPriceTop',
        shape: 'arrowDown',
        color: 'red',
        text: 'Sell 1 @ 90100.5',
      },
    ]);
  });

  it('sums the fills of one bar and side, at their average price', () => {
    const fills = chartFills([fill(1, 600_000, 'buy', 1, '100'), fill(2, 659_999, 'buy', 3, '104')]);
    expect(fillMarkers(fills, options).map((marker) => marker.text)).toEqual(['Buy 4 @ 103.0']);
  });

  it('leaves out fills before the first loaded bar (they would be drawn at the wrong bar)', () => {
    const fills = chartFills([fill(1, 599_000, 'buy', 1, '100')]);
    expect(fillMarkers(fills, options)).toEqual([]);
    expect(fillMarkers(fills, { ...options, firstBarTime: 540 })).toHaveLength(1);
    expect(fillMarkers(fills, { ...options, firstBarTime: undefined })).toEqual([]);
  });

  it('skips journal entries that do not read as a fill', () => {
    const order: JournalEntry = { seq: 3, at: 600_000, kind: 'order', data: { side: 'buy' } };
    expect(chartFills([order, fill(4, 600_000, 'buy', 1, 'abc'), fill(5, 600_000, 'hold', 1, '1')])).toEqual(
      [],
    );
  });
});
