import type { LogicalRange } from 'lightweight-charts';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createFakeBulwark,
  installFakeBulwark,
  removeFakeBulwark,
} from '../../bridge/fake-bulwark.test-helper.ts';
import { createMarketStore, type Bar } from '../../stores/market.store.ts';
import { followHistoryScroll, type VisibleRangeSource } from './history-scroll.ts';

const key = 'XBTUSDTM:1m';
const bar = (time: number): Bar => ({ time, open: 1, high: 2, low: 0.5, close: 1.5, volume: 3 });
const settle = async (): Promise<void> => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

function fakeTimeScale() {
  let handler: ((range: LogicalRange | null) => void) | undefined;
  const source: VisibleRangeSource = {
    subscribeVisibleLogicalRangeChange: (next) => {
      handler = next;
    },
    unsubscribeVisibleLogicalRangeChange: () => {
      handler = undefined;
    },
  };
  return { source, scrollTo: (from: number) => handler?.({ from, to: from + 100 } as LogicalRange) };
}

afterEach(() => {
  removeFakeBulwark();
});

describe('history scroll', () => {
  it('keeps loading while the view is wider than the history, and stops at its start', async () => {
    const firstOnExchange = 6_000 - 120 * 60;
    const fake = createFakeBulwark({
      // Pages of 40 bars at most, like an exchange with a small cap, down to the first bar it has.
      'market:get-candles': (request) => {
        const { endMs } = request as { endMs: number };
        const candles = [];
        for (let t = Math.max(firstOnExchange, endMs / 1000 - 40 * 60); t < endMs / 1000; t += 60)
          candles.push({ openTimeMs: t * 1000, open: 1, high: 2, low: 0.5, close: 1.5, volume: 3 });
        return { ok: true, value: candles };
      },
    });
    installFakeBulwark(fake);
    const market = createMarketStore();
    market.setState({ history: { [key]: { bars: [bar(6_000)], loadedAt: 1 } } });
    const view = fakeTimeScale();
    const stop = followHistoryScroll(view.source, market, { symbol: 'XBTUSDTM', timeframe: '1m' });
    // The chart shows 300 bars' width with the newest at the right: the range moves with each page.
    const unsubscribe = market.subscribe((state) => {
      view.scrollTo((state.history[key]?.bars.length ?? 0) - 300);
    });
    view.scrollTo(1 - 300);
    await settle();
    expect(market.getState().history[key]?.bars).toHaveLength(121);
    expect(market.getState().olderBars[key]).toEqual({ kind: 'start-reached' });
    const asked = fake.calls.length;
    view.scrollTo(-500);
    await settle();
    expect(fake.calls).toHaveLength(asked);
    // 40 + 40 + 40 bars, then the empty answer that marks the start.
    expect(asked).toBe(4);
    unsubscribe();
    stop();
  });

  it('does not ask while the left edge is far from the first bar', async () => {
    const fake = createFakeBulwark({ 'market:get-candles': () => ({ ok: true, value: [] }) });
    installFakeBulwark(fake);
    const market = createMarketStore();
    market.setState({ history: { [key]: { bars: [bar(6_000), bar(6_060)], loadedAt: 1 } } });
    const view = fakeTimeScale();
    const stop = followHistoryScroll(view.source, market, { symbol: 'XBTUSDTM', timeframe: '1m' });
    view.scrollTo(51);
    await settle();
    expect(fake.calls).toHaveLength(0);
    stop();
    view.scrollTo(0);
    await settle();
    expect(fake.calls).toHaveLength(0);
  });
});
