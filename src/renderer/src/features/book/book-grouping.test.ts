import { describe, expect, it } from 'vitest';
import { formatToTick, groupLevels, groupingStep, spreadOf } from './book-grouping.ts';

const bids = [
  { price: '90000.9', sizeLots: 2 },
  { price: '90000.1', sizeLots: 3 },
  { price: '90000', sizeLots: 4 },
  { price: '89999.9', sizeLots: 5 },
];
const asks = [
  { price: '90001', sizeLots: 1 },
  { price: '90001.1', sizeLots: 6 },
  { price: '90001.9', sizeLots: 7 },
  { price: '90002.0', sizeLots: 8 },
];

describe('groupLevels: buckets rounded away from the spread', () => {
  it('at 1× the tick, keeps every level, formatted to the tick, with cumulative depth', () => {
    expect(groupLevels(bids, 'bid', '0.1', '0.1')).toEqual([
      { price: '90000.9', sizeLots: 2, cumulativeLots: 2 },
      { price: '90000.1', sizeLots: 3, cumulativeLots: 5 },
      { price: '90000.0', sizeLots: 4, cumulativeLots: 9 },
      { price: '89999.9', sizeLots: 5, cumulativeLots: 14 },
    ]);
  });

  it('bids round down: 90000.9 and 90000.1 join 90000, 89999.9 goes to 89999', () => {
    expect(groupLevels(bids, 'bid', groupingStep('0.1', 10), '0.1')).toEqual([
      { price: '90000.0', sizeLots: 9, cumulativeLots: 9 },
      { price: '89999.0', sizeLots: 5, cumulativeLots: 14 },
    ]);
  });

  it('asks round up: 90001 stays, 90001.1 and 90001.9 join 90002 with 90002.0', () => {
    expect(groupLevels(asks, 'ask', groupingStep('0.1', 10), '0.1')).toEqual([
      { price: '90001.0', sizeLots: 1, cumulativeLots: 1 },
      { price: '90002.0', sizeLots: 21, cumulativeLots: 22 },
    ]);
  });

  it('at 100× the tick, a bucket never shows a better price than its orders', () => {
    const [bestBid] = groupLevels(bids, 'bid', groupingStep('0.1', 100), '0.1');
    const [bestAsk] = groupLevels(asks, 'ask', groupingStep('0.1', 100), '0.1');
    expect(bestBid?.price).toBe('90000.0');
    expect(bestAsk?.price).toBe('90010.0');
    expect(bestBid?.sizeLots).toBe(9);
    expect(bestAsk?.sizeLots).toBe(22);
  });

  it('works on ticks below one: 0.01 × 10 = 0.1', () => {
    expect(groupingStep('0.01', 10)).toBe('0.1');
    expect(
      groupLevels(
        [
          { price: '3000.19', sizeLots: 1 },
          { price: '3000.11', sizeLots: 2 },
        ],
        'ask',
        '0.1',
        '0.01',
      ),
    ).toEqual([{ price: '3000.20', sizeLots: 3, cumulativeLots: 3 }]);
  });
});

describe('price text', () => {
  it('formats to the tick and measures the spread exactly', () => {
    expect(formatToTick('91234.5', '0.01')).toBe('91234.50');
    expect(formatToTick('91234', '1')).toBe('91234');
    expect(spreadOf('90000.9', '90001', '0.1')).toBe('0.1');
    expect(spreadOf(undefined, '90001', '0.1')).toBeUndefined();
  });
});
