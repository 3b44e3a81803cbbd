import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createFakeBulwark,
  failure,
  installFakeBulwark,
  removeFakeBulwark,
} from '../../bridge/fake-bulwark.test-helper.ts';
import { createConnectionStore } from '../../stores/connection.store.ts';
import { createAnalysisStore, receiveSnapshot } from './analysis.store.ts';
import { followAnalysis } from './analysis.feed.ts';
import { snapshotOf } from './snapshots.test-helper.ts';

const flush = () => vi.advanceTimersByTimeAsync(0);
const beat = (seq: number) => ({ seq, at: seq, mode: 'paper' as const, uptimeMs: seq });

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  removeFakeBulwark();
  vi.useRealTimers();
});

describe('analysis feed', () => {
  it('selects the followed contract, takes its pushes, and stops listening when the last follower leaves', async () => {
    const fake = createFakeBulwark({ 'analysis:select-symbol': () => ({ ok: true, value: snapshotOf() }) });
    installFakeBulwark(fake);
    const store = createAnalysisStore();
    const connection = createConnectionStore();
    const first = followAnalysis('XBTUSDTM', store, connection);
    const second = followAnalysis('XBTUSDTM', store, connection);
    await flush();
    expect(fake.calls.map((c) => c.request)).toEqual([{ symbol: 'XBTUSDTM' }, { symbol: 'XBTUSDTM' }]);
    expect(store.getState().strips.XBTUSDTM?.view.verdict?.value).toBe('\u22120.62');
    expect(fake.listenerCount('analysis:snapshot-updated')).toBe(1);
    fake.emit(
      'analysis:snapshot-updated',
      snapshotOf({
        at: 2_000_000_000_000,
        verdict: { ...snapshotOf().verdict!, value: 0.3, direction: 'up' },
        entryWarnings: {},
      }),
    );
    expect(store.getState().strips.XBTUSDTM?.view.verdict?.value).toBe('+0.30');
    first();
    first(); // idempotent
    expect(fake.listenerCount('analysis:snapshot-updated')).toBe(1);
    second();
    expect(fake.listenerCount('analysis:snapshot-updated')).toBe(0);
    connection.getState().dispose();
  });

  it('does not ask for half-typed symbols, records a refused select, and selects again when the engine is back', async () => {
    let answer = failure({ name: 'ConnectionError', code: 'x', message: 'engine restarting', details: {} });
    const fake = createFakeBulwark({ 'analysis:select-symbol': () => answer });
    installFakeBulwark(fake);
    const store = createAnalysisStore();
    const connection = createConnectionStore({ staleAfterMs: 3_000 });
    const stopHalf = followAnalysis('XB', store, connection);
    const stop = followAnalysis('ETHUSDTM', store, connection);
    await flush();
    expect(fake.calls.map((c) => c.request)).toEqual([{ symbol: 'ETHUSDTM' }]);
    expect(store.getState().load.ETHUSDTM).toEqual({ kind: 'unavailable', message: 'engine restarting' });
    answer = { ok: true, value: snapshotOf({ symbol: 'ETHUSDTM' }) } as never;
    connection.getState().receiveHeartbeat(beat(1));
    vi.advanceTimersByTime(3_000);
    expect(connection.getState().connection).toBe('stale');
    connection.getState().receiveHeartbeat(beat(2));
    await flush();
    expect(fake.calls).toHaveLength(2);
    expect(store.getState().load.ETHUSDTM).toEqual({ kind: 'ready' });
    stop();
    stopHalf();
    connection.getState().dispose();
  });

  it('says so when this engine build publishes no analysis', () => {
    const fake = createFakeBulwark({});
    fake.api.on = () => {
      throw new TypeError('Unknown event');
    };
    installFakeBulwark(fake);
    const store = createAnalysisStore();
    const connection = createConnectionStore();
    const stop = followAnalysis('XBTUSDTM', store, connection);
    expect(store.getState().unavailable).toMatch(/does not publish analysis:snapshot-updated/);
    stop();
    connection.getState().dispose();
  });
});

describe('analysis store', () => {
  it('changes only when what is shown changes, and never goes back to an older snapshot', () => {
    const store = createAnalysisStore();
    let changes = 0;
    store.subscribe(() => {
      changes += 1;
    });
    receiveSnapshot(store, snapshotOf());
    receiveSnapshot(store, snapshotOf({ at: snapshotOf().at + 500 }));
    expect(changes).toBe(1);
    receiveSnapshot(store, snapshotOf({ at: 1, verdict: null }));
    expect(store.getState().strips.XBTUSDTM?.view.verdict).toBeDefined();
    expect(changes).toBe(1);
  });
});
