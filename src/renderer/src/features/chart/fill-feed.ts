import type { MarketStore } from '../../stores/market.store.ts';
import type { TradingStore, TradingStoreState } from '../../stores/trading.store.ts';
import {
  chartFills,
  fillMarkers,
  type ChartFill,
  type FillMarker,
  type JournalEntry,
} from './fill-markers.ts';
import { priceFormatFor } from './price-format.ts';

/** What the fill feed needs to know about the chart it marks. */
export interface FillFeedTarget {
  readonly symbol: string;
  /** The series key (`symbol:timeframe`) whose first bar bounds the markers. */
  readonly key: string;
  readonly barSeconds: number;
  readonly colors: { readonly up: string; readonly down: string };
  readonly setMarkers: (markers: FillMarker[]) => void;
}

/** Whether an update filled more of one of the symbol's orders, or moved its position. */
function fillsMayHaveChanged(state: TradingStoreState, previous: TradingStoreState, symbol: string): boolean {
  if (state.positions[symbol] !== previous.positions[symbol]) return true;
  if (state.orders === previous.orders) return false;
  return Object.values(state.orders).some(
    (order) =>
      order.symbol === symbol && order.filledLots !== (previous.orders[order.clientOid]?.filledLots ?? 0),
  );
}

/**
 * Our fills as markers. The source is the journal's `fill` entries (`trading:query-journal`), not
 * the order events: the journal holds every fill at its own price and exchange time — stop and
 * close fills, and liquidation or ADL fills the position monitor found without an order of ours
 * — and survives a restart, while an order event only carries the order's average price and the
 * time of its last change. The engine journals an order's fills before it publishes the order's
 * new filled size (order-tracker.ts), so a grown `filledLots` or a position change is the cue to
 * read the journal again. One read at a time; a cue during a read reads once more after it.
 */
export function followFills(
  target: FillFeedTarget,
  stores: { readonly trading: TradingStore; readonly market: MarketStore },
  readJournal: (symbol: string) => Promise<readonly JournalEntry[]>,
): () => void {
  let fills: readonly ChartFill[] = [];
  const draw = (): void => {
    const market = stores.market.getState();
    const tick = market.contracts[target.symbol]?.tickSize;
    target.setMarkers(
      fillMarkers(fills, {
        barSeconds: target.barSeconds,
        firstBarTime: market.history[target.key]?.bars[0]?.time,
        pricePrecision: tick === undefined ? undefined : priceFormatFor(tick)?.precision,
        colors: target.colors,
      }),
    );
  };
  const reader = journalReader(
    () => readJournal(target.symbol),
    (entries) => {
      fills = chartFills(entries);
      draw();
    },
  );
  reader.read();
  const unsubscribeTrading = stores.trading.subscribe((state, previous) => {
    if (fillsMayHaveChanged(state, previous, target.symbol)) reader.read();
  });
  const unsubscribeMarket = stores.market.subscribe((state, previous) => {
    const firstMoved =
      state.history[target.key]?.bars[0] !== previous.history[target.key]?.bars[0] ||
      state.contracts[target.symbol] !== previous.contracts[target.symbol];
    if (firstMoved) draw();
  });
  return () => {
    reader.stop();
    unsubscribeTrading();
    unsubscribeMarket();
  };
}

/** One read at a time; a cue during a read reads once more after it; nothing is delivered after stop. */
function journalReader(
  readJournal: () => Promise<readonly JournalEntry[]>,
  deliver: (entries: readonly JournalEntry[]) => void,
): { read: () => void; stop: () => void } {
  let stopped = false;
  let reading = false;
  let again = false;
  const read = (): void => {
    if (reading) {
      again = true;
      return;
    }
    reading = true;
    readJournal()
      .then((entries) => {
        if (!stopped) deliver(entries);
      })
      // A journal that cannot be read leaves the markers as they were; the next fill asks again.
      .catch(() => undefined)
      .finally(() => {
        reading = false;
        if (again && !stopped) {
          again = false;
          read();
        }
      });
  };
  return {
    read,
    stop: () => {
      stopped = true;
    },
  };
}
