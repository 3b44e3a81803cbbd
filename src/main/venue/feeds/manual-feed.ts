import { ValidationError } from '../../../shared/errors.ts';
import type { FeedSymbol, PriceFeed, PricePoint } from './price-feed.ts';

/** A feed whose prices are set by hand: tests and fault drills that need mark ≠ index ≠ last. */
export interface ManualPriceFeed extends PriceFeed {
  /** Sets any of mark, index and last of `symbol` (decimal strings on the contract grids). */
  set(symbol: string, prices: Partial<PricePoint>): void;
}

/** Creates a manual feed starting every symbol at its initial price. */
export function createManualPriceFeed(symbols: readonly FeedSymbol[]): ManualPriceFeed {
  const points = new Map<string, PricePoint>(
    symbols.map((spec) => [
      spec.symbol,
      { markPrice: spec.initialPrice, indexPrice: spec.initialPrice, lastPrice: spec.initialPrice },
    ]),
  );
  return {
    priceAt(symbol: string): PricePoint {
      const point = points.get(symbol);
      if (point === undefined)
        throw new ValidationError('venue-feed-unknown-symbol', `manual feed has no symbol ${symbol}`, {
          details: { symbol },
        });
      return point;
    },
    set(symbol, prices) {
      const point = points.get(symbol);
      if (point === undefined)
        throw new ValidationError('venue-feed-unknown-symbol', `manual feed has no symbol ${symbol}`, {
          details: { symbol },
        });
      points.set(symbol, { ...point, ...prices });
    },
    close: () => undefined,
  };
}
