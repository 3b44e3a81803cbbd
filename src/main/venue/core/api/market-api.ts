/**
 * Public market endpoints (docs/reference/kucoin-futures.md#market-data, #positions): contracts, tickers, books, trades, klines,
 * mark price, funding rates and risk-limit tiers, all wire-shaped.
 */
import { levelView, priceOfTicks } from '../engine/book.ts';
import { klineGranularities, klineRows } from '../engine/candles.ts';
import { riskLimitWire } from '../model/contracts.ts';
import type { Venue } from '../model/context.ts';
import { sum, wireNumber } from '../model/decimal.ts';
import { bestLevels, marketOf } from '../wire/emitters.ts';
import { venueErrors } from '../wire/errors.ts';
import type {
  ContractWire,
  FundingRateCurrentWire,
  FundingRateHistoryWire,
  KlineWire,
  Level2SnapshotWire,
  MarkPriceWire,
  RiskLimitLevelWire,
  TickerWire,
  TradeHistoryWire,
} from '../wire/wire-types.ts';
import { contractWire, marketStats24h, nanos, tickerWire } from '../wire/wire.ts';

/** GET /api/v1/contracts/active. */
export function contractsActive(venue: Venue): ContractWire[] {
  return [...venue.markets.values()].map((market) =>
    contractWire(market, venue.nowMs, venue.config.fundingIntervalMs),
  );
}

/** GET /api/v1/contracts/{symbol}. */
export function contract(venue: Venue, symbol: string): ContractWire {
  return contractWire(marketOf(venue, symbol), venue.nowMs, venue.config.fundingIntervalMs);
}

/** GET /api/v1/ticker?symbol=. */
export function ticker(venue: Venue, symbol: string): TickerWire {
  const market = marketOf(venue, symbol);
  const [bid, ask] = bestLevels(venue, market);
  return tickerWire(market, bid, ask, venue.nowMs);
}

/** GET /api/v1/allTickers. */
export function allTickers(venue: Venue): TickerWire[] {
  return [...venue.markets.keys()].map((symbol) => ticker(venue, symbol));
}

/** GET /api/v1/level2/snapshot (all levels) or depth20/100. */
export function level2(venue: Venue, symbol: string, depth?: number): Level2SnapshotWire {
  const market = marketOf(venue, symbol);
  const resting = venue.resting.get(symbol) ?? [];
  const tick = market.spec.tickSize;
  const side = (levels: ReturnType<typeof levelView>): [number, number][] =>
    levels
      .slice(0, depth ?? levels.length)
      .map((level) => [wireNumber(priceOfTicks(level.ticks, tick)), Number(level.lots)]);
  return {
    sequence: market.sequence,
    symbol,
    bids: side(levelView(market, venue.shape, resting, 'buy')),
    asks: side(levelView(market, venue.shape, resting, 'sell')),
    ts: nanos(venue.nowMs),
  };
}

/** GET /api/v1/trade/history: the last 100 trades, newest first. */
export function tradeHistory(venue: Venue, symbol: string): TradeHistoryWire[] {
  return marketOf(venue, symbol).trades.slice(-100).reverse();
}

/** GET /api/v1/kline/query. @throws VenueError 100001 for an unsupported granularity. */
export function klines(
  venue: Venue,
  symbol: string,
  granularityMin: number,
  fromMs?: number,
  toMs?: number,
): KlineWire[] {
  const market = marketOf(venue, symbol);
  if (!klineGranularities.includes(granularityMin))
    throw venueErrors.invalidParameter('The granularity parameter is invalid');
  return klineRows(market, granularityMin, fromMs, toMs);
}

/** GET /api/v1/mark-price/{symbol}/current. */
export function markPrice(venue: Venue, symbol: string): MarkPriceWire {
  const market = marketOf(venue, symbol);
  return {
    symbol,
    granularity: 1000,
    timePoint: Math.floor(venue.nowMs / 1000) * 1000,
    value: wireNumber(market.markPrice),
    indexPrice: wireNumber(market.indexPrice),
  };
}

/** GET /api/v1/funding-rate/{symbol}/current. */
export function fundingRateCurrent(venue: Venue, symbol: string): FundingRateCurrentWire {
  const market = marketOf(venue, symbol);
  return {
    symbol: `.${symbol}FPI8H`,
    granularity: venue.config.fundingIntervalMs,
    timePoint: market.lastFundingTimeMs,
    value: wireNumber(market.fundingRate, 6),
    predictedValue: wireNumber(market.predictedFundingRate, 6),
    fundingRateCap: wireNumber(market.spec.fundingRateCap),
    fundingRateFloor: wireNumber(market.spec.fundingRateFloor),
    period: 1,
    fundingTime: market.lastFundingTimeMs + venue.config.fundingIntervalMs,
  };
}

/** GET /api/v1/contract/funding-rates?symbol=&from=&to=: settled rates, newest first. */
export function fundingHistory(
  venue: Venue,
  symbol: string,
  fromMs: number,
  toMs: number,
): FundingRateHistoryWire[] {
  const market = marketOf(venue, symbol);
  return market.fundingHistory.filter((row) => row.timepoint >= fromMs && row.timepoint <= toMs).reverse();
}

/** GET /api/v1/trade-statistics: Σ 24 h turnover (USDT). */
export function tradeStatistics(venue: Venue): { turnoverOf24h: number } {
  const turnover = sum(
    [...venue.markets.values()].map((market) => marketStats24h(market, venue.nowMs).turnover),
  );
  return { turnoverOf24h: wireNumber(turnover, 8) };
}

/** GET /api/v1/contracts/risk-limit/{symbol}. */
export function riskLimitLevels(venue: Venue, symbol: string): RiskLimitLevelWire[] {
  return riskLimitWire(marketOf(venue, symbol).spec);
}
