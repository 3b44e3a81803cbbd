import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createFakeBulwark,
  failure,
  installFakeBulwark,
  removeFakeBulwark,
} from '../bridge/fake-bulwark.test-helper.ts';
import { createConnectionStore } from './connection.store.ts';
import { createHealthStore } from './health.store.ts';
import { startMarketFeed } from './market.feed.ts';
import { createMarketStore } from './market.store.ts';
import { useSettingsStore } from './settings.store.ts';
import { startTradingFeed } from './trading.feed.ts';
import { createTradingStore } from './trading.store.ts';

const candle = (openTimeMs: number, close: number) => ({
  openTimeMs,
  open: 1,
  high: 2,
  low: 0.5,
  close,
  volume: 1,
});
const flush = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers();
  useSettingsStore.setState({ symbol: 'XBTUSDTM', timeframe: '15m' });
});
afterEach(() => {
  removeFakeBulwark();
  vi.useRealTimers();
});

describe('market feed', () => {
  it('loads the chart series, follows candle ticks and tickers, and reloads on a timeframe switch', async () => {
    const fake = createFakeBulwark({
      'market:list-contracts': () => ({ ok: true, value: [] }),
      'exchange:get-health': () =>
        failure({ name: 'ConnectionError', code: 'x', message: 'engine starting', details: {} }),
      'market:get-ticker': () => ({
        ok: true,
        value: {
          symbol: 'XBTUSDTM',
          price: '90000',
          bestBidPrice: '1',
          bestBidSize: 1,
          bestAskPrice: '1',
          bestAskSize: 1,
          atMs: 1,
        },
      }),
      'market:get-candles': () => ({ ok: true, value: [candle(120_000, 2), candle(60_000, 1)] }),
    });
    installFakeBulwark(fake);
    const market = createMarketStore();
    const health = createHealthStore();
    const stop = startMarketFeed(market, health);
    await flush();
    expect(market.getState().history['XBTUSDTM:15m']?.bars.map((bar) => bar.time)).toEqual([60, 120]);
    expect(market.getState().lastPrice.XBTUSDTM).toBe('90000');
    expect(health.getState().load).toEqual({ kind: 'unavailable', message: 'engine starting' });

    fake.emit('market:candle-updated', { symbol: 'XBTUSDTM', timeframe: '15m', candle: candle(180_000, 3) });
    expect(market.getState().latest['XBTUSDTM:15m']?.close).toBe(3);
    // The verdict strip's other timeframes are pushed too; only the chart's bar is kept.
    const before = market.getState();
    fake.emit('market:candle-updated', { symbol: 'XBTUSDTM', timeframe: '4h', candle: candle(180_000, 4) });
    expect(market.getState()).toBe(before);

    useSettingsStore.getState().setTimeframe('1h');
    await flush();
    const asked = fake.calls.filter((c) => c.channel === 'market:get-candles').map((c) => c.request);
    // A full page: enough bars to fill a wide chart before any scrolling.
    expect(asked).toEqual([
      { symbol: 'XBTUSDTM', timeframe: '15m', limit: 500 },
      { symbol: 'XBTUSDTM', timeframe: '1h', limit: 500 },
    ]);
    stop();
    expect(fake.listenerCount('market:candle-updated')).toBe(0);
  });

  it('never asks for a half-typed symbol', async () => {
    const fake = createFakeBulwark({ 'market:get-candles': () => ({ ok: true, value: [] }) });
    installFakeBulwark(fake);
    const stop = startMarketFeed(createMarketStore(), createHealthStore());
    useSettingsStore.getState().setSymbol('XB');
    await flush();
    expect(fake.calls.filter((c) => c.channel === 'market:get-candles')).toHaveLength(1);
    stop();
  });

  it('records the missing channel instead of showing empty data as real', async () => {
    installFakeBulwark(createFakeBulwark({}));
    const market = createMarketStore();
    const stop = startMarketFeed(market, createHealthStore());
    await flush();
    expect(market.getState().historyLoad['XBTUSDTM:15m']).toMatchObject({ kind: 'unavailable' });
    expect(market.getState().contractsLoad).toMatchObject({ kind: 'unavailable' });
    stop();
  });
});

describe('trading feed', () => {
  it('fetches snapshots, applies events, and refetches when the engine comes back from stale', async () => {
    let positionsAsked = 0;
    const fake = createFakeBulwark({
      'trading:list-positions': () => {
        positionsAsked += 1;
        return { ok: true, value: [] };
      },
      'trading:list-orders': () => ({ ok: true, value: [] }),
      'trading:get-state': () =>
        failure({ name: 'TradingError', code: 'x', message: 'not ready', details: {} }),
    });
    installFakeBulwark(fake);
    const trading = createTradingStore();
    const connection = createConnectionStore({ staleAfterMs: 3_000 });
    const stop = startTradingFeed(trading, connection);
    await flush();
    expect(trading.getState().positionsLoad.kind).toBe('ready');
    expect(trading.getState().tradingStateLoad).toEqual({ kind: 'unavailable', message: 'not ready' });

    fake.emit('trading:state-changed', {
      state: 'HALTED',
      previous: 'ACTIVE',
      reason: 'kill switch',
      details: {},
      at: 5,
    });
    expect(trading.getState().tradingState?.state).toBe('HALTED');

    const beat = { seq: 1, at: 1, mode: 'paper' as const, uptimeMs: 1 };
    connection.getState().receiveHeartbeat(beat);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(connection.getState().connection).toBe('stale');
    connection.getState().receiveHeartbeat({ ...beat, seq: 2 });
    await flush();
    expect(positionsAsked).toBe(2);
    stop();
    connection.getState().dispose();
  });
});
