/**
 * The engine pass's take-profit step (ADR 0342): after the loss-side stop, bounded by one pass
 * interval — a hanging take-profit request finishes in the background and never delays the next
 * pass's protection.
 */
import { inBackground, type TradingRuntime } from '../runtime.ts';
import type { SidedStop } from '../protection/live-stops.ts';
import type { ExchangePosition } from '../wire-map.ts';
import { keepTakeProfit } from './take-profit-keeper.ts';

/** Keeps the position's take-profit, waiting at most `watchdogIntervalMs`. */
export async function keepTakeProfitWithin(
  rt: TradingRuntime,
  position: ExchangePosition,
  stops: readonly SidedStop[],
): Promise<void> {
  const covered = rt.watchdog.protection(position.symbol).status === 'PROTECTED';
  const keeping = keepTakeProfit(rt.deps, position, stops, { covered }).catch((error: unknown) => {
    rt.deps.logger.warn('take-profit-failed', { symbol: position.symbol, error: String(error) });
  });
  inBackground(rt, keeping);
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    keeping,
    new Promise((resolve) => (timer = setTimeout(resolve, rt.deps.config.protection.watchdogIntervalMs))),
  ]);
  clearTimeout(timer);
}
