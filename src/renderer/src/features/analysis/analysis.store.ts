import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AnalysisSnapshot } from '../../../../shared/ipc/channels/analysis.ts';
import type { LoadStatus } from '../../stores/trading.types.ts';
import { stripView, viewKey, type StripView } from './strip-view.ts';

/** One contract's strip: its view, the key it was built with and the snapshot time it came from. */
export interface SymbolStrip {
  readonly view: StripView;
  readonly key: string;
  readonly at: number;
}

/**
 * The analysis store (ADR 0706). Snapshots arrive at most every `publishIntervalMs` from main;
 * each becomes a view of formatted texts, and the store only changes when a view's text does, so
 * components re-render only when what they show changes, never per tick.
 */
export interface AnalysisState {
  readonly strips: Readonly<Record<string, SymbolStrip>>;
  readonly load: Readonly<Record<string, LoadStatus>>;
  /** Why analysis data is not flowing (e.g. an engine build without the analysis channels). */
  readonly unavailable: string | undefined;
}

/** The vanilla analysis store type. */
export type AnalysisStore = StoreApi<AnalysisState>;

/** Creates an empty analysis store. */
export function createAnalysisStore(): AnalysisStore {
  return createStore<AnalysisState>()(() => ({ strips: {}, load: {}, unavailable: undefined }));
}

/** The app's analysis store. */
export const analysisStore: AnalysisStore = createAnalysisStore();

/**
 * Takes a snapshot (a `select-symbol` answer or an `analysis:snapshot-updated` push). An older
 * one than the strip shows is ignored (an answer and a push may cross); one that looks the same
 * changes nothing.
 */
export function receiveSnapshot(store: AnalysisStore, snapshot: AnalysisSnapshot): void {
  const state = store.getState();
  const current = state.strips[snapshot.symbol];
  if (current !== undefined && current.at > snapshot.at) return;
  const view = stripView(snapshot);
  const key = viewKey(view);
  const ready = state.load[snapshot.symbol]?.kind === 'ready';
  if (current?.key === key && ready) return;
  store.setState({
    strips: { ...state.strips, [snapshot.symbol]: { view, key, at: snapshot.at } },
    load: ready ? state.load : { ...state.load, [snapshot.symbol]: { kind: 'ready' } },
  });
}
