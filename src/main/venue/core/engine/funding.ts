/**
 * Funding (docs/reference/kucoin-futures.md#market-data, #fees-and-funding): a predicted rate every minute from the premium of mark over
 * index plus KuCoin's interest (0.01 % per 8 h), clamped to ±cap; at each settlement
 * (every fundingIntervalMs of venue time) every position pays or receives
 * −sign(qty) × |qty| × multiplier × mark × rate. Isolated funding moves the position margin
 * (posLoss / posCross); cross funding moves the balance.
 */
import type { Venue } from '../model/context.ts';
import type { Dec } from '../model/decimal.ts';
import { add, d, max, min, neg, quot, round, sign, sub, wireNumber, ZERO } from '../model/decimal.ts';
import { emitPosition, emitWallet } from '../wire/emitters.ts';
import { creditBalance, isolatedHoldings } from './accounting.ts';
import { fundingOf, valueOf } from './margin.ts';
import { pushBounded } from './fills.ts';
import type { AccountRecord, MarketRecord, PositionRecord } from '../model/state.ts';
import { nanos } from '../wire/wire.ts';

const INTEREST = d('0.0001');
const PREMIUM_CLAMP = d('0.0005');

/** The funding rate the premium implies now (6 places, within the contract's floor and cap). */
export function predictedRate(market: MarketRecord): Dec {
  if (sign(market.indexPrice) <= 0) return INTEREST;
  const premium = quot(sub(market.markPrice, market.indexPrice), market.indexPrice);
  const adjustment = max(min(sub(INTEREST, premium), PREMIUM_CLAMP), neg(PREMIUM_CLAMP));
  const rate = round(add(premium, adjustment), 6, 'half-up');
  return max(min(rate, market.spec.fundingRateCap), market.spec.fundingRateFloor);
}

/** Updates and publishes the predicted rate (`/contract/instrument` funding.rate, 1 min). */
export function updatePredictedRates(venue: Venue): void {
  for (const market of venue.markets.values()) {
    // A mirrored market publishes the upstream's predicted rate (mirror-step.ts), not a modelled one.
    if (venue.mirror === undefined) market.predictedFundingRate = predictedRate(market);
    if (sign(market.indexPrice) > 0) {
      const premium = round(quot(sub(market.markPrice, market.indexPrice), market.indexPrice), 6, 'half-up');
      pushBounded(market.premiumHistory, { timePoint: venue.nowMs, value: premium }, 10_080);
    }
    if (!venue.listening()) continue;
    venue.emit({
      topic: `/contract/instrument:${market.spec.symbol}`,
      subject: 'funding.rate',
      data: {
        granularity: 60_000,
        fundingRate: wireNumber(market.predictedFundingRate, 6),
        timestamp: venue.nowMs,
      },
    });
  }
}

function settlePosition(
  venue: Venue,
  account: AccountRecord,
  position: PositionRecord,
  market: MarketRecord,
  atMs: number,
): void {
  const rate = market.fundingRate;
  const funding = fundingOf(position.qty, market.spec.multiplier, market.markPrice, rate);
  if (sign(funding) < 0 && position.marginMode === 'ISOLATED')
    position.posLoss = add(position.posLoss, neg(funding));
  if (sign(funding) > 0 && position.marginMode === 'ISOLATED')
    position.posCross = add(position.posCross, funding);
  position.posFunding = add(position.posFunding, funding);
  account.ledger.funding = add(account.ledger.funding, funding);
  creditBalance(account, funding, position.marginMode === 'CROSS' ? isolatedHoldings(account) : ZERO);
  pushBounded(
    account.fundingPayments,
    {
      id: atMs * 10 + account.fundingPayments.length,
      symbol: market.spec.symbol,
      timePoint: atMs,
      fundingRate: wireNumber(rate, 6),
      markPrice: wireNumber(market.markPrice),
      positionQty: Number(position.qty),
      positionCost: wireNumber(valueOf(position.qty, market.spec.multiplier, market.markPrice)),
      funding: wireNumber(funding, 8),
      settleCurrency: 'USDT',
      context: JSON.stringify({ marginMode: position.marginMode, positionSide: 'BOTH' }),
      marginMode: position.marginMode,
    },
    venue.config.historyLimit,
  );
  venue.emit({
    topic: `/contract/position:${market.spec.symbol}`,
    subject: 'position.settlement',
    userId: account.userId,
    data: {
      fundingTime: atMs,
      qty: Number(position.qty),
      markPrice: wireNumber(market.markPrice),
      fundingRate: wireNumber(rate, 6),
      fundingFee: wireNumber(funding, 8),
      ts: nanos(atMs),
      settleCurrency: 'USDT',
    },
  });
  emitPosition(venue, account, position, 'positionChange');
}

function announce(
  venue: Venue,
  market: MarketRecord,
  subject: 'funding.begin' | 'funding.end',
  atMs: number,
): void {
  venue.emit({
    topic: `/contract/announcement:${market.spec.symbol}`,
    subject,
    data: {
      symbol: market.spec.symbol,
      fundingTime: atMs,
      fundingRate: wireNumber(market.fundingRate, 6),
      timestamp: venue.nowMs,
    },
  });
}

/** Settles funding of one market at settlement time `atMs` (a mirrored market settles on its own schedule, ADR 0180). */
export function settleMarketFunding(venue: Venue, market: MarketRecord, atMs: number): void {
  announce(venue, market, 'funding.begin', atMs);
  for (const account of venue.accounts.values()) {
    const position = account.positions.get(market.spec.symbol);
    if (position === undefined || position.qty === 0n) continue;
    settlePosition(venue, account, position, market, atMs);
    emitWallet(venue, account);
  }
  pushBounded(
    market.fundingHistory,
    { symbol: market.spec.symbol, fundingRate: wireNumber(market.fundingRate, 6), timepoint: atMs },
    venue.config.historyLimit,
  );
  announce(venue, market, 'funding.end', atMs);
  market.lastFundingTimeMs = atMs;
  market.fundingRate = market.predictedFundingRate;
}

/** Settles funding for every market at settlement time `atMs`. */
export function settleFunding(venue: Venue, atMs: number): void {
  for (const market of venue.markets.values()) settleMarketFunding(venue, market, atMs);
}
