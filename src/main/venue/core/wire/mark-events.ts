/**
 * Mark-price driven position updates (docs/reference/kucoin-futures.md#ws-private-topics): position.change with the full position (KuCoin's
 * push schema requires every field), which includes every field of the legacy partial update.
 */
import { accountTotals, metricsOf } from '../api/account-view.ts';
import type { Venue } from '../model/context.ts';
import { sub, wireNumber, quot, mul } from '../model/decimal.ts';
import { marketStats24h, nanos, positionWire } from './wire.ts';
import { candleEvents } from '../engine/candles.ts';
import type { MarketRecord } from '../model/state.ts';

/** Emits the mark-driven update (the full position, no changeReason) for every open position on the market. */
export function emitMarkChanges(venue: Venue, market: MarketRecord): void {
  for (const account of venue.accounts.values()) {
    const position = account.positions.get(market.spec.symbol);
    if (position === undefined || position.qty === 0n) continue;
    const totals = accountTotals(account, venue.markets);
    const metrics = metricsOf(account, position, venue.markets, totals.crossTotalMargin);
    const wire = positionWire(
      position,
      metrics,
      market.markPrice,
      venue.nowMs,
      account.autoDeposit.has(position.symbol),
    );
    venue.emit({
      topic: `/contract/position:${market.spec.symbol}`,
      subject: 'position.change',
      userId: account.userId,
      data: {
        ...wire,
        maintMargin: wireNumber(metrics.maintMargin),
        realLeverage: wireNumber(metrics.realLeverage),
      },
    });
  }
}

/** `/contractMarket/snapshot:{symbol}` snapshot.24h, every 5 s of venue time (docs/reference/kucoin-futures.md#ws-public-topics). */
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

/**
 * The market pushes of one price step, synthetic or mirrored: mark/index (when due — the mirror
 * pushes an unchanged mark once a second), candles, positions re-marked, the 24 h snapshot.
 */
export function emitStepMarketData(venue: Venue, market: MarketRecord, markIndexDue: boolean): void {
  if (!venue.listening()) return;
  if (markIndexDue) {
    venue.emit({
      topic: `/contract/instrument:${market.spec.symbol}`,
      subject: 'mark.index.price',
      data: {
        markPrice: wireNumber(market.markPrice),
        indexPrice: wireNumber(market.indexPrice),
        granularity: 1000,
        timestamp: venue.nowMs,
      },
    });
  }
  for (const event of candleEvents(market, venue.nowMs)) venue.emit(event);
  emitMarkChanges(venue, market);
  emitSnapshot24h(venue, market);
}
