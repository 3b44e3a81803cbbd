/**
 * Executing a live order (ADR 0104): plan the match and the margin without touching state,
 * refuse with KuCoin's code if the account cannot carry it, then apply fills to both sides,
 * rest or cancel the remainder, and emit every order, trade, book, position and wallet event.
 */
import { accountTotals } from '../api/account-view.ts';
import { withBookDiff } from '../wire/book-events.ts';
import type { MatchLeg } from './book.ts';
import { orderTicks, planMatch, priceOfTicks, remainingLots } from './book.ts';
import { recordCandle } from './candles.ts';
import type { Venue } from '../model/context.ts';
import { instantOf, restingOf } from '../model/context.ts';
import type { Dec } from '../model/decimal.ts';
import { cmp, format, mul, quot, round, sub, text } from '../model/decimal.ts';
import { emitOrderChange, emitPosition, emitTrade, emitWallet } from '../wire/emitters.ts';
import { venueErrors } from '../wire/errors.ts';
import { feeRateFor } from './accounting.ts';
import { applyUserFill, enforceReduceOnly, pushBounded } from './fills.ts';
import type { MarginNeed } from './margin-need.ts';
import { marginNeed } from './margin-need.ts';
import { recordDone } from './retention.ts';
import type { AccountRecord, MarketRecord, OrderRecord } from '../model/state.ts';
import { nanos } from '../wire/wire.ts';

/** A checked plan for a live order. */
export interface ExecutionPlan {
  readonly legs: readonly MatchLeg[];
  /** Own resting orders self-trade prevention cancels (CO / CB). */
  readonly cancelMakers: readonly OrderRecord[];
  readonly restLots: bigint;
  readonly need: MarginNeed;
  /** A post-only order that would take: accepted and canceled at once. */
  readonly postOnlyCancel: boolean;
}

/**
 * Plans an order against the book and checks the account can carry it.
 * @throws VenueError 300003 when the margin needed exceeds the available balance.
 */
export function planExecution(
  venue: Venue,
  account: AccountRecord,
  market: MarketRecord,
  order: OrderRecord,
): ExecutionPlan {
  const lots = remainingLots(order);
  const limitTicks = order.type === 'limit' ? orderTicks(order, market.spec.tickSize) : null;
  const stp = order.stp === 'CN' || order.stp === 'CO' || order.stp === 'CB' ? order.stp : '';
  const match = planMatch(market, venue.shape, restingOf(venue, order.symbol), {
    side: order.side,
    limitTicks,
    lots,
    userId: order.userId,
    stp,
  });
  const legs = match.legs;
  if (order.postOnly && (legs.length > 0 || match.cancelTaker || match.cancelMakers.length > 0)) {
    return {
      legs: [],
      cancelMakers: [],
      restLots: 0n,
      need: marginNeed(account, market, order, [], 0n),
      postOnlyCancel: true,
    };
  }
  const matched = legs.reduce((total, leg) => total + leg.lots, 0n);
  const restLots =
    order.type === 'limit' && order.timeInForce === 'GTC' && !match.cancelTaker ? lots - matched : 0n;
  const need = marginNeed(account, market, order, legs, restLots);
  const available = accountTotals(account, venue.markets).availableBalance;
  if (cmp(need.total, available) > 0)
    throw venueErrors.balanceInsufficient(format(round(need.total, 10, 'up'), 10));
  return { legs, cancelMakers: match.cancelMakers, restLots, need, postOnlyCancel: false };
}

/** Applies a plan: fills, then rest / fill / cancel, with all events. */
export function commitExecution(
  venue: Venue,
  account: AccountRecord,
  market: MarketRecord,
  order: OrderRecord,
  plan: ExecutionPlan,
): void {
  withBookDiff(venue, market, () => {
    if (plan.postOnlyCancel) {
      finishOrder(venue, order, 'canceled');
      return;
    }
    const touched = new Set<AccountRecord>([account]);
    for (const maker of plan.cancelMakers) finishOrder(venue, maker, 'canceled');
    for (const leg of plan.legs) {
      const maker = takerLeg(venue, market, account, order, leg);
      if (maker !== null) touched.add(maker);
    }
    settleRemainder(venue, order, plan);
    for (const user of touched) afterFills(venue, user, market.spec.symbol);
  });
}

function settleRemainder(venue: Venue, order: OrderRecord, plan: ExecutionPlan): void {
  const left = remainingLots(order);
  if (left === 0n) {
    finishOrder(venue, order, 'filled');
    return;
  }
  if (plan.restLots > 0n) {
    order.resting = true;
    order.reservedMargin = plan.need.reserve;
    restingOf(venue, order.symbol).push(order);
    emitOrderChange(venue, order, 'open', 'open', { liquidity: 'maker' });
    return;
  }
  finishOrder(venue, order, 'canceled');
}

/** Marks an order done (filled or canceled) and takes it out of the book. */
export function finishOrder(
  venue: Venue,
  order: OrderRecord,
  how: 'filled' | 'canceled',
  tradeType: 'trade' | 'liquid' | 'adl' = 'trade',
): void {
  if (how === 'canceled') {
    order.canceledSize += remainingLots(order);
    order.cancelExist = order.canceledSize > 0n;
  }
  order.status = 'done';
  order.resting = false;
  order.parked = false;
  order.reservedMargin = { m: 0n, s: 0 };
  order.endAt = venue.nowMs;
  order.updatedAt = venue.nowMs;
  order.instants.done = instantOf(venue);
  if (how === 'canceled') order.instants.cancelled = order.instants.done;
  venue.accounts.get(order.userId)?.openOrders.delete(order);
  recordDone(venue, order);
  const resting = restingOf(venue, order.symbol);
  const index = resting.indexOf(order);
  if (index >= 0) resting.splice(index, 1);
  emitOrderChange(venue, order, how, 'done', {}, tradeType);
}

