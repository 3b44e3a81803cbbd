/**
 * The venue's market: where mark, index and last prices come from over venue time (ADR 0101).
 * The exchange core pulls one {@link PricePoint} per symbol per price step, in time order.
 */

/** Prices of one symbol at one venue instant, as decimal strings on the contract's grids. */
export interface PricePoint {
  /** Mark price (drives PnL, MP stops and liquidation), on the indexPriceTickSize grid. */
  readonly markPrice: string;
  /** Index price (IP stops), on the indexPriceTickSize grid. */
  readonly indexPrice: string;
  /** Last trade price of the wider market (the synthetic book centres on it; TP stops), on tickSize. */
  readonly lastPrice: string;
}

/** Grid information a feed needs to put prices on ticks. */
export interface FeedSymbol {
  readonly symbol: string;
  /** Price at venue start, decimal string. */
  readonly initialPrice: string;
  readonly tickSize: string;
  readonly indexPriceTickSize: string;
}

/**
 * A source of prices over venue time. `priceAt` is called with non-decreasing `atMs` per symbol;
 * it never fails: a feed with no data yet answers its last known (or initial) prices.
 */
export interface PriceFeed {
  /** Prices of `symbol` at venue time `atMs`. */
  priceAt(symbol: string, atMs: number): PricePoint;
  /** Stops any background work (mirror polling). Idempotent. */
  close(): void;
}
