import { toTradingError } from '../../../shared/errors.ts';
import { call } from '../bridge/index.ts';
import { toBarHistory } from './market.bars.ts';
import { seriesKey, type Bar, type BarHistory, type MarketState, type MarketStore } from './market.store.ts';
import type { Timeframe } from './settings.store.ts';

/** Bars asked for per page: the first one fills a wide chart (≥ 300 bars), later ones go back as far again. */
export const historyPageBars = 500;
/** The next page is asked for when the left edge of the view is this close to the first loaded bar. */
export const loadOlderWithinBars = 50;
/** After a failed page, wait this long before asking again (scrolling fires range changes every frame). */
export const olderRetryAfterMs = 5_000;

/**
 * Whether the chart should ask for the page before its first bar. `leftEdge` is the visible
 * range's `from` as a logical index, where 0 is the first loaded bar (negative: empty space
 * before it). One request at a time; never again once the exchange had nothing older.
 */
export function shouldLoadOlder(state: MarketState, key: string, leftEdge: number, nowMs: number): boolean {
  const history = state.history[key];
  if (history === undefined || history.bars.length === 0) return false;
  if (leftEdge > loadOlderWithinBars) return false;
  const older = state.olderBars[key];
  if (older === undefined) return true;
  return older.kind === 'failed' && nowMs - older.at >= olderRetryAfterMs;
}

/**
 * `history` with an older page in front: only bars before its first bar are taken (a page that
 * overlaps cannot duplicate or reorder a bar), the existing bars stay the same objects and
 * `loadedAt` is kept — that is how the chart tells this from a reload.
 */
export function withOlderBars(history: BarHistory, older: readonly Bar[]): BarHistory {
  const first = history.bars[0]?.time ?? Number.POSITIVE_INFINITY;
  const before = older.filter((bar) => bar.time < first);
  if (before.length === 0) return history;
  return { bars: [...before, ...history.bars], loadedAt: history.loadedAt };
}

function setOlder(
  market: MarketStore,
  key: string,
  status: MarketState['olderBars'][string] | undefined,
): void {
  const { [key]: _previous, ...others } = market.getState().olderBars;
  market.setState({ olderBars: status === undefined ? others : { ...others, [key]: status } });
}

/**
 * Asks `market:get-candles` for the page before the series' first bar and puts it in front. An
 * empty answer marks the start of history. If the history was replaced meanwhile (symbol or
 * timeframe switch, resync), the page is dropped: it belongs to bars no longer shown.
 */
export async function loadOlderCandles(
  market: MarketStore,
  symbol: string,
  timeframe: Timeframe,
  now: () => number = Date.now,
): Promise<void> {
  const key = seriesKey(symbol, timeframe);
  const history = market.getState().history[key];
  const first = history?.bars[0];
  if (history === undefined || first === undefined) return;
  setOlder(market, key, { kind: 'loading' });
  try {
    const candles = await call('market:get-candles', {
      symbol,
      timeframe,
      limit: historyPageBars,
      endMs: first.time * 1000,
    });
    const current = market.getState().history[key];
    if (current !== history) {
      setOlder(market, key, undefined);
      return;
    }
    const next = withOlderBars(history, toBarHistory(candles));
    const state = market.getState();
    const { [key]: _loading, ...olderBars } = state.olderBars;
    // One update: when the chart redraws the longer history its range moves, and the next page
    // must already be askable then (a view wider than what is loaded keeps filling).
    market.setState({
      history: next === history ? state.history : { ...state.history, [key]: next },
      olderBars: next === history ? { ...olderBars, [key]: { kind: 'start-reached' } } : olderBars,
    });
  } catch (error) {
    setOlder(market, key, { kind: 'failed', message: toTradingError(error).message, at: now() });
  }
}
