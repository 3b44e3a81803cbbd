/**
 * The liquidation engine (docs/reference/kucoin-futures.md#isolated-margin, #cross-margin, #margin): an isolated position is taken over at its
 * bankruptcy price when the mark crosses its liquidation price; a cross account whose risk rate
 * reaches 1 has every cross position closed at the mark. Open orders on the symbol are canceled
 * first. Each liquidation leaves a `liquid` fill, a LIQUID_* history row and position.change
 * with changeReason `liquidation`; the balance never goes below zero.
 */
import { roundToTick } from '../../../../shared/domain/decimal.ts';
import { accountTotals, crossLiquidates, metricsOf } from '../api/account-view.ts';
import { withBookDiff } from '../wire/book-events.ts';
import { cancelOpenOrder } from './cancels.ts';
import type { Venue } from '../model/context.ts';
import { instantOf } from '../model/context.ts';
import type { Dec } from '../model/decimal.ts';
import { add, d, max, min, mul, ONE, round, sign, sub, text, ZERO } from '../model/decimal.ts';
import { emitOrderChange, emitPosition, emitWallet, marketOf } from '../wire/emitters.ts';
import { applyUserFill } from './fills.ts';
import { finishOrder } from './matching.ts';
import { isolatedLiquidates } from './position-metrics.ts';
import type { AccountRecord, OrderRecord, PositionRecord } from '../model/state.ts';
import { nanos } from '../wire/wire.ts';

/** The venue's own reduce-only market order that takes the whole position over (also the base of an ADL order). */
export function liquidationOrder(venue: Venue, position: PositionRecord): OrderRecord {
  const id = venue.ids.order();
  return {
    id,
    userId: position.userId,
    symbol: position.symbol,
    clientOid: `liq${id}`,
    side: position.qty > 0n ? 'sell' : 'buy',
    type: 'market',
    price: null,
    size: position.qty > 0n ? position.qty : -position.qty,
    filledSize: 0n,
    filledValue: ZERO,
    canceledSize: 0n,
    timeInForce: 'IOC',
    postOnly: false,
    hidden: false,
    iceberg: false,
    visibleSize: 0n,
    reduceOnly: true,
    closeOrder: true,
    forceHold: false,
    leverage: position.leverage,
    marginMode: position.marginMode,
    stop: '',
    stopPrice: null,
    stopPriceType: '',
    stopTriggered: false,
    remark: 'liquidation',
    stp: '',
    createdAt: venue.nowMs,
    updatedAt: venue.nowMs,
    endAt: null,
    orderTimeNs: nanos(venue.nowMs),
    status: 'open',
    parked: false,
    resting: false,
    cancelExist: false,
    reservedMargin: ZERO,
    priority: venue.ids.priority(),
    siblingId: null,
    triggerError: null,
    instants: { accepted: instantOf(venue), triggered: null, cancelled: null, done: null, fills: [] },
  };
}

function cancelSymbolOrders(venue: Venue, account: AccountRecord, symbol: string): void {
  const open = [...account.openOrders].filter(
    (order) => order.symbol === symbol && order.status === 'open' && !order.parked,
  );
  for (const order of open) cancelOpenOrder(venue, account, order);
}

/** Closes `position` entirely at `price` as a liquidation. */
function liquidate(
  venue: Venue,
  account: AccountRecord,
  position: PositionRecord,
  price: Dec,
  feeRate: Dec,
): void {
  const market = marketOf(venue, position.symbol);
  cancelSymbolOrders(venue, account, position.symbol);
  const order = liquidationOrder(venue, position);
  account.orders.set(order.id, order);
  account.openOrders.add(order);
  account.clientOids.set(order.clientOid, order.id);
  const lots = order.size;
  const tradeId = venue.ids.trade();
  withBookDiff(venue, market, () => {
    applyUserFill(venue, {
      market,
      account,
      order,
      lots,
      price,
      liquidity: 'taker',
      feeRate,
      tradeId,
      tradeType: 'liquid',
    });
  });
  emitOrderChange(
    venue,
    order,
    'match',
    'match',
    { liquidity: 'taker', feeType: 'takerFee', matchPrice: text(price), matchSize: lots.toString(), tradeId },
    'liquid',
  );
  finishOrder(venue, order, 'filled', 'liquid');
  venue.logger.warn('venue-liquidation', {
    userId: account.userId,
    symbol: position.symbol,
    lots: lots.toString(),
    marginMode: position.marginMode,
  });
  emitPosition(venue, account, position, 'liquidation');
  emitWallet(venue, account);
}

