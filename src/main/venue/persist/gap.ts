/**
 * Settles the time the app was closed (ADR 0160). The venue's candle history reaches back to the
 * last save; from there this replays the gap minute by minute on the venue's own machinery: resting
 * orders the market crossed fill, stops whose price a candle's range crossed trigger at that price,
 * positions are liquidated where a candle's low or high crosses their liquidation price, and
 * funding settles at every funding time of the gap at the rate and mark of that time.
 */
import type { Venue } from '../core/model/context.ts';
import { parkedOf } from '../core/model/context.ts';
import type { Dec } from '../core/model/decimal.ts';
import { cmp } from '../core/model/decimal.ts';
import { settleFunding, updatePredictedRates } from '../core/engine/funding.ts';
import { runLiquidations } from '../core/engine/liquidation.ts';
import { stepMarket } from '../core/engine/market-step.ts';
import { pruneHistory } from '../core/engine/retention.ts';
import type { CandleRecord, MarketRecord } from '../core/model/state.ts';
import { checkStops } from '../core/engine/stops.ts';

const MINUTE_MS = 60_000;

type Prices = Pick<MarketRecord, 'markPrice' | 'indexPrice' | 'lastPrice' | 'feedLastPrice'>;

function pricesOf(market: MarketRecord): Prices {
  return {
    markPrice: market.markPrice,
    indexPrice: market.indexPrice,
    lastPrice: market.lastPrice,
    feedLastPrice: market.feedLastPrice,
  };
}

/** Every price the stops and liquidations watch, at `price` (a moment inside the candle). */
export function priceAtMoment(market: MarketRecord, price: Dec): void {
  market.markPrice = price;
  market.indexPrice = price;
  market.lastPrice = price;
  market.feedLastPrice = price;
}

/** Stop prices of the market's parked stops inside the candle's range, in the order the path meets them. */
function crossedStopPrices(venue: Venue, market: MarketRecord, candle: CandleRecord): Dec[] {
  const inside = parkedOf(venue, market.spec.symbol)
    .map((order) => order.stopPrice)
    .filter(
      (price): price is Dec => price !== null && cmp(price, candle.low) >= 0 && cmp(price, candle.high) <= 0,
    );
  // Open → the nearer extreme → the other one → close: a falling candle meets the high side first.
  const falling = cmp(candle.close, candle.open) < 0;
  return inside.sort((a, b) => (falling ? cmp(b, a) : cmp(a, b)));
}

/** Stops and liquidations at the moments inside the candle the 1-minute close did not show. */
function settleInsideCandle(venue: Venue, market: MarketRecord): void {
  const candle = market.candles.at(-1);
  if (candle !== undefined) settleCandleRange(venue, market, candle);
}

/**
 * Stops whose price `candle`'s range crossed trigger at that price, in the order the path meets
 * them; positions are liquidated at the candle's low and high; then the market's prices are put back.
 */
export function settleCandleRange(venue: Venue, market: MarketRecord, candle: CandleRecord): void {
  const closing = pricesOf(market);
  for (const price of crossedStopPrices(venue, market, candle)) {
    priceAtMoment(market, price);
    checkStops(venue, market);
  }
  for (const extreme of [candle.low, candle.high]) {
    priceAtMoment(market, extreme);
    runLiquidations(venue);
  }
  Object.assign(market, closing);
}

/** Whether any account has an open order or a position: with none, the closed time changes nothing. */
export function holdsAnything(venue: Venue): boolean {
  for (const account of venue.accounts.values())
    if (account.openOrders.size > 0 || [...account.positions.values()].some((p) => p.qty !== 0n)) return true;
  return false;
}

/** One minute of the gap at venue time `atMs`. */
function settleMinute(venue: Venue, atMs: number): void {
  venue.nowMs = atMs;
  updatePredictedRates(venue);
  for (const market of venue.markets.values()) {
    stepMarket(venue, market);
    settleInsideCandle(venue, market);
  }
  runLiquidations(venue);
  while (venue.nowMs >= venue.nextFundingMs) {
    settleFunding(venue, venue.nextFundingMs);
    venue.nextFundingMs += venue.config.fundingIntervalMs;
    runLiquidations(venue);
  }
}

/**
 * Replays venue time from `venue.nowMs` (the last save) to `untilMs`, leaving the venue where its
 * warm-up would have: at `untilMs` with the next step, funding and rate update ahead.
 */
export function settleGap(venue: Venue, untilMs: number): void {
  const fromMs = venue.nowMs;
  if (untilMs > fromMs && holdsAnything(venue)) {
    for (let atMs = fromMs + MINUTE_MS; atMs < untilMs + MINUTE_MS; atMs += MINUTE_MS)
      settleMinute(venue, Math.min(atMs, untilMs));
    venue.logger.info('paper-gap-settled', { fromMs, untilMs });
  } else {
    warmTo(venue, untilMs);
  }
  pruneHistory(venue);
  venue.nowMs = untilMs;
  venue.nextStepMs = untilMs + venue.config.priceStepMs;
  venue.nextFundingRateMs = Math.ceil(untilMs / MINUTE_MS) * MINUTE_MS;
}

/** Nothing to settle: candle history and funding times move on as the warm-up moves them. */
function warmTo(venue: Venue, untilMs: number): void {
  for (let atMs = venue.nowMs + MINUTE_MS; atMs <= untilMs; atMs += MINUTE_MS) {
    venue.nowMs = atMs;
    for (const market of venue.markets.values()) stepMarket(venue, market);
    while (venue.nowMs >= venue.nextFundingMs) {
      settleFunding(venue, venue.nextFundingMs);
      venue.nextFundingMs += venue.config.fundingIntervalMs;
    }
  }
}
