/**
 * Funding settlements (reference §7.1: every 8 h the exchange moves `rate × position value`
 * between longs and shorts; the position's cumulative `posFunding` grows by it). Each settlement
 * the engine sees between two passes is journaled and counted in the day's realised PnL, so the
 * daily-loss trigger sees funding paid, not only trading losses.
 */
import { cmp, dec, format, sub, ZERO } from '../../../shared/domain/decimal.ts';
import type { TradingRuntime } from '../runtime.ts';
import type { ExchangePosition } from '../wire-map.ts';

/** Journals and counts the funding each still-open position settled since the last pass. */
export function accountFunding(rt: TradingRuntime, positions: ReadonlyMap<string, ExchangePosition>): void {
  for (const current of positions.values()) {
    const previous = rt.positions.get(current.symbol);
    // A new or flipped position starts its own posFunding: nothing to compare with.
    if (previous?.side !== current.side) continue;
    const settled = sub(dec(current.fundingUsdt), dec(previous.fundingUsdt));
    if (cmp(settled, ZERO) === 0) continue;
    const fundingUsdt = format(settled, 8);
    const at = rt.deps.now();
    const status = rt.lossGuard.record({ realisedPnlUsdt: fundingUsdt, byStop: false, funding: true, at });
    rt.deps.journal.setSetting('loss-guard', rt.lossGuard.snapshot());
    rt.deps.journal.append('position-event', { event: 'funding', fundingUsdt, positionFundingUsdt: current.fundingUsdt, sizeLots: current.sizeLots, markPrice: current.markPrice }, { symbol: current.symbol });
    rt.deps.journal.append('position-event', { event: 'guard', ...status }, { symbol: current.symbol });
    rt.deps.logger.info('funding-settled', { symbol: current.symbol, fundingUsdt, positionFundingUsdt: current.fundingUsdt });
  }
}
