/**
 * Mark-price driven position updates (reference §6.5, OLDDOC "Position Changes Caused by Mark
 * Price"): a partial position.change with the fields the mark moves.
 */
import { metricsOf } from './account-view.ts';
import type { Venue } from './context.ts';
import { wireNumber, ZERO } from './decimal.ts';
import type { MarketRecord } from './state.ts';

/** Emits the mark-driven update for every open position on the market. */
export function emitMarkChanges(venue: Venue, market: MarketRecord): void {
  for (const account of venue.accounts.values()) {
    const position = account.positions.get(market.spec.symbol);
    if (position === undefined || position.qty === 0n) continue;
    const metrics = metricsOf(account, position, venue.markets, ZERO);
    venue.emit({
      topic: `/contract/position:${market.spec.symbol}`,
      subject: 'position.change',
      userId: account.userId,
      data: {
        markPrice: wireNumber(market.markPrice),
        markValue: wireNumber(position.qty < 0n ? { m: -metrics.markValue.m, s: metrics.markValue.s } : metrics.markValue),
        maintMargin: wireNumber(metrics.maintMargin),
        realLeverage: wireNumber(metrics.realLeverage),
        unrealisedPnl: wireNumber(metrics.unrealisedPnl),
        unrealisedRoePcnt: wireNumber(metrics.unrealisedRoePcnt, 4),
        unrealisedPnlPcnt: wireNumber(metrics.unrealisedPnlPcnt, 4),
        delevPercentage: 0,
        currentTimestamp: venue.nowMs,
        settleCurrency: 'USDT',
      },
    });
  }
}
