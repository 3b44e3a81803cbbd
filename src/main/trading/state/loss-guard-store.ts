/** Persists the loss guard after every change, so a restart does not forget today's losses. */
import type { TradingRuntime } from '../runtime.ts';

/** Writes the guard's snapshot to the journal's settings. */
export function saveLossGuard(rt: TradingRuntime): void {
  rt.deps.settings.set('loss-guard', rt.lossGuard.snapshot());
}
