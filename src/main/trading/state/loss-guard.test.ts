import { describe, expect, it } from 'vitest';
import { createLossGuard } from './loss-guard.ts';

describe('loss guard', () => {
  it('hits the daily loss limit exactly at the limit and resets the next UTC day', () => {
    const guard = createLossGuard('100', 3);
    expect(guard.record({ realisedPnlUsdt: '-60', byStop: false, at: 1000 }).dailyLossLimitHit).toBe(false);
    expect(guard.record({ realisedPnlUsdt: '-39.99', byStop: false, at: 2000 }).dailyLossLimitHit).toBe(
      false,
    );
    expect(guard.record({ realisedPnlUsdt: '-0.01', byStop: false, at: 3000 })).toMatchObject({
      dailyLossLimitHit: true,
      dailyRealisedPnl: '-100.00',
    });
    expect(guard.status(86_400_000 + 5).dailyLossLimitHit).toBe(false);
  });

  it('counts consecutive stop-outs and a win resets the streak', () => {
    const guard = createLossGuard('1000', 2);
    guard.record({ realisedPnlUsdt: '-1', byStop: true, at: 1 });
    expect(guard.record({ realisedPnlUsdt: '2', byStop: false, at: 2 }).consecutiveStopOuts).toBe(0);
    guard.record({ realisedPnlUsdt: '-1', byStop: true, at: 3 });
    expect(guard.record({ realisedPnlUsdt: '-1', byStop: true, at: 4 }).stopOutLimitHit).toBe(true);
    const snap = guard.snapshot();
    const restored = createLossGuard('1000', 2);
    restored.restore(snap);
    expect(restored.status(5).consecutiveStopOuts).toBe(2);
  });

  it('funding counts toward the day but neither extends nor breaks the stop-out streak', () => {
    const guard = createLossGuard('1', 3);
    guard.record({ realisedPnlUsdt: '-0.2', byStop: true, at: 1 });
    guard.record({ realisedPnlUsdt: '-0.9', byStop: false, funding: true, at: 2 });
    const status = guard.status(3);
    expect(status).toMatchObject({
      dailyRealisedPnl: '-1.10',
      dailyLossLimitHit: true,
      consecutiveStopOuts: 1,
    });
    guard.record({ realisedPnlUsdt: '0.5', byStop: false, funding: true, at: 4 });
    expect(guard.status(5)).toMatchObject({
      dailyRealisedPnl: '-0.60',
      dailyLossLimitHit: false,
      consecutiveStopOuts: 1,
    });
  });

  it('limits given as readers are read at every check: a changed limit applies to the next status, the day is kept', () => {
    const limits = { dailyLossUsdt: '100', stopOuts: 3 };
    const guard = createLossGuard(
      () => limits.dailyLossUsdt,
      () => limits.stopOuts,
    );
    guard.record({ realisedPnlUsdt: '-60', byStop: true, at: 1 });
    expect(guard.status(2)).toMatchObject({ dailyLossLimitHit: false, stopOutLimitHit: false });
    limits.dailyLossUsdt = '50';
    limits.stopOuts = 1;
    expect(guard.status(3)).toMatchObject({
      dailyRealisedPnl: '-60.00',
      dailyLossLimitHit: true,
      consecutiveStopOuts: 1,
      stopOutLimitHit: true,
    });
  });
});
