import { describe, expect, it } from 'vitest';
import type { Position } from '../../../../shared/domain/position.ts';
import { createMarketStore, type Bar } from '../../stores/market.store.ts';
import * as actions from '../../stores/trading.actions.ts';
import { createTradingStore } from '../../stores/trading.store.ts';
import { followBars, followPositionLines, olderBarsAdded, type BarSink } from './chart-feed.ts';
import type { FrameScheduler } from '../../stores/frame-coalescer.ts';
import type { PriceLineKind, PriceLineManager } from './price-lines.ts';

/** A sink that records what reached the chart: lightweight-charts needs a canvas, the feed logic does not. */
function fakeSink() {
  const calls: { setBars: number[][]; update: number[] } = { setBars: [], update: [] };
  const sink: BarSink = {
    setBars: (bars) => {
      calls.setBars.push(bars.map((bar) => bar.time));
    },
    updateBar: (bar) => {
      calls.update.push(bar.time);
    },
  };
  return { sink, calls };
}

function manualFrames() {
  let pending: (() => void)[] = [];
  const scheduler: FrameScheduler = {
    request: (callback) => pending.push(callback),
    cancel: () => {
      pending = [];
    },
  };
  return {
    scheduler,
    runFrame: () => {
      const due = pending;
      pending = [];
      for (const callback of due) callback();
    },
  };
}

const bar = (time: number, close = 1): Bar => ({ time, open: 1, high: 2, low: 0.5, close, volume: 3 });

describe('chart feed: bars', () => {
  it('setData on a history change, one coalesced update per frame for ticks', () => {
    const market = createMarketStore();
    const { sink, calls } = fakeSink();
    const frames = manualFrames();
    const stop = followBars(sink, market, 'XBTUSDTM:1m', frames.scheduler);
    expect(calls.setBars).toEqual([[]]);
    market.setState({ history: { 'XBTUSDTM:1m': { bars: [bar(60), bar(120)], loadedAt: 1 } } });
    expect(calls.setBars.at(-1)).toEqual([60, 120]);
    for (const close of [1, 2, 3]) market.setState({ latest: { 'XBTUSDTM:1m': bar(120, close) } });
    market.setState({ latest: { 'XBTUSDTM:1m': bar(180) } });
    expect(calls.update).toEqual([]);
    frames.runFrame();
    expect(calls.update).toEqual([180]);
    stop();
  });

  it('drops a late tick older than the last bar instead of letting update throw', () => {
    const market = createMarketStore();
    const { sink, calls } = fakeSink();
    const frames = manualFrames();
    market.setState({ history: { k: { bars: [bar(60), bar(120)], loadedAt: 1 } } });
    const stop = followBars(sink, market, 'k', frames.scheduler);
    market.setState({ latest: { k: bar(60) } });
    frames.runFrame();
    expect(calls.update).toEqual([]);
    stop();
  });

  it('ignores other series and stops listening when stopped', () => {
    const market = createMarketStore();
    const { sink, calls } = fakeSink();
    const frames = manualFrames();
    const stop = followBars(sink, market, 'XBTUSDTM:1m', frames.scheduler);
    market.setState({ latest: { 'ETHUSDTM:1m': bar(60) } });
    stop();
    market.setState({ latest: { 'XBTUSDTM:1m': bar(60) } });
    frames.runFrame();
    expect(calls.update).toEqual([]);
  });
});

describe('chart feed: a page into the past', () => {
  it('draws the older bars in front of what the ticks added since the load, keeping them', () => {
    const market = createMarketStore();
    const { sink, calls } = fakeSink();
    const frames = manualFrames();
    const loaded = { bars: [bar(600), bar(660)], loadedAt: 1 };
    market.setState({ history: { k: loaded } });
    const stop = followBars(sink, market, 'k', frames.scheduler);
    market.setState({ latest: { k: bar(720) } });
    frames.runFrame();
    market.setState({ latest: { k: bar(780) } });
    // The older page arrives before the last tick was drawn: that tick is drawn first, then kept.
    market.setState({ history: { k: { bars: [bar(480), bar(540), ...loaded.bars], loadedAt: 1 } } });
    expect(calls.setBars.at(-1)).toEqual([480, 540, 600, 660, 720, 780]);
    market.setState({ latest: { k: bar(780, 2) } });
    frames.runFrame();
    expect(calls.update.at(-1)).toBe(780);
    stop();
  });

  it('treats a reload (new loadedAt or new bars) as a replacement, not a page', () => {
    const loaded = { bars: [bar(600), bar(660)], loadedAt: 1 };
    expect(olderBarsAdded(loaded, { bars: [bar(540), ...loaded.bars], loadedAt: 1 })).toBe(1);
    expect(olderBarsAdded(loaded, { bars: [bar(540), ...loaded.bars], loadedAt: 2 })).toBeUndefined();
    expect(olderBarsAdded(loaded, { bars: [bar(540), bar(600), bar(660)], loadedAt: 1 })).toBeUndefined();
    expect(olderBarsAdded(undefined, loaded)).toBeUndefined();
  });
});

describe('chart feed: position lines', () => {
  it('moves the lines as the position changes and hides them when it closes', () => {
    const trading = createTradingStore();
    const seen: Partial<Record<PriceLineKind, number>>[] = [];
    const lines: PriceLineManager = {
      set: () => undefined,
      setAll: (prices) => seen.push(prices),
    };
    const inView = { prices: [] as number[] };
    const stop = followPositionLines(lines, trading, 'XBTUSDTM', inView);
    const position: Position = {
      symbol: 'XBTUSDTM',
      side: 'long',
      sizeLots: 1,
      marginMode: 'ISOLATED',
      realisedPnl: null,
      marginUsdt: null,
      avgEntryPrice: '90000',
      markPrice: '90000',
      liquidationPrice: '81000',
      leverage: 10,
      unrealisedPnl: '0',
      distanceToLiquidationPct: 10,
      protection: { status: 'PROTECTED', stopLots: 1, stopPrice: '89000' },
      updatedAt: 1,
    };
    actions.receivePositionUpdate(trading, { symbol: 'XBTUSDTM', position, at: 1 });
    expect(seen.at(-1)).toEqual({ entry: 90000, stop: 89000, liquidation: 81000 });
    expect(inView.prices).toEqual([90000, 89000]);
    actions.receivePositionUpdate(trading, { symbol: 'XBTUSDTM', position: null, at: 2 });
    expect(seen.at(-1)).toEqual({});
    stop();
  });
});
