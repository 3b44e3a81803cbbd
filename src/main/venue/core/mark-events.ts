/**
 * Mark-price driven position updates (reference §6.5, OLDDOC "Position Changes Caused by Mark
 * Price"): a partial position.change with the fields the mark moves.
 */
import { metricsOf } from './account-view.ts';
import type { Venue } from './context.ts';
import { sub, wireNumber, ZERO, quot, mul } from './decimal.ts';
import { marketStats24h, nanos } from './wire.ts';
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

/** `/contractMarket/snapshot:{symbol}` snapshot.24h, every 5 s of venue time (§6.4). */
export function emitSnapshot24h(venue: Venue, market: MarketRecord): void {
  if (venue.nowMs < market.nextSnapshotMs) return;
  market.nextSnapshotMs = Math.floor(venue.nowMs / 5000) * 5000 + 5000;
  const stats = marketStats24h(market, venue.nowMs);
  const change = sub(market.lastPrice, stats.open);
  venue.emit({
    topic: `/contractMarket/snapshot:${market.spec.symbol}`,
    subject: 'snapshot.24h',
    data: {
      highPrice: wireNumber(stats.high),
      lastPrice: wireNumber(market.lastPrice),
      lowPrice: wireNumber(stats.low),
      price24HoursBefore: wireNumber(stats.open),
      priceChg: wireNumber(change),
      priceChgPct: stats.open.m === 0n ? 0 : wireNumber(quot(change, stats.open), 4),
      symbol: market.spec.symbol,
      ts: nanos(venue.nowMs),
      turnover: wireNumber(stats.turnover, 8),
      volume: wireNumber(mul({ m: stats.volume, s: 0 }, market.spec.multiplier), 8),
    },
  });
}
