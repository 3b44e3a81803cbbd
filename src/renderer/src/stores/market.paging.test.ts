import { afterEach, describe, expect, it } from 'vitest';
import {
  createFakeBulwark,
  failure,
  installFakeBulwark,
  removeFakeBulwark,
} from '../bridge/fake-bulwark.test-helper.ts';
import {
  historyPageBars,
  loadOlderCandles,
  olderRetryAfterMs,
  shouldLoadOlder,
  withOlderBars,
} from './market.paging.ts';
import { createMarketStore, type Bar, type MarketStore } from './market.store.ts';

const bar = (time: number): Bar => ({ time, open: 1, high: 2, low: 0.5, close: 1.5, volume: 3 });
const candle = (time: number) => ({
  openTimeMs: time * 1000,
  open: 1,
  high: 2,
  low: 0.5,
  close: 1.5,
  volume: 3,
});
const key = 'XBTUSDTM:1m';

function storeWith(times: number[]): MarketStore {
  const market = createMarketStore();
  market.setState({ history: { [key]: { bars: times.map(bar), loadedAt: 1 } } });
  return market;
}

/** An exchange whose one-minute history starts at `firstTime` (seconds) and answers pages like main. */
function installExchange(firstTime: number) {
  const fake = createFakeBulwark({
    'market:get-candles': (request) => {
      const { endMs, limit } = request as { endMs: number; limit: number };
      const candles = [];
      for (let t = Math.max(firstTime, endMs / 1000 - limit * 60); t < endMs / 1000; t += 60)
        candles.push(candle(t));
      return { ok: true, value: candles };
    },
  });
  installFakeBulwark(fake);
  return fake;
}

afterEach(() => {
  removeFakeBulwark();
});

describe('when the chart asks for older bars', () => {
  it('asks when the left edge comes within 50 bars of the first loaded bar, not before', () => {
    const state = storeWith([600, 660]).getState();
    expect(shouldLoadOlder(state, key, 120, 0)).toBe(false);
    expect(shouldLoadOlder(state, key, 50, 0)).toBe(true);
    expect(shouldLoadOlder(state, key, -30, 0)).toBe(true);
    // Nothing loaded yet: there is no first bar to page from.
    expect(shouldLoadOlder(createMarketStore().getState(), key, -30, 0)).toBe(false);
  });

  it('keeps one request in flight and stops for good at the start of history', () => {
    const market = storeWith([600]);
    market.setState({ olderBars: { [key]: { kind: 'loading' } } });
    expect(shouldLoadOlder(market.getState(), key, 0, 0)).toBe(false);
    market.setState({ olderBars: { [key]: { kind: 'start-reached' } } });
    expect(shouldLoadOlder(market.getState(), key, 0, 10 * olderRetryAfterMs)).toBe(false);
  });

  it('asks again after a failed page only once the pause has passed', () => {
    const market = storeWith([600]);
    market.setState({ olderBars: { [key]: { kind: 'failed', message: 'x', at: 1_000 } } });
    expect(shouldLoadOlder(market.getState(), key, 0, 1_000 + olderRetryAfterMs - 1)).toBe(false);
    expect(shouldLoadOlder(market.getState(), key, 0, 1_000 + olderRetryAfterMs)).toBe(true);
  });
});

describe('putting an older page in front', () => {
  it('takes only bars before the first one and keeps the loaded bars as they were', () => {
    const history = storeWith([600, 660]).getState().history[key];
    if (history === undefined) throw new Error('no history');
    const next = withOlderBars(history, [bar(480), bar(540), bar(600)]);
    expect(next.bars.map((b) => b.time)).toEqual([480, 540, 600, 660]);
    expect(next.bars[2]).toBe(history.bars[0]);
    expect(next.loadedAt).toBe(history.loadedAt);
    expect(withOlderBars(history, [bar(600)])).toBe(history);
  });
});

describe('loading older candles', () => {
  it('asks for the bars before the first one, pages back, then marks the start of history', async () => {
    const first = 100 * 60;
    const fake = installExchange(first - 700 * 60);
    const market = storeWith([first, first + 60]);
    await loadOlderCandles(market, 'XBTUSDTM', '1m');
    expect(fake.calls.at(-1)?.request).toEqual({
      symbol: 'XBTUSDTM',
      timeframe: '1m',
      limit: historyPageBars,
      endMs: first * 1000,
    });
    expect(market.getState().history[key]?.bars).toHaveLength(historyPageBars + 2);
    expect(market.getState().olderBars[key]).toBeUndefined();
    await loadOlderCandles(market, 'XBTUSDTM', '1m');
    expect(market.getState().history[key]?.bars).toHaveLength(702);
    expect(market.getState().history[key]?.bars[0]?.time).toBe(first - 700 * 60);
    await loadOlderCandles(market, 'XBTUSDTM', '1m');
    expect(market.getState().olderBars[key]).toEqual({ kind: 'start-reached' });
    expect(shouldLoadOlder(market.getState(), key, -100, Date.now())).toBe(false);
  });

  it('drops a page whose history was replaced while it was asked for (a resync)', async () => {
    installExchange(0);
    const market = storeWith([6_000]);
    const loading = loadOlderCandles(market, 'XBTUSDTM', '1m');
    market.setState({ history: { [key]: { bars: [bar(9_000)], loadedAt: 2 } } });
    await loading;
    expect(market.getState().history[key]?.bars.map((b) => b.time)).toEqual([9_000]);
    expect(market.getState().olderBars[key]).toBeUndefined();
  });

  it('records a failure with its time, so the chart waits before asking again', async () => {
    installFakeBulwark(
      createFakeBulwark({
        'market:get-candles': () =>
          failure({ code: 'exchange-unavailable', message: 'KuCoin is down', details: {} }),
      }),
    );
    const market = storeWith([6_000]);
    await loadOlderCandles(market, 'XBTUSDTM', '1m', () => 42);
    expect(market.getState().olderBars[key]).toMatchObject({ kind: 'failed', at: 42 });
    expect(market.getState().history[key]?.bars).toHaveLength(1);
  });
});
