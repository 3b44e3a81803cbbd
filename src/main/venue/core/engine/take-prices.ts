/**
 * A market takes its prices from the feed at venue time (with the setPrice/jumpPrice factor):
 * its own file so the synthetic and the mirrored step can both use it without importing each other.
 */
import { roundToTick } from '../../../../shared/domain/decimal.ts';
import type { Venue } from '../model/context.ts';
import type { Dec } from '../model/decimal.ts';
import { d, mul, sign } from '../model/decimal.ts';
import type { MarketRecord } from '../model/state.ts';

function scaled(raw: string, factor: Dec, grid: Dec): Dec {
  const price = roundToTick(mul(d(raw), factor), grid, 'half-up');
  return sign(price) > 0 ? price : grid;
}

/** Reads the feed at venue time and applies the setPrice/jumpPrice factor. */
export function takePrices(venue: Venue, market: MarketRecord): void {
  if (market.priceOverride !== null) {
    market.markPrice = roundToTick(market.priceOverride, market.spec.indexPriceTickSize, 'half-up');
    market.indexPrice = market.markPrice;
    market.feedLastPrice = roundToTick(market.priceOverride, market.spec.tickSize, 'half-up');
    market.priceOverride = null;
    return;
  }
  const point = venue.feed.priceAt(market.spec.symbol, venue.nowMs);
  market.markPrice = scaled(point.markPrice, market.priceFactor, market.spec.indexPriceTickSize);
  market.indexPrice = scaled(point.indexPrice, market.priceFactor, market.spec.indexPriceTickSize);
  market.feedLastPrice = scaled(point.lastPrice, market.priceFactor, market.spec.tickSize);
}
