import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OrderLine } from '../chart/order-lines.ts';
import { holdableOrderLines } from './held-order-lines.ts';
import { attachOrderDrag, type AmendAnswer, type AmendDropOutcome } from './order-drag.ts';
import type { OrderDropPreview } from './order-drop.ts';

// 1 px per 10 USDT with 60 000 at y = 200: a buy resting at 59 000 is drawn at y = 300.
const series = {
  priceToCoordinate: (price: number) => 200 - (price - 60_000) / 10,
  coordinateToPrice: (y: number) => 60_000 + (200 - y) * 10,
};
const entry: OrderLine = {
  clientOid: 'bw-old',
  side: 'buy',
  purpose: 'entry',
  lots: 2,
  price: 59_000,
  priceText: '59000',
  stopPrice: '58000',
};

let container: HTMLDivElement;
let drawn: readonly OrderLine[];
let detach: () => void;
let lines: ReturnType<typeof holdableOrderLines>;
let amends: [string, string][];
let outcomes: AmendDropOutcome[];
let previews: (OrderDropPreview | undefined)[];
let answer: () => Promise<AmendAnswer>;
const chartOptions: { handleScroll: boolean; handleScale: boolean }[] = [];

function pointer(type: string, y: number): void {
  container.dispatchEvent(new PointerEvent(type, { clientY: y, pointerId: 1, bubbles: true }));
}
const drawnAt = (clientOid: string): number | undefined =>
  drawn.find((l) => l.clientOid === clientOid)?.price;

beforeEach(() => {
  container = document.createElement('div');
  container.setPointerCapture = () => undefined;
  document.body.append(container);
  drawn = [];
  lines = holdableOrderLines({ setOrders: (next) => (drawn = next) });
  lines.setOrders([entry]);
  amends = [];
  outcomes = [];
  previews = [];
  answer = () => Promise.resolve({ outcome: 'amended', message: 'Order moved: buy 2 lots now at 59500.0' });
  detach = attachOrderDrag({
    container,
    chart: { applyOptions: (options) => chartOptions.push(options) },
    series,
    lines,
    readContract: () => ({ tickSize: '0.1', multiplier: '0.001' }),
    onPreview: (preview) => previews.push(preview),
    amendOrder: (clientOid, price) => {
      amends.push([clientOid, price]);
      return answer();
    },
    onDrop: (outcome) => outcomes.push(outcome),
  });
});

afterEach(() => {
  detach();
  container.remove();
  chartOptions.length = 0;
});

describe('dragging an open order line on the chart', () => {
  it('shows side, lots and the loss at the unchanged stop, sends the amend, and holds the line until the new order shows', async () => {
    pointer('pointerdown', 302);
    pointer('pointermove', 250);
    expect(drawnAt('bw-old')).toBe(59_500);
    expect(previews.at(-1)).toMatchObject({ side: 'buy', lots: 2, price: '59500.0', stopPrice: '58000' });
    expect(previews.at(-1)?.lossAtStopUsdt).toBeCloseTo(3, 9); // (59500 − 58000) × 2 × 0.001
    pointer('pointerup', 250);
    await vi.waitFor(() => {
      expect(outcomes.map((o) => o.kind)).toEqual(['amended']);
    });
    expect(amends).toEqual([['bw-old', '59500.0']]);
    // The old order is cancelled before the new one is reported: the line stays at the drop.
    lines.setOrders([]);
    expect(drawnAt('bw-old')).toBe(59_500);
    lines.setOrders([{ ...entry, clientOid: 'bw-new', price: 59_500, priceText: '59500.0' }]);
    expect(drawn.map((l) => [l.clientOid, l.price])).toEqual([['bw-new', 59_500]]);
    expect(chartOptions).toEqual([
      { handleScroll: false, handleScale: false },
      { handleScroll: true, handleScale: true },
    ]);
  });

  it('snaps back with main’s reason when the amend is refused', async () => {
    answer = () => Promise.reject(new Error('price 50000 is more than 5 % from mark'));
    pointer('pointerdown', 300);
    pointer('pointermove', 280);
    pointer('pointerup', 280);
    await vi.waitFor(() => {
      expect(outcomes).toEqual([{ kind: 'refused', message: 'price 50000 is more than 5 % from mark' }]);
    });
    expect(drawnAt('bw-old')).toBe(59_000);
  });

  it('reports "cancelled, not replaced" as its own outcome and lets the line go', async () => {
    answer = () =>
      Promise.resolve({ outcome: 'cancelled-not-replaced', message: 'Cancelled, not replaced: …' });
    pointer('pointerdown', 300);
    pointer('pointermove', 280);
    pointer('pointerup', 280);
    await vi.waitFor(() => {
      expect(outcomes.map((o) => o.kind)).toEqual(['not-replaced']);
    });
    lines.setOrders([]);
    expect(drawn).toEqual([]);
  });

  it('refuses, without sending, an entry dragged through its stop', () => {
    pointer('pointerdown', 300);
    pointer('pointermove', 420); // 57 800: below the stop at 58 000
    pointer('pointerup', 420);
    expect(amends).toEqual([]);
    expect(outcomes[0]?.kind).toBe('refused');
    expect(drawnAt('bw-old')).toBe(59_000);
  });

  it('cancels on Escape, and leaves a press away from the line to the chart', () => {
    pointer('pointerdown', 300);
    pointer('pointermove', 280);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    pointer('pointerup', 280);
    pointer('pointerdown', 200);
    pointer('pointerup', 150);
    expect(amends).toEqual([]);
    expect(drawnAt('bw-old')).toBe(59_000);
  });

  it('publishes the order line’s pixel row on hover', () => {
    pointer('pointermove', 100);
    expect(container.dataset.orderY).toBe('300');
    expect(container.dataset.orderOid).toBe('bw-old');
    expect(container.style.cursor).toBe('');
    pointer('pointermove', 303);
    expect(container.style.cursor).toBe('ns-resize');
  });
});
