import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OrderLine } from '../chart/order-lines.ts';
import { holdableOrderLines } from './held-order-lines.ts';

const line: OrderLine = {
  clientOid: 'bw-old',
  side: 'buy',
  purpose: 'entry',
  lots: 2,
  price: 88_000,
  priceText: '88000',
  stopPrice: '86000',
};

afterEach(() => {
  vi.useRealTimers();
});

describe('order lines held in the hand', () => {
  it('keeps the feed from moving a held line, and lets go at once on release', () => {
    let drawn: readonly OrderLine[] = [];
    const lines = holdableOrderLines({ setOrders: (next) => (drawn = next) });
    lines.setOrders([line]);
    lines.hold('bw-old', 88_400);
    lines.setOrders([{ ...line, lots: 1 }]);
    expect(drawn.map((l) => l.price)).toEqual([88_400]);
    lines.release('bw-old');
    expect(drawn.map((l) => [l.price, l.lots])).toEqual([[88_000, 1]]);
  });

  it('after a drop it waits for the replacement, for 10 s at most', () => {
    vi.useFakeTimers();
    let drawn: readonly OrderLine[] = [];
    const lines = holdableOrderLines({ setOrders: (next) => (drawn = next) });
    lines.setOrders([line]);
    lines.hold('bw-old', 88_400);
    lines.releaseWhenReplaced('bw-old', 10_000);
    // The cancel is reported first: the line stays at the drop.
    lines.setOrders([]);
    expect(drawn.map((l) => l.price)).toEqual([88_400]);
    vi.advanceTimersByTime(10_000);
    expect(drawn).toEqual([]);
  });
});
