/**
 * Opening a mirrored market (ADR 0180): each contract starts at the upstream's prices with the
 * upstream's one-minute history as its candles, instead of a synthetic warm-up.
 */
import type { MirrorState, Venue } from '../model/context.ts';
import { d, mul } from '../model/decimal.ts';
import { MAX_CANDLES } from './candles.ts';
import { takePrices } from './take-prices.ts';
import type { CandleRecord, MarketRecord } from '../model/state.ts';
import type { UpstreamCandle } from '../model/upstream.ts';

function candleOf(market: MarketRecord, candle: UpstreamCandle): CandleRecord {
  const lots = BigInt(candle.volumeLots);
  const close = d(candle.close);
  return {
    startMs: candle.startMs,
    open: d(candle.open),
    high: d(candle.high),
    low: d(candle.low),
    close,
    volumeLots: lots,
    turnover: mul(mul({ m: lots, s: 0 }, market.spec.multiplier), close),
  };
}

/** Prices, history and the first book of every mirrored contract at venue time `nowMs`. */
export function openMirrored(venue: Venue, mirror: MirrorState, nowMs: number): void {
  venue.nowMs = nowMs;
  for (const market of venue.markets.values()) {
    takePrices(venue, market);
    market.lastPrice = market.feedLastPrice;
    const history = mirror.upstream
      .history(market.spec.symbol)
      .filter((candle) => candle.startMs + 60_000 <= nowMs);
    for (const candle of history.slice(-MAX_CANDLES)) market.candles.push(candleOf(market, candle));
  }
  venue.nextStepMs = nowMs + venue.config.priceStepMs;
  venue.nextFundingRateMs = Math.ceil(nowMs / 60_000) * 60_000;
}
