/**
 * Venue time moving forward (ADR 0102): every price step each market takes its prices from the
 * feed, the synthetic book refills around the new last price, resting user orders that the
 * market crossed fill as makers, a synthetic market trade prints, stops trigger, positions are
 * re-marked and liquidated; funding settles on its 8-hour grid.
 */
import { flushDepth, withBookDiff } from '../wire/book-events.ts';
import { orderTicks, priceOfTicks, remainingLots, sortedResting, syntheticLevels } from './book.ts';
import type { Venue } from '../model/context.ts';
import { restingOf } from '../model/context.ts';
import type { Dec } from '../model/decimal.ts';
import { cmp } from '../model/decimal.ts';
import { emitWallet } from '../wire/emitters.ts';
import { settleFunding, updatePredictedRates } from './funding.ts';
import { runLiquidations } from './liquidation.ts';
import { pushBounded } from './fills.ts';
import { makerFill, recordTrade } from './matching.ts';
import { emitStepMarketData } from '../wire/mark-events.ts';
import type { AccountRecord, MarketRecord } from '../model/state.ts';
import { pruneHistory } from './retention.ts';
import { checkStops } from './stops.ts';
import { stepMirroredMarket } from './mirror-step.ts';
import { takePrices } from './take-prices.ts';

export { takePrices } from './take-prices.ts';

/** Resting user orders the refilled synthetic book now crosses trade at their own limit price. */
function fillCrossedOrders(venue: Venue, market: MarketRecord): Set<AccountRecord> {
  const touched = new Set<AccountRecord>();
  for (const side of ['buy', 'sell'] as const) {
    const contra = side === 'buy' ? 'sell' : 'buy';
    for (const order of sortedResting(restingOf(venue, market.spec.symbol), side, market.spec.tickSize)) {
      const limit = orderTicks(order, market.spec.tickSize);
      const levels = syntheticLevels(market, venue.shape, contra).filter((level) =>
        side === 'buy' ? level.ticks <= limit : level.ticks >= limit,
      );
      let lots = remainingLots(order);
      for (const level of levels) {
        if (lots === 0n) break;
        const take = level.lots < lots ? level.lots : lots;
        const consumed = contra === 'sell' ? market.consumedAsks : market.consumedBids;
        consumed.set(level.ticks, (consumed.get(level.ticks) ?? 0n) + take);
        const price = priceOfTicks(limit, market.spec.tickSize);
        const tradeId = venue.ids.trade();
        const account = makerFill(venue, market, order, take, price, tradeId);
        recordTrade(venue, market, {
          side: contra,
          lots: take,
          price,
          tradeId,
          takerOrderId: `${tradeId}1`,
          makerOrderId: order.id,
        });
        if (account !== null) touched.add(account);
        lots -= take;
      }
    }
  }
  return touched;
}

/** The wider market prints a trade at the feed's last price every step. */
function syntheticTrade(venue: Venue, market: MarketRecord, previousLast: Dec): void {
  const up = cmp(market.feedLastPrice, previousLast) >= 0;
  const lots = BigInt(venue.rng.int(1, Math.max(1, Math.floor(venue.config.bookLevelSizeLots / 20))));
  const tradeId = venue.ids.trade();
  recordTrade(venue, market, {
    side: up ? 'buy' : 'sell',
    lots,
    price: market.feedLastPrice,
    tradeId,
    takerOrderId: `${tradeId}1`,
    makerOrderId: `${tradeId}2`,
  });
}

/** One price step of one market. */
export function stepMarket(venue: Venue, market: MarketRecord): void {
  if (venue.mirror !== undefined) {
    stepMirroredMarket(venue, venue.mirror, market);
    return;
  }
  const previousLast = market.feedLastPrice;
  const touched = withBookDiff(venue, market, () => {
    takePrices(venue, market);
    market.consumedAsks.clear();
    market.consumedBids.clear();
    return fillCrossedOrders(venue, market);
  });
  for (const account of touched) emitWallet(venue, account);
  syntheticTrade(venue, market, previousLast);
  emitStepMarketData(venue, market, true);
  pushBounded(market.indexHistory, { timePoint: venue.nowMs, value: market.indexPrice }, 1000);
  flushDepth(venue, market);
  checkStops(venue, market);
}

/** Skips a gap longer than maxCatchUpSteps, settling the funding inside it at current prices. */
function skipLongGap(venue: Venue, targetMs: number): void {
  const step = venue.config.priceStepMs;
  const steps = Math.floor((targetMs - venue.nextStepMs) / step);
  if (steps <= venue.config.maxCatchUpSteps) return;
  const resumeMs = venue.nextStepMs + (steps - venue.config.maxCatchUpSteps) * step;
  venue.logger.warn('venue-catch-up-skipped', { fromMs: venue.nextStepMs, toMs: resumeMs });
  while (venue.nextFundingMs < resumeMs) {
    venue.nowMs = venue.nextFundingMs;
    settleFunding(venue, venue.nextFundingMs);
    venue.nextFundingMs += venue.config.fundingIntervalMs;
  }
  venue.nextStepMs = resumeMs;
  venue.nextFundingRateMs = Math.max(venue.nextFundingRateMs, Math.floor(resumeMs / 60_000) * 60_000);
}

/** Processes every step, funding and liquidation up to `targetMs`. */
export function advanceVenue(venue: Venue, targetMs: number): void {
  if (venue.advancing) return;
  venue.advancing = true;
  try {
    processUntil(venue, targetMs);
    pruneHistory(venue);
  } finally {
    venue.advancing = false;
  }
}

function processUntil(venue: Venue, targetMs: number): void {
  skipLongGap(venue, targetMs);
  while (venue.nextStepMs <= targetMs) {
    venue.nowMs = venue.nextStepMs;
    if (venue.nowMs >= venue.nextFundingRateMs) {
      updatePredictedRates(venue);
      venue.nextFundingRateMs += 60_000;
    }
    for (const market of venue.markets.values()) stepMarket(venue, market);
    runLiquidations(venue);
    if (venue.nowMs >= venue.nextFundingMs) {
      settleFunding(venue, venue.nextFundingMs);
      venue.nextFundingMs += venue.config.fundingIntervalMs;
      runLiquidations(venue);
    }
    venue.nextStepMs += venue.config.priceStepMs;
  }
  if (targetMs > venue.nowMs) venue.nowMs = targetMs;
}
