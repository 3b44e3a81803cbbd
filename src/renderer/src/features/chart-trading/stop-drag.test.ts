import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Position } from '../../../../shared/domain/position.ts';
import type { PriceLineKind } from '../chart/price-lines.ts';
import { holdableLines } from './held-lines.ts';
import { attachStopDrag, type DropOutcome, type StopDragDeps } from './stop-drag.ts';
import type { StopDropPreview } from './stop-drop.ts';

// A price scale of 1 px per 10 USDT with 60 000 at y = 200: y = 200 − (price − 60000) / 10.
const series = {
  priceToCoordinate: (price: number) => 200 - (price - 60_000) / 10,
  coordinateToPrice: (y: number) => 60_000 + (200 - y) * 10,
};
const position: Position = {
  symbol: 'XBTUSDTM',
  side: 'long',
  sizeLots: 2,
  marginMode: 'ISOLATED',
  realisedPnl: null,
  marginUsdt: null,
  avgEntryPrice: '60000',
  markPrice: '60000',
  liquidationPrice: '54000',
  leverage: 10,
  unrealisedPnl: '0',
  distanceToLiquidationPct: 10,
  protection: { status: 'PROTECTED', stopLots: 2, stopPrice: '58000' },
  updatedAt: 1,
};

let container: HTMLDivElement;
let drawn: Map<PriceLineKind, number | undefined>;
let detach: () => void;
let moves: [string, string][];
let outcomes: DropOutcome[];
let previews: (StopDropPreview | undefined)[];
let picks: [string, boolean][];
let moveResult: () => Promise<void>;
const chartOptions: { handleScroll: boolean; handleScale: boolean }[] = [];

function pointer(type: string, y: number, extra: { shiftKey?: boolean } = {}): void {
  container.dispatchEvent(new PointerEvent(type, { clientY: y, pointerId: 1, bubbles: true, ...extra }));
}

beforeEach(() => {
  container = document.createElement('div');
  container.setPointerCapture = () => undefined;
  document.body.append(container);
  drawn = new Map();
  const lines = holdableLines({ set: (kind, price) => drawn.set(kind, price), setAll: () => undefined });
  lines.set('stop', 58_000);
  moves = [];
  outcomes = [];
  previews = [];
  picks = [];
  moveResult = () => Promise.resolve();
  const deps: StopDragDeps = {
    container,
    chart: { applyOptions: (options) => chartOptions.push(options) },
    series,
    lines,
    readStop: () => ({ position, stopPrice: 58_000 }),
    readContract: () => ({ tickSize: '0.1', multiplier: '0.001' }),
    onPreview: (preview) => previews.push(preview),
    moveStop: (symbol, stopPrice) => {
      moves.push([symbol, stopPrice]);
      return moveResult();
    },
    onDrop: (outcome) => outcomes.push(outcome),
    onPickPrice: (price, withShift) => picks.push([price, withShift]),
  };
  detach = attachStopDrag(deps);
});

afterEach(() => {
  detach();
  container.remove();
  chartOptions.length = 0;
});

// The stop at 58 000 is drawn at y = 400.
describe('dragging the stop line on the chart', () => {
  it('follows the pointer with the loss at the stop, and sends the dropped price to main', async () => {
    pointer('pointerdown', 402);
    pointer('pointermove', 350);
    expect(drawn.get('stop')).toBe(58_500);
    expect(previews.at(-1)?.lossAtStopUsdt).toBeCloseTo(3, 9); // (60000 − 58500) × 2 × 0.001
    pointer('pointerup', 350);
    await vi.waitFor(() => {
      expect(outcomes).toEqual([{ kind: 'moved', stopPrice: '58500.0' }]);
    });
    expect(moves).toEqual([['XBTUSDTM', '58500.0']]);
    expect(chartOptions).toEqual([
      { handleScroll: false, handleScale: false },
      { handleScroll: true, handleScale: true },
    ]);
  });

  it('snaps back without sending when dropped beyond liquidation', () => {
    pointer('pointerdown', 400);
    pointer('pointermove', 1_000); // 54 000 − … : beyond liquidation
    pointer('pointerup', 1_000);
    expect(moves).toEqual([]);
    expect(outcomes[0]?.kind).toBe('refused');
    expect(drawn.get('stop')).toBe(58_000);
  });

  it('snaps back with main’s reason when the risk rules refuse the move', async () => {
    moveResult = () => Promise.reject(new Error('stop would add risk beyond the per-trade limit'));
    pointer('pointerdown', 400);
    pointer('pointermove', 380);
    pointer('pointerup', 380);
    await vi.waitFor(() => {
      expect(outcomes).toEqual([
        { kind: 'refused', message: 'stop would add risk beyond the per-trade limit' },
      ]);
    });
    expect(drawn.get('stop')).toBe(58_000);
  });

  it('leaves the line alone when the press is away from it, and a click picks the price for the ticket', () => {
    pointer('pointerdown', 300);
    pointer('pointerup', 301);
    pointer('pointerdown', 250, { shiftKey: true });
    pointer('pointerup', 250);
    expect(moves).toEqual([]);
    expect(picks).toEqual([
      ['58990.0', false],
      ['59500.0', true],
    ]);
  });

  it('cancels on Escape', () => {
    pointer('pointerdown', 400);
    pointer('pointermove', 380);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    pointer('pointerup', 380);
    expect(moves).toEqual([]);
    expect(drawn.get('stop')).toBe(58_000);
  });
});
