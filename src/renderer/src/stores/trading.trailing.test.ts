import { describe, expect, it } from 'vitest';
import type { TrailingState } from '../../../shared/domain/trailing.ts';
import { createTradingStore } from './trading.store.ts';
import {
  beginTrailingSnapshot,
  receiveTrailingSnapshot,
  receiveTrailingUpdate,
  trailingSummary,
} from './trading.trailing.ts';

const state = (symbol: string, stopPrice: string, activated = true): TrailingState => ({
  symbol,
  positionSide: 'long',
  spec: { mode: 'price', distance: '300', activationPrice: '91000' },
  activated,
  stopPrice,
});

describe('trailing state in the trading store', () => {
  it('an event sets, moves and clears the trailing stop of its symbol only', () => {
    const store = createTradingStore();
    receiveTrailingUpdate(store, {
      symbol: 'XBTUSDTM',
      change: 'set',
      trailing: state('XBTUSDTM', '89000', false),
      at: 1,
    });
    receiveTrailingUpdate(store, {
      symbol: 'ETHUSDTM',
      change: 'resumed',
      trailing: state('ETHUSDTM', '3000'),
      at: 1,
    });
    receiveTrailingUpdate(store, {
      symbol: 'XBTUSDTM',
      change: 'moved',
      trailing: state('XBTUSDTM', '89500'),
      at: 2,
    });
    expect(store.getState().trailing.XBTUSDTM?.stopPrice).toBe('89500');
    receiveTrailingUpdate(store, { symbol: 'XBTUSDTM', change: 'cleared', trailing: null, at: 3 });
    expect(Object.keys(store.getState().trailing)).toEqual(['ETHUSDTM']);
  });

  it('ignores an event older than the last one applied for the symbol', () => {
    const store = createTradingStore();
    receiveTrailingUpdate(store, {
      symbol: 'XBTUSDTM',
      change: 'moved',
      trailing: state('XBTUSDTM', '89500'),
      at: 5,
    });
    receiveTrailingUpdate(store, {
      symbol: 'XBTUSDTM',
      change: 'set',
      trailing: state('XBTUSDTM', '89000'),
      at: 4,
    });
    expect(store.getState().trailing.XBTUSDTM?.stopPrice).toBe('89500');
  });

  it('the snapshot (after a restart) fills the store, but events during the round win', () => {
    const store = createTradingStore();
    receiveTrailingUpdate(store, {
      symbol: 'SOLUSDTM',
      change: 'set',
      trailing: state('SOLUSDTM', '100'),
      at: 1,
    });
    beginTrailingSnapshot(store);
    receiveTrailingUpdate(store, {
      symbol: 'XBTUSDTM',
      change: 'moved',
      trailing: state('XBTUSDTM', '89700'),
      at: 9,
    });
    receiveTrailingUpdate(store, { symbol: 'ETHUSDTM', change: 'cleared', trailing: null, at: 9 });
    receiveTrailingSnapshot(store, [
      state('XBTUSDTM', '89500'),
      state('ETHUSDTM', '3000'),
      state('ADAUSDTM', '0.5'),
    ]);
    const { trailing, trailingLoad } = store.getState();
    expect(trailingLoad).toEqual({ kind: 'ready' });
    expect(trailing.XBTUSDTM?.stopPrice).toBe('89700');
    expect(trailing.ETHUSDTM).toBeUndefined();
    expect(trailing.ADAUSDTM?.stopPrice).toBe('0.5');
    // Not in the snapshot and untouched since the round began: gone.
    expect(trailing.SOLUSDTM).toBeUndefined();
  });

  it('summarises the trail level for the positions column', () => {
    expect(trailingSummary(undefined)).toBe('—');
    expect(trailingSummary(state('XBTUSDTM', '89500'))).toBe('89500 (300)');
    expect(trailingSummary(state('XBTUSDTM', '89000', false))).toBe('89000 (300 · from 91000)');
    expect(
      trailingSummary({ ...state('XBTUSDTM', '89000'), spec: { mode: 'percent', distance: '1.5' } }),
    ).toBe('89000 (1.5 %)');
  });
});
