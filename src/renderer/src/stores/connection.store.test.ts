import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createConnectionStore } from './connection.store.ts';
import type { Heartbeat } from '../../../shared/ipc/channels/app.ts';

const beat = (seq: number): Heartbeat => ({
  seq,
  at: 1_700_000_000_000 + seq * 1000,
  mode: 'paper',
  uptimeMs: seq * 1000,
});

describe('connection store', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('starts waiting, with no mode guessed', () => {
    const store = createConnectionStore();
    expect(store.getState().connection).toBe('waiting');
    expect(store.getState().mode).toBeUndefined();
  });

  it('goes live on a heartbeat and keeps its numbers', () => {
    const store = createConnectionStore();
    store.getState().receiveHeartbeat(beat(7));
    expect(store.getState().connection).toBe('live');
    expect(store.getState().lastHeartbeat?.seq).toBe(7);
    expect(store.getState().mode).toBe('paper');
  });

  it('turns stale after 3 s without a heartbeat, not before', () => {
    const store = createConnectionStore({ staleAfterMs: 3_000 });
    store.getState().receiveHeartbeat(beat(1));
    vi.advanceTimersByTime(2_999);
    expect(store.getState().connection).toBe('live');
    vi.advanceTimersByTime(1);
    expect(store.getState().connection).toBe('stale');
  });

  it('each heartbeat re-arms the stale timer', () => {
    const store = createConnectionStore({ staleAfterMs: 3_000 });
    store.getState().receiveHeartbeat(beat(1));
    vi.advanceTimersByTime(2_000);
    store.getState().receiveHeartbeat(beat(2));
    vi.advanceTimersByTime(2_000);
    expect(store.getState().connection).toBe('live');
    vi.advanceTimersByTime(1_000);
    expect(store.getState().connection).toBe('stale');
  });

  it('comes back live when heartbeats resume', () => {
    const store = createConnectionStore({ staleAfterMs: 3_000 });
    store.getState().receiveHeartbeat(beat(1));
    vi.advanceTimersByTime(5_000);
    expect(store.getState().connection).toBe('stale');
    store.getState().receiveHeartbeat(beat(2));
    expect(store.getState().connection).toBe('live');
  });

  it('takes the mode from app:get-status and clears an earlier status error', () => {
    const store = createConnectionStore();
    store.getState().receiveStatusError('engine not ready');
    store
      .getState()
      .receiveStatus({ mode: 'live', version: '0.1.0', startedAt: 1, uptimeMs: 0, venueUrl: 'x' });
    expect(store.getState().mode).toBe('live');
    expect(store.getState().statusError).toBeUndefined();
  });

  it('dispose stops the stale timer', () => {
    const store = createConnectionStore({ staleAfterMs: 3_000 });
    store.getState().receiveHeartbeat(beat(1));
    store.getState().dispose();
    vi.advanceTimersByTime(10_000);
    expect(store.getState().connection).toBe('live');
  });
});
