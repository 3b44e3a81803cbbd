import type { Bar, BarHistory, MarketStore } from '../../stores/market.store.ts';
import { paneClock } from '../../stores/pane-clock.ts';
import type { TradingStore } from '../../stores/trading.store.ts';
import { createFrameCoalescer, createFrameGate, type FrameScheduler } from '../../stores/frame-coalescer.ts';
import { positionLinePrices } from './position-lines.ts';
import { priceFormatFor, type PriceFormat } from './price-format.ts';
import type { PriceLineManager } from './price-lines.ts';

/** Where a series' bars go: the candles, the volume pane and the legend (chart-setup.ts). */
export interface BarSink {
  /** Replaces every bar (history loaded, switched, or a page into the past put in front). */
  setBars(bars: readonly Bar[]): void;
  /** Changes the last bar or appends a newer one (a live tick). */
  updateBar(bar: Bar): void;
}

/** How many bars `next` put in front of `previous`, or undefined when `next` is not such a page. */
export function olderBarsAdded(
  previous: BarHistory | undefined,
  next: BarHistory | undefined,
): number | undefined {
  if (previous === undefined || next?.loadedAt !== previous.loadedAt) return undefined;
  const added = next.bars.length - previous.bars.length;
  if (added <= 0 || next.bars[added] !== previous.bars[0]) return undefined;
  return added;
}

/**
 * Feeds one series key's history (`setBars`) and ticks (`updateBar`, at most one per animation
 * frame, the latest) into the sink. A tick in a frame that has had none is applied at once, not on
 * the next frame: lightweight-charts schedules its own paint, so waiting for a frame of ours made
 * every update cost two frames and reach the screen one frame later (ADR 0560). The bars on screen
 * are kept here too, so a page into the past is drawn in front of what the ticks have added since
 * the load instead of dropping it.
 */
export function followBars(
  sink: BarSink,
  marketStore: MarketStore,
  key: string,
  scheduler: FrameScheduler = createFrameGate(),
): () => void {
  // `null` = nothing set yet: the first sync always calls setBars, so a symbol or timeframe
  // switch clears the previous series' bars even when the new one has no history yet.
  let history: BarHistory | undefined | null = null;
  let shown: Bar[] = [];
  const coalescer = createFrameCoalescer<Bar>((_key, bar) => {
    const last = shown.at(-1);
    // `update` with an older time throws; a late tick for a closed bar is dropped, not drawn.
    if (last !== undefined && bar.time < last.time) return;
    if (last?.time === bar.time) shown[shown.length - 1] = bar;
    else shown.push(bar);
    sink.updateBar(bar);
    // The chart draws in the coming frame: the book and tape redraw in it too if they are due.
    paneClock.nudge();
  }, scheduler);
  const sync = (state: ReturnType<typeof marketStore.getState>): void => {
    const next = state.history[key];
    if (next !== history) {
      const added = history === null ? undefined : olderBarsAdded(history, next);
      history = next;
      if (added === undefined) {
        coalescer.dispose();
        shown = [...(next?.bars ?? [])];
      } else {
        coalescer.flush();
        shown = [...(next?.bars.slice(0, added) ?? []), ...shown];
      }
      sink.setBars(shown);
    }
    const bar = state.latest[key];
    if (bar !== undefined && bar !== shown.at(-1)) coalescer.push(key, bar);
  };
  sync(marketStore.getState());
  const unsubscribe = marketStore.subscribe((state, previous) => {
    if (state.history[key] !== previous.history[key] || state.latest[key] !== previous.latest[key])
      sync(state);
  });
  return () => {
    unsubscribe();
    coalescer.dispose();
  };
}

/** The symbol's price format (tick precision), handed to `apply` once its contract is known and when it changes. */
export function followPriceFormat(
  apply: (format: PriceFormat) => void,
  marketStore: MarketStore,
  symbol: string,
): () => void {
  const sync = (): void => {
    const contract = marketStore.getState().contracts[symbol];
    const format = contract === undefined ? undefined : priceFormatFor(contract.tickSize);
    if (format !== undefined) apply(format);
  };
  sync();
  return marketStore.subscribe((state, previous) => {
    if (state.contracts[symbol] !== previous.contracts[symbol]) sync();
  });
}

/** The lines' prices autoscale keeps on screen (not liquidation: see autoscale.ts). */
function inViewPrices(prices: ReturnType<typeof positionLinePrices>): number[] {
  return [prices.entry, prices.stop, prices.trailing, prices['take-profit']].filter(
    (price) => price !== undefined,
  );
}

/** Moves the position's lines for `symbol` whenever its position or trailing stop changes. */
export function followPositionLines(
  lines: PriceLineManager,
  tradingStore: TradingStore,
  symbol: string,
  inView: { prices: number[] },
): () => void {
  const sync = (): void => {
    const state = tradingStore.getState();
    const prices = positionLinePrices(state.positions[symbol], state.trailing[symbol]?.stopPrice);
    inView.prices = inViewPrices(prices);
    lines.setAll(prices);
  };
  sync();
  return tradingStore.subscribe((state, previous) => {
    if (
      state.positions[symbol] !== previous.positions[symbol] ||
      state.trailing[symbol] !== previous.trailing[symbol]
    ) {
      sync();
    }
  });
}