/**
 * After the position changed, each resting order's margin is recomputed for the part that now
 * opens (a sell that was closing a long opens a short once the long is gone); an order the
 * account can no longer carry is canceled, as KuCoin cancels orders without margin (docs/reference/kucoin-futures.md#orders).
 */
function rebalanceOrderMargins(venue: Venue, account: AccountRecord, market: MarketRecord): void {
  const resting = [...account.openOrders].filter(
    (order) => order.resting && order.symbol === market.spec.symbol && !order.reduceOnly,
  );
  for (const order of resting) {
    const need = marginNeed(account, market, order, [], remainingLots(order)).reserve;
    if (cmp(need, order.reservedMargin) <= 0) {
      order.reservedMargin = need;
      continue;
    }
    const available = accountTotals(account, venue.markets).availableBalance;
    if (cmp(sub(need, order.reservedMargin), available) <= 0) order.reservedMargin = need;
    else finishOrder(venue, order, 'canceled');
  }
}

function afterFills(venue: Venue, account: AccountRecord, symbol: string): void {
  enforceReduceOnly(venue, account, symbol, (order) => {
    finishOrder(venue, order, 'canceled');
  });
  const market = venue.markets.get(symbol);
  if (market !== undefined) rebalanceOrderMargins(venue, account, market);
  const position = account.positions.get(symbol);
  if (position !== undefined) emitPosition(venue, account, position, 'positionChange');
  emitWallet(venue, account);
}

function takerLeg(
  venue: Venue,
  market: MarketRecord,
  account: AccountRecord,
  order: OrderRecord,
  leg: MatchLeg,
): AccountRecord | null {
  const price = priceOfTicks(leg.ticks, market.spec.tickSize);
  const tradeId = venue.ids.trade();
  applyUserFill(venue, {
    market,
    account,
    order,
    lots: leg.lots,
    price,
    liquidity: 'taker',
    feeRate: market.spec.takerFeeRate,
    tradeId,
    tradeType: 'trade',
  });
  const extra = {
    liquidity: 'taker' as const,
    feeType: 'takerFee' as const,
    matchPrice: text(price),
    matchSize: leg.lots.toString(),
    tradeId,
  };
  emitOrderChange(venue, order, 'match', 'match', extra);
  let makerAccount: AccountRecord | null = null;
  let makerOrderId = `${tradeId}0`;
  if (leg.maker === null) {
    const consumed = order.side === 'buy' ? market.consumedAsks : market.consumedBids;
    consumed.set(leg.ticks, (consumed.get(leg.ticks) ?? 0n) + leg.lots);
  } else {
    makerAccount = makerFill(venue, market, leg.maker, leg.lots, price, tradeId);
    makerOrderId = leg.maker.id;
  }
  recordTrade(venue, market, {
    side: order.side,
    lots: leg.lots,
    price,
    tradeId,
    takerOrderId: order.id,
    makerOrderId,
  });
  return makerAccount;
}

/** A resting user order trades `lots` at `price` as maker; returns the maker's account. */
export function makerFill(
  venue: Venue,
  market: MarketRecord,
  maker: OrderRecord,
  lots: bigint,
  price: Dec,
  tradeId: string,
): AccountRecord | null {
  const account = venue.accounts.get(maker.userId);
  if (account === undefined) return null;
  const before = remainingLots(maker);
  const release =
    before > 0n
      ? round(quot(mul(maker.reservedMargin, { m: lots, s: 0 }), { m: before, s: 0 }), 18, 'up')
      : maker.reservedMargin;
  maker.reservedMargin =
    cmp(release, maker.reservedMargin) >= 0 ? { m: 0n, s: 0 } : sub(maker.reservedMargin, release);
  const feeRate = feeRateFor(market.spec, 'maker', maker.hidden || maker.iceberg);
  applyUserFill(venue, {
    market,
    account,
    order: maker,
    lots,
    price,
    liquidity: 'maker',
    feeRate,
    tradeId,
    tradeType: 'trade',
  });
  const feeType = maker.hidden || maker.iceberg ? ('takerFee' as const) : ('makerFee' as const);
  emitOrderChange(venue, maker, 'match', 'open', {
    liquidity: 'maker',
    feeType,
    matchPrice: text(price),
    matchSize: lots.toString(),
    tradeId,
  });
  if (remainingLots(maker) === 0n) finishOrder(venue, maker, 'filled');
  return account;
}

/** A trade on the tape: last price, trade history, candles, execution and ticker events. */
export interface TapeTrade {
  readonly side: OrderRecord['side'];
  readonly lots: bigint;
  readonly price: Dec;
  readonly tradeId: string;
  readonly takerOrderId: string;
  readonly makerOrderId: string;
}

/** Puts a trade on the tape. */
export function recordTrade(venue: Venue, market: MarketRecord, trade: TapeTrade): void {
  market.lastPrice = trade.price;
  market.lastTradeSide = trade.side;
  market.lastTradeSize = trade.lots;
  market.lastTradeId = trade.tradeId;
  recordCandle(market, trade.price, trade.lots, venue.nowMs);
  const wire = {
    sequence: Number(trade.tradeId),
    contractId: 1,
    tradeId: trade.tradeId,
    makerOrderId: trade.makerOrderId,
    takerOrderId: trade.takerOrderId,
    ts: nanos(venue.nowMs),
    size: Number(trade.lots),
    price: text(trade.price),
    side: trade.side,
  };
  pushBounded(market.trades, wire, venue.config.historyLimit);
  emitTrade(venue, market, wire);
}
