import { call, subscribe } from '../../bridge/index.ts';
import { toTradingError } from '../../../../shared/errors.ts';
import { connectionStore, type ConnectionStore } from '../../stores/connection.store.ts';
import { isPerpetualSymbol } from '../../domain/wire-patterns.ts';
import { analysisStore, receiveSnapshot, type AnalysisStore } from './analysis.store.ts';

/**
 * Tells main which contract the trader looks at and takes its snapshot. Half-typed symbols are
 * not sent. A failure is recorded for the strip to show, never guessed over.
 */
export function selectAnalysisSymbol(store: AnalysisStore, symbol: string): Promise<void> {
  if (!isPerpetualSymbol(symbol)) return Promise.resolve();
  const load = store.getState().load;
  if (load[symbol] === undefined) store.setState({ load: { ...load, [symbol]: { kind: 'loading' } } });
  return call('analysis:select-symbol', { symbol }).then(
    (snapshot) => {
      receiveSnapshot(store, snapshot);
    },
    (error: unknown) => {
      store.setState({
        load: {
          ...store.getState().load,
          [symbol]: { kind: 'unavailable', message: toTradingError(error).message },
        },
      });
    },
  );
}

interface Running {
  /** Followers per symbol, the most recently followed last. */
  readonly followers: Map<string, number>;
  stop: () => void;
}

const running = new Map<AnalysisStore, Running>();

function start(store: AnalysisStore, connection: ConnectionStore): Running {
  let offEvents: () => void = () => undefined;
  try {
    offEvents = subscribe('analysis:snapshot-updated', (snapshot) => {
      receiveSnapshot(store, snapshot);
    });
    store.setState({ unavailable: undefined });
  } catch (error) {
    store.setState({ unavailable: toTradingError(error).message });
  }
  const entry: Running = { followers: new Map(), stop: () => undefined };
  // Back from stale: pushes may have been missed, and main may have restarted: select again
  // (the most recently followed last, so it is the one main keeps as selected).
  const offConnection = connection.subscribe((state, previous) => {
    if (state.connection !== 'live' || previous.connection !== 'stale') return;
    for (const symbol of entry.followers.keys()) void selectAnalysisSymbol(store, symbol);
  });
  entry.stop = () => {
    offEvents();
    offConnection();
  };
  return entry;
}

/**
 * Follows `symbol` for as long as the returned function is not called: the first follower starts
 * the event feed, the last one stops it (so it is safe under StrictMode's double effects, and no
 * startup wiring is needed for the strip to work wherever it is placed).
 */
export function followAnalysis(
  symbol: string,
  store: AnalysisStore = analysisStore,
  connection: ConnectionStore = connectionStore,
): () => void {
  const entry = running.get(store) ?? start(store, connection);
  running.set(store, entry);
  const count = entry.followers.get(symbol) ?? 0;
  entry.followers.delete(symbol);
  entry.followers.set(symbol, count + 1);
  void selectAnalysisSymbol(store, symbol);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const left = (entry.followers.get(symbol) ?? 1) - 1;
    if (left > 0) entry.followers.set(symbol, left);
    else entry.followers.delete(symbol);
    if (entry.followers.size > 0) return;
    entry.stop();
    running.delete(store);
  };
}
