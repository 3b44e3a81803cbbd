import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PriceLineKind, PriceLineManager } from '../chart/price-lines.ts';
import { holdableLines } from './held-lines.ts';

function recorder(): PriceLineManager & { readonly drawn: Map<PriceLineKind, number | undefined> } {
  const drawn = new Map<PriceLineKind, number | undefined>();
  return {
    drawn,
    set: (kind, price) => drawn.set(kind, price),
    setAll: () => undefined,
  };
}

describe('a stop line held in the hand', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('stays where the pointer is while the engine keeps sending the old stop', () => {
    const drawn = recorder();
    const lines = holdableLines(drawn);
    lines.set('stop', 58000);
    lines.hold('stop', 57500);
    lines.set('stop', 58000);
    lines.set('entry', 60000);
    expect(drawn.drawn.get('stop')).toBe(57500);
    expect(drawn.drawn.get('entry')).toBe(60000);
  });

  it('passes the take-profit line through with the others while the stop is held', () => {
    const drawn = recorder();
    const lines = holdableLines(drawn);
    lines.hold('stop', 57500);
    lines.setAll({ stop: 58000, entry: 60000, 'take-profit': 64000 });
    expect(drawn.drawn.get('take-profit')).toBe(64000);
    expect(drawn.drawn.get('stop')).toBe(57500);
  });

  it('snaps back to the engine’s stop when the drop is refused', () => {
    const drawn = recorder();
    const lines = holdableLines(drawn);
    lines.set('stop', 58000);
    lines.hold('stop', 53000);
    lines.release('stop');
    expect(drawn.drawn.get('stop')).toBe(58000);
  });

  it('lets go when the engine confirms the new stop, and never shows the old one in between', () => {
    const drawn = recorder();
    const lines = holdableLines(drawn);
    lines.set('stop', 58000);
    lines.hold('stop', 57500);
    lines.releaseWhenConfirmed('stop', 10_000);
    lines.set('stop', 58000);
    expect(drawn.drawn.get('stop')).toBe(57500);
    lines.set('stop', 57500);
    lines.set('stop', 57600);
    expect(drawn.drawn.get('stop')).toBe(57600);
  });

  it('lets go after the timeout when the engine never confirms', () => {
    const drawn = recorder();
    const lines = holdableLines(drawn);
    lines.set('stop', 58000);
    lines.hold('stop', 57500);
    lines.releaseWhenConfirmed('stop', 10_000);
    vi.advanceTimersByTime(10_001);
    expect(drawn.drawn.get('stop')).toBe(58000);
  });
});
