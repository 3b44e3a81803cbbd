import { describe, expect, it } from 'vitest';
import type { Order } from '../../../shared/domain/order.ts';
import type { Position } from '../../../shared/domain/position.ts';
import { positionOf } from '../test/fixtures.test-helper.ts';
import { createTradingStore } from './trading.store.ts';
import * as actions from './trading.actions.ts';

const position = (symbol: string, updatedAt: number, sizeLots = 1): Position =>
  positionOf({ symbol, updatedAt, sizeLots, unrealisedPnl: '0.1', distanceToLiquidationPct: 10.1 });

const order = (clientOid: string, status: Order['status'], updatedAt: number): Order => ({
  clientOid,
  symbol: 'XBTUSDTM',
  side: 'buy',
  type: 'limit',
  purpose: 'entry',
  sizeLots: 2,
  filledLots: 0,
  price: '90000',
  leverage: 10,
  reduceOnly: false,
  status,
  createdAt: 1,
  updatedAt,
});

describe('trading store actions', () => {
  it('a snapshot replaces positions but keeps one an event made newer', () => {
    const store = createTradingStore();
    actions.receivePositionUpdate(store, {
      symbol: 'XBTUSDTM',
      position: position('XBTUSDTM', 200, 5),
      at: 200,
    });
    actions.receivePositionUpdate(store, { symbol: 'ETHUSDTM', position: position('ETHUSDTM', 50), at: 50 });
    actions.receivePositionsSnapshot(store, [position('XBTUSDTM', 100, 3)]);
    const { positions, positionsLoad } = store.getState();
    expect(positions.XBTUSDTM?.sizeLots).toBe(5);
    expect(positions.ETHUSDTM).toBeUndefined();
    expect(positionsLoad.kind).toBe('ready');
  });

  it('a null position update closes the position', () => {
    const store = createTradingStore();
    actions.receivePositionsSnapshot(store, [position('XBTUSDTM', 100)]);
    actions.receivePositionUpdate(store, { symbol: 'XBTUSDTM', position: null, at: 150 });
    expect(store.getState().positions).toEqual({});
  });

  it('an order update older than the one held is ignored; a newer one wins', () => {
    const store = createTradingStore();
    actions.receiveOrderUpdate(store, order('a', 'UNKNOWN', 100));
    actions.receiveOrderUpdate(store, order('a', 'SUBMITTED', 90));
    expect(store.getState().orders.a?.status).toBe('UNKNOWN');
    actions.receiveOrderUpdate(store, order('a', 'RECONCILING', 110));
    expect(store.getState().orders.a?.status).toBe('RECONCILING');
  });

  it('keeps every working order and only the newest finished ones, however long the session runs', () => {
    const store = createTradingStore();
    actions.receiveOrderUpdate(store, order('working', 'ACKED', 1));
    for (let i = 0; i < 1_000; i += 1)
      actions.receiveOrderUpdate(store, order(`stop-${String(i)}`, 'CANCELLED', 10 + i));
    const { orders } = store.getState();
    expect(orders.working?.status).toBe('ACKED');
    const finished = Object.values(orders).filter((o) => o.status === 'CANCELLED');
    expect(finished.length).toBeLessThanOrEqual(actions.keptFinishedOrders + 50);
    expect(orders['stop-999']).toBeDefined();
    expect(orders['stop-0']).toBeUndefined();
  });

  it('a state-changed event moves the banner; an older snapshot does not move it back', () => {
    const store = createTradingStore();
    actions.receiveStateChanged(store, {
      state: 'HALTED',
      previous: 'ACTIVE',
      reason: 'daily loss limit',
      details: { dailyLoss: '512.00' },
      at: 500,
    });
    actions.receiveTradingState(store, {
      state: 'ACTIVE',
      reason: 'start-up',
      activeTriggers: [],
      since: 100,
      reconciled: true,
      dailyRealisedPnl: '0',
      consecutiveStopOuts: 0,
    });
    expect(store.getState().tradingState?.state).toBe('HALTED');
    expect(store.getState().tradingStateLoad.kind).toBe('ready');
  });

  it('a cleared liquidation warning is removed', () => {
    const store = createTradingStore();
    const warning = { symbol: 'XBTUSDTM', distancePct: 2, markPrice: '1', liquidationPrice: '1', at: 1 };
    actions.receiveLiquidationWarning(store, { ...warning, level: 'critical' });
    expect(store.getState().liquidationWarnings.XBTUSDTM?.level).toBe('critical');
    actions.receiveLiquidationWarning(store, { ...warning, level: 'cleared' });
    expect(store.getState().liquidationWarnings).toEqual({});
  });

  it('records an unavailable slice with its message', () => {
    const store = createTradingStore();
    actions.markUnavailable(
      store,
      'ordersLoad',
      'The engine does not offer trading:list-orders in this build.',
    );
    expect(store.getState().ordersLoad).toEqual({
      kind: 'unavailable',
      message: 'The engine does not offer trading:list-orders in this build.',
    });
  });
});
