/**
 * Settles the time the app was closed on a mirrored real market (ADR 0160). The mirror opens on
 * the upstream's real one-minute history, which covers the closed time; this replays that stretch
 * in time order: at each candle the stops its range crossed trigger and positions are liquidated
 * where its low or high crosses their liquidation price, and at each funding settlement of the
 * upstream's funding history positions pay or receive the rate KuCoin settled then, on the mark of
 * that moment. The market's live prices and rate are put back afterwards.
 */
import type { Venue } from '../core/model/context.ts';
import { d } from '../core/model/decimal.ts';
import { settleMarketFunding } from '../core/engine/funding.ts';
import { runLiquidations } from '../core/engine/liquidation.ts';
import type { CandleRecord, MarketRecord } from '../core/model/state.ts';
import { checkStops } from '../core/engine/stops.ts';
import { holdsAnything, priceAtMoment, settleCandleRange } from './gap.ts';

const MINUTE_MS = 60_000;

type GapEvent =
  | {
      readonly atMs: number;
      readonly market: MarketRecord;
      readonly kind: 'candle';
      readonly candle: CandleRecord;
    }
  | { readonly atMs: number; readonly market: MarketRecord; readonly kind: 'funding'; readonly rate: string };

/** The candles that closed and the settlements that happened in (fromMs, untilMs], in time order. */
function gapEvents(venue: Venue, fromMs: number, untilMs: number): GapEvent[] {
  const upstream = venue.mirror?.upstream;
  const events: GapEvent[] = [];
  for (const market of venue.markets.values()) {
    for (const candle of market.candles) {
      const closedAt = candle.startMs + MINUTE_MS;
      if (candle.startMs >= fromMs && closedAt <= untilMs)
        events.push({ atMs: closedAt, market, kind: 'candle', candle });
    }
    for (const point of upstream?.fundingHistory(market.spec.symbol) ?? []) {
      if (point.timeMs > fromMs && point.timeMs <= untilMs)
        events.push({ atMs: point.timeMs, market, kind: 'funding', rate: point.rate });
    }
  }
  // A settlement at a minute's end is charged on that minute's close: candles first on a tie.
  return events.sort((a, b) => a.atMs - b.atMs || (a.kind === b.kind ? 0 : a.kind === 'candle' ? -1 : 1));
}

function replay(venue: Venue, event: GapEvent): void {
  venue.nowMs = event.atMs;
  const market = event.market;
  if (event.kind === 'candle') {
    settleCandleRange(venue, market, event.candle);
    priceAtMoment(market, event.candle.close);
    checkStops(venue, market);
    runLiquidations(venue);
    return;
  }
  market.fundingRate = d(event.rate);
  settleMarketFunding(venue, market, event.atMs);
  runLiquidations(venue);
}

/**
 * Replays the mirrored history from `savedAtMs` (the last save, at most `maxRestoreGapMs` back) to
 * `untilMs`; returns how many candles and settlements it replayed.
 */
export function settleMirroredGap(
  venue: Venue,
  savedAtMs: number,
  untilMs: number,
): { candles: number; settlements: number } {
  const fromMs = Math.max(savedAtMs, untilMs - venue.config.maxRestoreGapMs);
  if (!(untilMs > fromMs) || !holdsAnything(venue)) return { candles: 0, settlements: 0 };
  const live = [...venue.markets.values()].map((market) => ({
    market,
    mark: market.markPrice,
    index: market.indexPrice,
    last: market.lastPrice,
    feedLast: market.feedLastPrice,
    rate: market.fundingRate,
  }));
  const events = gapEvents(venue, fromMs, untilMs);
  for (const event of events) replay(venue, event);
  for (const { market, mark, index, last, feedLast, rate } of live)
    Object.assign(market, {
      markPrice: mark,
      indexPrice: index,
      lastPrice: last,
      feedLastPrice: feedLast,
      fundingRate: rate,
    });
  venue.nowMs = untilMs;
  const settlements = events.filter((event) => event.kind === 'funding').length;
  venue.logger.info('paper-gap-settled', {
    fromMs,
    untilMs,
    candles: events.length - settlements,
    settlements,
    market: 'mirrored',
  });
  return { candles: events.length - settlements, settlements };
}
