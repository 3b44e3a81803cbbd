// Measured, not written (issue item 8): while a trailing stop follows the price, the venue's own
// order timeline proves that at every instant at least one loss-side stop covered the whole position,
// and the engine journals each hand-off's overlap and gap as it measured them.
import { afterEach, describe, expect, it } from 'vitest';
import type { OrderTimelineEntryWire } from '../../../src/main/venue/core/api/order-timeline.ts';
import { configOf, drill, fastTrading, openCovered, until, type Drill } from './harness.ts';

const symbol = 'XBTUSDTM';
const lots = 3;

/** The lowest loss-side (sell, down, reduce-only) cover over every instant after the first stop went live. */
function minimumCover(orders: readonly OrderTimelineEntryWire[]): { min: number; instants: number } {
  const stops = orders.filter(
    (o) => o.side === 'sell' && o.stop === 'down' && (o.reduceOnly || o.closeOrder),
  );
  const changes = stops
    .flatMap((o) => {
      const end = o.cancelled ?? o.triggered ?? o.done;
      return [
        { seq: o.accepted.seq, delta: o.size },
        ...(end === null ? [] : [{ seq: end.seq, delta: -o.size }]),
      ];
    })
    .sort((a, b) => a.seq - b.seq);
  let live = 0;
  let min = Number.POSITIVE_INFINITY;
  let instants = 0;
  for (let i = 0; i < changes.length; i += 1) {
    live += changes[i]?.delta ?? 0;
    // Changes at one seq are one instant: measure after all of them.
    if (changes[i + 1]?.seq === changes[i]?.seq) continue;
    instants += 1;
    min = Math.min(min, live);
  }
  return { min, instants };
}

describe('trailing hand-off, measured at the venue', () => {
  let d: Drill | undefined;
  afterEach(async () => {
    await d?.stop();
    d = undefined;
  });

  it('at every instant of ten trailing moves a loss-side stop covered the full position; overlap and gap are journaled as measured', async () => {
    d = await drill(configOf(fastTrading), 'handoff');
    const run = d;
    await openCovered(run, symbol, 'buy', lots, '88000');
    run.engine.service.setTrailing(symbol, { mode: 'price', distance: '500' });
    let price = 90_000;
    for (let move = 1; move <= 10; move += 1) {
      price += 100;
      run.venue.admin.setPrice(symbol, String(price));
      await until(
        `move ${move}`,
        () =>
          run.engine.journal
            .queryEvents({ kind: 'trailing', symbol, limit: 100 })
            .filter((ev) => ev.data.action === 'moved').length >= move,
      );
    }
    const { min, instants } = minimumCover(run.venue.admin.orderTimeline({ userId: run.userId, symbol }));
    expect(instants).toBeGreaterThanOrEqual(20);
    expect(min).toBeGreaterThanOrEqual(lots);
    const moves = run.engine.journal
      .queryEvents({ kind: 'trailing', symbol, limit: 100 })
      .filter((ev) => ev.data.action === 'moved')
      .map((ev) => ev.data);
    for (const m of moves) {
      expect(m.gapMs).toBe(0);
      expect(typeof m.overlapMs === 'number' && m.overlapMs > 0).toBe(true);
    }
  });
});
