/**
 * Builders for the WS events (docs/reference/kucoin-futures.md#ws-public-topics, #ws-private-topics). Each function reads the records and emits
 * one KuCoin-shaped message through `venue.emit`.
 */
import { accountTotals, metricsOf } from '../api/account-view.ts';
import type { Level } from '../engine/book.ts';
import { levelView, priceOfTicks, remainingLots } from '../engine/book.ts';
import type { Venue } from '../model/context.ts';
import { add, text, textAt } from '../model/decimal.ts';
import type { OrderChangeData, PositionChangeReason } from './events.ts';
import type { AccountRecord, MarketRecord, OrderRecord, PositionRecord } from '../model/state.ts';
import type { TradeHistoryWire } from './wire-types.ts';
import { nanos, positionWire } from './wire.ts';
import { venueErrors } from './errors.ts';

/** The market of `symbol`. @throws VenueError 100003 for an unknown symbol. */
export function marketOf(venue: Venue, symbol: string): MarketRecord {
  const market = venue.markets.get(symbol);
  if (market === undefined) throw venueErrors.contractInvalid(symbol);
  return market;
}

/** Extra fields of a match/update order change. */
export type OrderChangeExtra = Partial<
  Pick<OrderChangeData, 'liquidity' | 'feeType' | 'matchPrice' | 'matchSize' | 'tradeId' | 'oldSize'>
>;

/** Emits `/contractMarket/tradeOrders:{symbol}` for an order. */
export function emitOrderChange(
  venue: Venue,
  order: OrderRecord,
  type: OrderChangeData['type'],
  status: OrderChangeData['status'],
  extra: OrderChangeExtra = {},
  tradeType: 'trade' | 'liquid' | 'adl' = 'trade',
): void {
  venue.emit({
    topic: `/contractMarket/tradeOrders:${order.symbol}`,
    subject: 'symbolOrderChange',
    userId: order.userId,
    data: {
      symbol: order.symbol,
      orderType: order.type,
      side: order.side,
      canceledSize: order.canceledSize.toString(),
      orderId: order.id,
      marginMode: order.marginMode,
      type,
      orderTime: order.orderTimeNs,
      size: order.size.toString(),
      filledSize: order.filledSize.toString(),
      price: order.price === null ? '0' : text(order.price),
      remainSize: remainingLots(order).toString(),
      status,
      ts: nanos(venue.nowMs),
      clientOid: order.clientOid,
      tradeType,
      ...extra,
    },
  });
}

/** Emits `/contractMarket/advancedOrders` for a stop order. */
export function emitStopOrder(venue: Venue, order: OrderRecord, type: 'open' | 'triggered' | 'cancel'): void {
  if (order.stop === '' || order.stopPrice === null || order.stopPriceType === '') return;
  venue.emit({
    topic: '/contractMarket/advancedOrders',
    subject: 'stopOrder',
    userId: order.userId,
    data: {
      createdAt: order.createdAt,
      marginMode: order.marginMode,
      orderId: order.id,
      orderPrice: order.price === null ? '0' : text(order.price),
      orderType: 'stop',
      side: order.side,
      size: Number(order.size),
      stop: order.stop,
      stopPrice: text(order.stopPrice),
      stopPriceType: order.stopPriceType,
      symbol: order.symbol,
      ts: nanos(venue.nowMs),
      type,
      ...(type === 'triggered' ? { triggerSuccess: order.triggerError === null } : {}),
      ...(order.triggerError === null ? {} : { error: order.triggerError }),
    },
  });
}

/** Emits `/contractAccount/wallet` with the account's totals (all strings, docs/reference/kucoin-futures.md#ws-private-topics). */
export function emitWallet(venue: Venue, account: AccountRecord): void {
  const totals = accountTotals(account, venue.markets);
  account.walletVersion += 1;
  const t = (value: Parameters<typeof textAt>[0]): string => textAt(value, 10);
  venue.emit({
    topic: '/contractAccount/wallet',
    subject: 'walletBalance.change',
    userId: account.userId,
    data: {
      crossPosMargin: t(totals.crossPosMargin),
      isolatedOrderMargin: t(totals.isolatedOrderMargin),
      holdBalance: '0',
      equity: t(add(add(totals.wallet, totals.crossUnPnl), totals.isolatedUnPnl)),
      version: String(account.walletVersion),
      availableBalance: t(totals.availableBalance),
      isolatedPosMargin: t(totals.isolatedPosMargin),
      walletBalance: t(totals.wallet),
      isolatedFundingFeeMargin: '0',
      crossUnPnl: t(totals.crossUnPnl),
      totalCrossMargin: t(totals.crossTotalMargin),
      currency: 'USDT',
      isolatedUnPnl: t(totals.isolatedUnPnl),
      crossOrderMargin: t(totals.crossOrderMargin),
      timestamp: String(venue.nowMs),
    },
  });
}

/** Emits `/contract/position:{symbol}` position.change with the full position. */
export function emitPosition(
  venue: Venue,
  account: AccountRecord,
  position: PositionRecord,
  reason: PositionChangeReason,
): void {
  const market = marketOf(venue, position.symbol);
  const totals = accountTotals(account, venue.markets);
  const metrics = metricsOf(account, position, venue.markets, totals.crossTotalMargin);
  venue.emit({
    topic: `/contract/position:${position.symbol}`,
    subject: 'position.change',
    userId: account.userId,
    data: {
      ...positionWire(
        position,
        metrics,
        market.markPrice,
        venue.nowMs,
        account.autoDeposit.has(position.symbol),
      ),
      changeReason: reason,
    },
  });
}

/** Emits `/contractMarket/execution:{symbol}` and `/contractMarket/ticker:{symbol}` for a trade. */
export function emitTrade(venue: Venue, market: MarketRecord, trade: TradeHistoryWire): void {
  const symbol = market.spec.symbol;
  venue.emit({
    topic: `/contractMarket/execution:${symbol}`,
    subject: 'match',
    data: {
      symbol,
      sequence: trade.sequence,
      side: trade.side,
      size: trade.size,
      price: trade.price,
      takerOrderId: trade.takerOrderId,
      makerOrderId: trade.makerOrderId,
      tradeId: trade.tradeId,
      ts: trade.ts,
    },
  });
  const [bid, ask] = bestLevels(venue, market);
  venue.emit({
    topic: `/contractMarket/ticker:${symbol}`,
    subject: 'ticker',
    data: {
      symbol,
      sequence: market.sequence,
      side: trade.side,
      size: trade.size,
      price: trade.price,
      bestBidSize: bid === undefined ? 0 : Number(bid.lots),
      bestBidPrice: bid === undefined ? '0' : text(priceOfTicks(bid.ticks, market.spec.tickSize)),
      bestAskPrice: ask === undefined ? '0' : text(priceOfTicks(ask.ticks, market.spec.tickSize)),
      tradeId: trade.tradeId,
      bestAskSize: ask === undefined ? 0 : Number(ask.lots),
      ts: trade.ts,
    },
  });
}

/** Best bid and best ask of the public book. */
export function bestLevels(venue: Venue, market: MarketRecord): [Level | undefined, Level | undefined] {
  const resting = venue.resting.get(market.spec.symbol) ?? [];
  return [
    levelView(market, venue.shape, resting, 'buy')[0],
    levelView(market, venue.shape, resting, 'sell')[0],
  ];
}
