/**
 * One price step of a mirrored market (ADR 0180): prices come from the upstream feed, the book is
 * the upstream book, the tape is the upstream tape (our resting orders fill from it, ADR 0181),
 * funding settles at the upstream's own times and rates. While the upstream is stale the market
 * holds its last prices and pushes no market data, as a real exchange whose feed stalled would.
 */
import { toTicks } from '../../../../shared/domain/decimal.ts';
import { flushDepth, withBookDiff } from '../wire/book-events.ts';
import type { MirrorState, Venue } from '../model/context.ts';
import { cmp, d } from '../model/decimal.ts';
import { emitWallet } from '../wire/emitters.ts';
import { pushBounded } from './fills.ts';
import { settleMarketFunding } from './funding.ts';
import { emitStepMarketData } from '../wire/mark-events.ts';
import { recordTrade } from './matching.ts';
import type { MarketRecord, MirroredLevel } from '../model/state.ts';
import { checkStops } from './stops.ts';
import { fillFromTape } from './tape-fills.ts';
import { takePrices } from './take-prices.ts';
import type { UpstreamLevel } from '../model/upstream.ts';

function levelsOf(market: MarketRecord, levels: readonly UpstreamLevel[]): MirroredLevel[] {
  return levels.map((level) => ({
    ticks: toTicks(d(level.price), market.spec.tickSize),
    lots: BigInt(level.lots),
  }));
}

/** Takes the upstream book as the market's liquidity; what our takers consumed is forgotten with it. */
function refreshBook(mirror: MirrorState, market: MarketRecord): void {
  const book = mirror.upstream.book(market.spec.symbol);
  if (book === undefined) return;
  market.mirroredBook = { bids: levelsOf(market, book.bids), asks: levelsOf(market, book.asks) };
  market.consumedAsks.clear();
  market.consumedBids.clear();
}

/** Settles a due upstream settlement, then schedules the next one the upstream announced. */
function followFunding(venue: Venue, mirror: MirrorState, market: MarketRecord): void {
  const symbol = market.spec.symbol;
  const scheduled = mirror.nextFundingMs.get(symbol);
  if (scheduled !== undefined && venue.nowMs >= scheduled) {
    settleMarketFunding(venue, market, scheduled);
    mirror.nextFundingMs.delete(symbol);
  }
  const funding = mirror.upstream.funding(symbol);
  if (funding === undefined || funding.nextFundingMs <= venue.nowMs) return;
  mirror.nextFundingMs.set(symbol, funding.nextFundingMs);
  market.fundingRate = d(funding.rate);
  market.predictedFundingRate = d(funding.predictedRate);
  // The contract wire derives nextFundingRateTime / fundingTime from the last settlement.
  market.lastFundingTimeMs = funding.nextFundingMs - venue.config.fundingIntervalMs;
}

/**
 * KuCoin pushes mark/index once a second; a mirrored market steps faster (to pass upstream ticks on
 * quickly), so it pushes a mark when it changed or a second has passed since the last push.
 */
function markDue(venue: Venue, mirror: MirrorState, market: MarketRecord): boolean {
  const last = mirror.lastMarkPush.get(market.spec.symbol);
  const changed =
    last === undefined || cmp(last.mark, market.markPrice) !== 0 || cmp(last.index, market.indexPrice) !== 0;
  if (!changed && venue.nowMs - last.atMs < 1_000) return false;
  mirror.lastMarkPush.set(market.spec.symbol, {
    mark: market.markPrice,
    index: market.indexPrice,
    atMs: venue.nowMs,
  });
  return true;
}

/** One price step of a mirrored market. */
export function stepMirroredMarket(venue: Venue, mirror: MirrorState, market: MarketRecord): void {
  const stale = mirror.upstream.staleReason() !== undefined;
  const prints = mirror.upstream.takeTrades(market.spec.symbol);
  const touched = withBookDiff(venue, market, () => {
    takePrices(venue, market);
    refreshBook(mirror, market);
    return fillFromTape(venue, mirror, market, prints);
  });
  for (const account of touched) emitWallet(venue, account);
  for (const print of prints) {
    const tradeId = venue.ids.trade();
    recordTrade(venue, market, {
      side: print.side,
      lots: BigInt(print.lots),
      price: d(print.price),
      tradeId,
      takerOrderId: `${tradeId}1`,
      makerOrderId: `${tradeId}2`,
    });
  }
  followFunding(venue, mirror, market);
  if (!stale) emitStepMarketData(venue, market, venue.listening() && markDue(venue, mirror, market));
  pushBounded(market.indexHistory, { timePoint: venue.nowMs, value: market.indexPrice }, 1000);
  flushDepth(venue, market);
  checkStops(venue, market);
}
