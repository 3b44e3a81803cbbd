/**
 * Auto-deleveraging (docs/reference/kucoin-futures.md#fills `tradeType` adl, docs/reference/kucoin-futures.md#ws-private-topics position.change `changeReason`
 * adl): when a liquidation cannot be absorbed by the book, KuCoin reduces the most profitable
 * opposing positions by force. The venue has no insurance-fund model, so ADL is an admin drill:
 * `lots` of the user's position are closed at the mark price, with no fee, by a venue-owned
 * reduce-only order whose fill says `tradeType: 'adl'`. Open orders are left alone (KuCoin only
 * touches the position); the user's own reduce-only stops may now be larger than the position.
 */
import { roundToTick } from '../../../../shared/domain/decimal.ts';
import { withBookDiff } from '../wire/book-events.ts';
import type { Venue } from '../model/context.ts';
import { text, ZERO } from '../model/decimal.ts';
import { emitOrderChange, emitPosition, emitWallet, marketOf } from '../wire/emitters.ts';
import { venueErrors } from '../wire/errors.ts';
import { applyUserFill } from './fills.ts';
import { liquidationOrder } from './liquidation.ts';
import { finishOrder } from './matching.ts';
import { accountOf } from './order-entry.ts';

/** Closes `lots` (1 ≤ lots ≤ held) of the user's `symbol` position as an ADL; returns the lots left. */
export function autoDeleverage(venue: Venue, userId: string, symbol: string, lots: number): number {
  const account = accountOf(venue, userId);
  const position = account.positions.get(symbol);
  const held = position === undefined ? 0n : position.qty > 0n ? position.qty : -position.qty;
  if (position === undefined || held === 0n)
    throw venueErrors.invalidParameter(`no open ${symbol} position to deleverage`);
  if (!Number.isInteger(lots) || lots < 1 || BigInt(lots) > held)
    throw venueErrors.invalidParameter(`lots must be 1..${held.toString()}`);
  const market = marketOf(venue, symbol);
  const base = liquidationOrder(venue, position);
  const order = { ...base, clientOid: `adl${base.id}`, size: BigInt(lots), closeOrder: false, remark: 'adl' };
  account.orders.set(order.id, order);
  account.openOrders.add(order);
  account.clientOids.set(order.clientOid, order.id);
  const price = roundToTick(market.markPrice, market.spec.tickSize, 'half-up');
  const tradeId = venue.ids.trade();
  withBookDiff(venue, market, () => {
    applyUserFill(venue, {
      market,
      account,
      order,
      lots: order.size,
      price,
      liquidity: 'taker',
      feeRate: ZERO,
      tradeId,
      tradeType: 'adl',
    });
  });
  emitOrderChange(
    venue,
    order,
    'match',
    'match',
    { liquidity: 'taker', feeType: 'takerFee', matchPrice: text(price), matchSize: String(lots), tradeId },
    'adl',
  );
  finishOrder(venue, order, 'filled', 'adl');
  venue.logger.warn('venue-adl', { userId, symbol, lots: String(lots) });
  emitPosition(venue, account, position, 'adl');
  emitWallet(venue, account);
  return Number(position.qty > 0n ? position.qty : -position.qty);
}
