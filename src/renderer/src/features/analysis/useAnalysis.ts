import { useEffect } from 'react';
import { useStore } from 'zustand';
import { analysisStore, type AnalysisState } from './analysis.store.ts';
import { followAnalysis } from './analysis.feed.ts';

/** Follows `symbol` while the calling component is mounted (main then keeps its analysis current). */
export function useFollowAnalysis(symbol: string): void {
  useEffect(() => followAnalysis(symbol), [symbol]);
}

/** Reads one slice of the analysis store; pass an atomic selector. */
export function useAnalysis<T>(selector: (state: AnalysisState) => T): T {
  return useStore(analysisStore, selector);
}

/**
 * The ticket's warning for an entry on `side`: `Entering long against the 4h downtrend, verdict
 * −0.62`, or undefined when the entry goes with the verdict (or it is too weak, unsure, unknown).
 */
export function useEntryWarning(symbol: string, side: 'buy' | 'sell'): string | undefined {
  useFollowAnalysis(symbol);
  return useAnalysis((state) => state.strips[symbol]?.view.warnings[side]);
}
