import { afterEach, describe, expect, it } from 'vitest';
import type { TrailingState } from '../../../shared/domain/trailing.ts';
import {
  createFakeBulwark,
  installFakeBulwark,
  removeFakeBulwark,
} from '../bridge/fake-bulwark.test-helper.ts';
import { createConnectionStore } from './connection.store.ts';
import { startTradingFeed } from './trading.feed.ts';
import { createTradingStore } from './trading.store.ts';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const resumed: TrailingState = {
  symbol: 'XBTUSDTM',
  positionSide: 'long',
  spec: { mode: 'percent', distance: '1' },
  activated: true,
  stopPrice: '89100',
};

afterEach(() => {
  removeFakeBulwark();
});

describe('trading feed: trailing (ADR 0510)', () => {
  it('takes the trailing snapshot at start and follows trading:trailing-updated', async () => {
    const fake = createFakeBulwark({
      'trading:list-positions': () => ({ ok: true, value: [] }),
      'trading:list-orders': () => ({ ok: true, value: [] }),
      'trading:get-state': () => ({
        ok: true,
        value: {
          state: 'ACTIVE',
          reason: '',
          activeTriggers: [],
          since: 1,
          reconciled: true,
          dailyRealisedPnl: '0',
          consecutiveStopOuts: 0,
        },
      }),
      'trading:get-trailing': () => ({ ok: true, value: [resumed] }),
    });
    installFakeBulwark(fake);
    const trading = createTradingStore();
    const connection = createConnectionStore({ staleAfterMs: 3_000 });
    const stop = startTradingFeed(trading, connection);
    expect(fake.listenerCount('trading:trailing-updated')).toBe(1);
    await flush();
    expect(fake.calls.find((c) => c.channel === 'trading:get-trailing')?.request).toEqual({});
    expect(trading.getState().trailing.XBTUSDTM?.stopPrice).toBe('89100');
    expect(trading.getState().trailingLoad).toEqual({ kind: 'ready' });

    fake.emit('trading:trailing-updated', {
      symbol: 'XBTUSDTM',
      change: 'moved',
      trailing: { ...resumed, stopPrice: '89400' },
      at: 10,
    });
    expect(trading.getState().trailing.XBTUSDTM?.stopPrice).toBe('89400');
    fake.emit('trading:trailing-updated', { symbol: 'XBTUSDTM', change: 'cleared', trailing: null, at: 11 });
    expect(trading.getState().trailing).toEqual({});
    stop();
    expect(fake.listenerCount('trading:trailing-updated')).toBe(0);
    connection.getState().dispose();
  });

  it('records why the trailing snapshot is missing when the engine cannot answer', async () => {
    installFakeBulwark(createFakeBulwark({}));
    const trading = createTradingStore();
    const connection = createConnectionStore({ staleAfterMs: 3_000 });
    const stop = startTradingFeed(trading, connection);
    await flush();
    expect(trading.getState().trailingLoad.kind).toBe('unavailable');
    stop();
    connection.getState().dispose();
  });
});