function bankruptcyFillPrice(venue: Venue, account: AccountRecord, position: PositionRecord): Dec {
  const market = marketOf(venue, position.symbol);
  const metrics = metricsOf(account, position, venue.markets, ZERO);
  // Round toward the trader (long up, short down) so the take-over never loses more than posMargin.
  const price = roundToTick(metrics.bankruptPrice, market.spec.tickSize, position.qty > 0n ? 'up' : 'down');
  return sign(price) > 0 ? price : market.spec.tickSize;
}

/** The buffer auto-deposit restores: the liquidation price goes back to 1 % beyond the mark. */
const AUTO_DEPOSIT_BUFFER = d('0.01');

/**
 * Auto-deposit (docs/reference/kucoin-futures.md#positions auto-deposit-status): before liquidating, move margin from the available
 * balance into the position so that its liquidation price sits 1 % beyond the mark. Returns
 * whether the position is safe again.
 */
function autoDeposited(venue: Venue, account: AccountRecord, position: PositionRecord): boolean {
  if (!account.autoDeposit.has(position.symbol)) return false;
  const market = marketOf(venue, position.symbol);
  const metrics = metricsOf(account, position, venue.markets, ZERO);
  const long = position.qty > 0n;
  const target = mul(market.markPrice, long ? sub(ONE, AUTO_DEPOSIT_BUFFER) : add(ONE, AUTO_DEPOSIT_BUFFER));
  const distance = long ? sub(metrics.avgEntryPrice, target) : sub(target, metrics.avgEntryPrice);
  const needed = add(
    metrics.posMaint,
    mul(max(distance, ZERO), mul({ m: long ? position.qty : -position.qty, s: 0 }, market.spec.multiplier)),
  );
  const available = accountTotals(account, venue.markets).availableBalance;
  const amount = min(round(sub(needed, metrics.posMargin), 8, 'up'), available);
  if (sign(amount) <= 0) return false;
  position.posCross = add(position.posCross, amount);
  emitPosition(venue, account, position, 'marginChange');
  emitWallet(venue, account);
  return !isolatedLiquidates(position, metricsOf(account, position, venue.markets, ZERO), market.markPrice);
}

/** Liquidates what the current marks require, for every account. */
export function runLiquidations(venue: Venue): void {
  for (const account of venue.accounts.values()) {
    for (const position of account.positions.values()) {
      if (position.qty === 0n || position.marginMode !== 'ISOLATED') continue;
      const market = marketOf(venue, position.symbol);
      const metrics = metricsOf(account, position, venue.markets, ZERO);
      if (
        isolatedLiquidates(position, metrics, market.markPrice) &&
        !autoDeposited(venue, account, position)
      ) {
        liquidate(
          venue,
          account,
          position,
          bankruptcyFillPrice(venue, account, position),
          market.spec.takerFeeRate,
        );
      }
    }
    const totals = accountTotals(account, venue.markets);
    if (!crossLiquidates(totals)) continue;
    for (const position of account.positions.values()) {
      if (position.qty === 0n || position.marginMode !== 'CROSS') continue;
      const market = marketOf(venue, position.symbol);
      // docs/reference/kucoin-futures.md#isolated-margin (P-ISO2025): the liquidation fee is charged on the mark value at liquidationFeeRate.
      liquidate(
        venue,
        account,
        position,
        roundToTick(market.markPrice, market.spec.tickSize, 'half-up'),
        d(venue.config.liquidationFeeRate),
      );
    }
  }
}
