/**
 * Applying one fill to one user: position and balance (accounting.ts), the order's counters,
 * the fill record (GET /api/v1/fills shape), closed-position history and the reduce-only rule.
 */
import type { FillOutcome } from './accounting.ts';
import { applyFill, flatPosition } from './accounting.ts';
import { remainingLots } from './book.ts';
import type { Venue } from '../model/context.ts';
import { instantOf } from '../model/context.ts';
import type { Dec } from '../model/decimal.ts';
import { add, neg, round, sub, text, textAt, wireNumber } from '../model/decimal.ts';
import { emitOrderChange } from '../wire/emitters.ts';
import { valueOf } from './margin.ts';
import type { AccountRecord, MarketRecord, OrderRecord, PositionRecord } from '../model/state.ts';
import type { FillWire, MarginMode } from '../wire/wire-types.ts';
import { nanos } from '../wire/wire.ts';

/** The user's position record on a symbol, created flat on first use. */
export function positionOf(
  venue: Venue,
  account: AccountRecord,
  symbol: string,
  mode: MarginMode,
  leverage: Dec,
): PositionRecord {
  let position = account.positions.get(symbol);
  if (position === undefined) {
    position = flatPosition(venue.ids.position(), account.userId, symbol, mode, leverage);
    account.positions.set(symbol, position);
  }
  return position;
}

/** One fill to apply. */
export interface UserFill {
  readonly market: MarketRecord;
  readonly account: AccountRecord;
  readonly order: OrderRecord;
  readonly lots: bigint;
  readonly price: Dec;
  readonly liquidity: 'maker' | 'taker';
  readonly feeRate: Dec;
  readonly tradeId: string;
  readonly tradeType: 'trade' | 'liquid' | 'adl';
}

/** Applies the fill to position, balance and order; records it; returns what it did. */
export function applyUserFill(venue: Venue, fill: UserFill): FillOutcome {
  const { market, account, order } = fill;
  const position = positionOf(venue, account, order.symbol, order.marginMode, order.leverage);
  const outcome = applyFill(account, position, {
    spec: market.spec,
    side: order.side,
    lots: fill.lots,
    price: fill.price,
    feeRate: fill.feeRate,
    leverage: order.leverage,
    marginMode: order.marginMode,
    nowMs: venue.nowMs,
    liquidation: fill.tradeType === 'liquid',
  });
  const value = valueOf(fill.lots, market.spec.multiplier, fill.price);
  order.filledSize += fill.lots;
  order.filledValue = add(order.filledValue, value);
  order.updatedAt = venue.nowMs;
  order.instants.fills.push({
    ...instantOf(venue),
    lots: fill.lots,
    price: fill.price,
    tradeId: fill.tradeId,
  });
  market.openInterest += outcome.openingLots - outcome.closingLots;
  pushBounded(account.fills, fillWire(venue, fill, value, outcome), venue.config.historyLimit * 10);
  if (outcome.closedPosition !== null) recordClosed(venue, account, outcome.closedPosition, fill);
  return outcome;
}

function fillWire(venue: Venue, fill: UserFill, value: Dec, outcome: FillOutcome): FillWire {
  const order = fill.order;
  const stopType = order.stop === '' ? '' : '_stop';
  return {
    symbol: order.symbol,
    tradeId: fill.tradeId,
    orderId: order.id,
    side: order.side,
    liquidity: fill.liquidity,
    forceTaker: fill.tradeType !== 'trade',
    price: text(fill.price),
    size: Number(fill.lots),
    value: text(value),
    openFeePay: text(outcome.openFee),
    closeFeePay: text(outcome.closeFee),
    stop: order.stop,
    feeRate: textAt(fill.feeRate, 5).padEnd(7, '0'),
    fixFee: '0',
    feeCurrency: 'USDT',
    subTradeType: null,
    marginMode: order.marginMode,
    openFeeTaxPay: '0',
    closeFeeTaxPay: '0',
    displayType: `${order.type}${stopType}`,
    fee: text(outcome.fee),
    settleCurrency: 'USDT',
    orderType: order.type,
    tradeType: fill.tradeType,
    tradeTime: nanos(venue.nowMs),
    createdAt: venue.nowMs,
  };
}

function recordClosed(venue: Venue, account: AccountRecord, closed: PositionRecord, fill: UserFill): void {
  const wasLong = fill.order.side === 'sell';
  const liquid = fill.tradeType === 'liquid';
  const pnl = add(sub(closed.realisedGrossPnl, closed.currentComm), closed.posFunding);
  pushBounded(
    account.closedPositions,
    {
      closeId: venue.ids.position(),
      userId: account.userId,
      symbol: closed.symbol,
      settleCurrency: 'USDT',
      leverage: text(round(closed.leverage, 2)),
      type: liquid ? (wasLong ? 'LIQUID_LONG' : 'LIQUID_SHORT') : wasLong ? 'CLOSE_LONG' : 'CLOSE_SHORT',
      pnl: text(pnl),
      realisedGrossCost: text(neg(closed.realisedGrossPnl)),
      realisedGrossCostNew: text(neg(closed.realisedGrossPnl)),
      withdrawPnl: '0.0',
      tradeFee: text(closed.currentComm),
      fundingFee: text(closed.posFunding),
      openTime: closed.openingTimestamp,
      closeTime: venue.nowMs,
      openPrice: text(closed.openPrice),
      closePrice: text(fill.price),
      marginMode: closed.marginMode,
      tax: '0.0',
      roe: null,
      liquidAmount: liquid ? String(fill.lots) : null,
      liquidPrice: liquid ? text(fill.price) : null,
      side: wasLong ? 'LONG' : 'SHORT',
    },
    venue.config.historyLimit,
  );
  pushBounded(
    account.transactions,
    {
      time: venue.nowMs,
      type: 'RealisedPNL',
      amount: wireNumber(pnl, 8),
      fee: 0,
      accountEquity: wireNumber(account.balance),
      status: 'Completed',
      remark: closed.symbol,
      offset: (account.transactions.at(-1)?.offset ?? 0) + 1,
      currency: 'USDT',
    },
    venue.config.historyLimit * 10,
  );
}

/** Appends and drops the oldest beyond `limit`. */
export function pushBounded<T>(list: T[], item: T, limit: number): void {
  list.push(item);
  // Trim in batches so a full list does not pay an O(n) shift on every push.
  if (list.length > limit + Math.max(16, Math.floor(limit / 4))) list.splice(0, list.length - limit);
}

/**
 * Reduce-only orders never grow a position (docs/reference/kucoin-futures.md#orders): after the position changed, each resting
 * reduce-only order on the symbol shrinks to what is left to reduce, or is canceled.
 */
export function enforceReduceOnly(
  venue: Venue,
  account: AccountRecord,
  symbol: string,
  cancel: (order: OrderRecord) => void,
): void {
  const position = account.positions.get(symbol);
  const qty = position?.qty ?? 0n;
  for (const order of account.openOrders) {
    if (order.symbol !== symbol || order.status !== 'open' || order.parked || !order.reduceOnly) continue;
    const reducible = order.side === 'sell' ? (qty > 0n ? qty : 0n) : qty < 0n ? -qty : 0n;
    const left = remainingLots(order);
    if (left <= reducible) continue;
    if (reducible === 0n) {
      cancel(order);
      continue;
    }
    const oldSize = order.size;
    order.canceledSize += left - reducible;
    order.updatedAt = venue.nowMs;
    emitOrderChange(venue, order, 'update', 'open', { oldSize: oldSize.toString() });
  }
}
