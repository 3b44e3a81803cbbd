/** The trader's actions besides entries: cancel, close, move stop, trailing (ADR 0301/0303). */
import { add, cmp, dec, div, format, isMultipleOf, mul, sub, type Dec } from '../../shared/domain/decimal.ts';
import type { TrailingSpec, TrailingState } from '../../shared/domain/trailing.ts';
import { OrderRejectedError, RiskRejectedError, ValidationError } from '../../shared/errors.ts';
import { noteCancelled } from './note-cancelled.ts';
import { changeTakeProfit } from './take-profit/take-profit-setting.ts';
import { fetchLiveStops } from './protection/live-stops.ts';
import { leverageOf } from './protection/stop-executor.ts';
import { assertReduceOnlyAllowed } from './risk/reduce-only.ts';
import { fetchPositions } from './tick.ts';
import type { TradingRuntime } from './runtime.ts';
import type { ExchangePosition } from './wire-map.ts';
import type { JournalOrder } from '../store/order-rows.ts';

const HUNDRED: Dec = { m: 100n, s: 0 };

/**
 * Cancels one order; a stop that protects an open position cannot be cancelled by hand. Cancelling
 * the position's take-profit removes it (else the next pass would place it again).
 */
export async function cancelOrder(rt: TradingRuntime, clientOid: string): Promise<JournalOrder> {
  const order = rt.deps.journal.getOrder(clientOid);
  if (order === undefined)
    throw new ValidationError('order-not-found', `no order ${clientOid}`, { details: { clientOid } });
  if (order.purpose === 'stop' && rt.positions.has(order.symbol)) {
    throw new ValidationError(
      'stop-protects-position',
      `this stop protects the open ${order.symbol} position; move it or close the position instead`,
      { details: { clientOid } },
    );
  }
  if (order.purpose === 'take-profit')
    changeTakeProfit(rt.deps, order.symbol, undefined, 'its order was cancelled by the trader', clientOid);
  return rt.deps.tracker.cancel(clientOid);
}

/**
 * Cancels every working regular (non-stop) order; protective stops stay, they guard open positions,
 * and so do take-profits (removed one by one in the positions dock).
 */
export async function cancelAll(rt: TradingRuntime, symbol: string | undefined): Promise<number> {
  const symbols = new Set<string>();
  for (const order of rt.deps.journal.openOrders())
    if (
      order.purpose !== 'stop' &&
      order.purpose !== 'take-profit' &&
      (symbol === undefined || order.symbol === symbol)
    )
      symbols.add(order.symbol);
  const open = await rt.deps.rest.listOpenOrders(symbol === undefined ? {} : { symbol }, {
    lane: 'protective',
  });
  for (const item of open.items) symbols.add(item.symbol);
  let count = 0;
  for (const each of symbols) {
    const answer = await rt.deps.rest.cancelAllOrders(each);
    noteCancelled(rt, answer.cancelledOrderIds, 'cancelled by the trader (cancel all)');
    count += answer.cancelledOrderIds.length;
  }
  rt.requestTick();
  return count;
}

/** The reduce-only market order that closes a position: whole, or `sizeLots` of it. */
export function closeSpec(position: ExchangePosition, sizeLots = position.sizeLots) {
  return {
    symbol: position.symbol,
    side: position.side === 'long' ? ('sell' as const) : ('buy' as const),
    type: 'market' as const,
    sizeLots,
    leverage: leverageOf(position),
    marginMode: position.marginMode,
    reduceOnly: true,
    purpose: 'close' as const,
  };
}

/**
 * Closes a position, or `sizeLots` of it, with a reduce-only market order; allowed in every
 * trading state and whatever the contract cache says — closing a position that exists at the
 * exchange is always allowed. What stays open keeps its stop (a reduce-only stop larger than the
 * position still closes all of it).
 * @throws ValidationError when there is none or `sizeLots` is more than it holds; OrderRejectedError when the exchange refuses.
 */
export async function closePosition(
  rt: TradingRuntime,
  symbol: string,
  reason: string,
  sizeLots?: number,
): Promise<JournalOrder> {
  // A position filled since the last pass is read at once: closing must not wait for a pass.
  const position = rt.positions.get(symbol) ?? (await fetchPositions(rt.deps)).get(symbol);
  if (position === undefined)
    throw new ValidationError('no-position', `there is no open ${symbol} position`, { details: { symbol } });
  if (sizeLots !== undefined && sizeLots > position.sizeLots)
    throw new ValidationError(
      'close-larger-than-position',
      `cannot close ${String(sizeLots)} lots: the ${symbol} position holds ${String(position.sizeLots)} lots`,
      { details: { symbol, sizeLots, positionLots: position.sizeLots } },
    );
  rt.deps.journal.append(
    'position-event',
    { event: 'close-requested', reason, ...(sizeLots === undefined ? {} : { sizeLots }) },
    { symbol },
  );
  const spec = closeSpec(position, sizeLots);
  assertReduceOnlyAllowed(rt.deps, position, spec);
  const order = await rt.deps.tracker.submit(spec);
  if (order.status === 'REJECTED')
    throw new OrderRejectedError('close-rejected', order.reason ?? 'the exchange refused the close', {
      details: { clientOid: order.clientOid },
    });
  rt.requestTick();
  return order;
}

async function markOf(rt: TradingRuntime, position: ExchangePosition): Promise<Dec> {
  return dec(
    position.markPrice ?? (await rt.deps.rest.getMarkPrice(position.symbol, { lane: 'protective' })).value,
  );
}

async function checkNewStop(
  rt: TradingRuntime,
  position: ExchangePosition,
  stopPrice: string,
): Promise<void> {
  const stop = dec(stopPrice);
  const known = rt.deps.contracts.get(position.symbol);
  if (known !== undefined && !isMultipleOf(stop, known.prepared.tickSize)) {
    throw new RiskRejectedError(
      'risk-tick-size',
      `stop ${stopPrice} is not a multiple of the tick size ${format(known.prepared.tickSize)}`,
      { details: { ruleId: 'tick-size', stopPrice } },
    );
  }
  const long = position.side === 'long';
  const mark = await markOf(rt, position);
  if (long ? cmp(stop, mark) >= 0 : cmp(stop, mark) <= 0) {
    throw new RiskRejectedError(
      'risk-stop-side',
      `stop ${stopPrice} must be ${long ? 'below' : 'above'} mark ${format(mark)}`,
      { details: { ruleId: 'stop-side', stopPrice, markPrice: format(mark) } },
    );
  }
  const liquidation = rt.readings.get(position.symbol)?.liquidationPrice ?? position.liquidationPrice;
  if (liquidation === undefined || position.avgEntryPrice === undefined) return;
  const liq = dec(liquidation);
  const buffer = div(
    mul(sub(dec(position.avgEntryPrice), liq), dec(rt.deps.config.risk.stopLiquidationBufferPct)),
    HUNDRED,
    8,
    'half-up',
  );
  const limit = add(liq, buffer);
  if (long ? cmp(stop, limit) < 0 : cmp(stop, limit) > 0) {
    throw new RiskRejectedError(
      'risk-stop-vs-liquidation',
      `stop ${stopPrice} is beyond the safe limit ${format(limit, 2)} (liquidation ${format(liq)})`,
      { details: { ruleId: 'stop-vs-liquidation', stopPrice, liquidationPrice: format(liq) } },
    );
  }
}

/** Moves a position's stop (new stop first, then the old one is cancelled). */
export async function moveStop(
  rt: TradingRuntime,
  symbol: string,
  stopPrice: string,
): Promise<{ stopClientOid: string }> {
  const position = rt.positions.get(symbol);
  if (position === undefined)
    throw new ValidationError('no-position', `there is no open ${symbol} position`, { details: { symbol } });
  await checkNewStop(rt, position, stopPrice);
  const stops =
    (await fetchLiveStops(rt.deps.rest, rt.deps.journal, { lane: 'protective' })).get(symbol) ?? [];
  const result = await rt.watchdog.moveStop(position, stops, stopPrice);
  if (result.placedClientOid === undefined) {
    throw new OrderRejectedError(
      'stop-move-failed',
      `the new stop could not be placed (${result.failedReason ?? 'stops placed outside Bulwark already cover the position'}); the old stop stays`,
      { details: { symbol, stopPrice } },
    );
  }
  rt.deps.settings.set('stop', { price: stopPrice, side: position.side }, symbol);
  rt.trailing.stopMoved(symbol, stopPrice);
  // The trader took the position in hand: an emergency exit under way ends.
  rt.closer.cancel(symbol);
  return { stopClientOid: result.placedClientOid };
}

/** Sets or removes trailing for a position (or a working entry). */
export function setTrailing(
  rt: TradingRuntime,
  symbol: string,
  spec: TrailingSpec | null,
): TrailingState | null {
  const position = rt.positions.get(symbol);
  const entry = rt.deps.journal.openOrders().find((o) => o.symbol === symbol && o.purpose === 'entry');
  const side = position?.side ?? (entry === undefined ? undefined : entry.side === 'buy' ? 'long' : 'short');
  const setting = rt.deps.settings.get('stop', symbol);
  if (side === undefined || setting === undefined) {
    if (spec === null) return rt.trailing.set(symbol, 'long', '0', null);
    throw new ValidationError('no-position', `there is no ${symbol} position or working entry to trail`, {
      details: { symbol },
    });
  }
  return rt.trailing.set(symbol, side, setting.price, spec);
}

/** The trader clears the kill switch and the stop-out streak. */
export function resumeTrading(rt: TradingRuntime): void {
  rt.deps.settings.set('kill-switch', { active: false, reason: '' });
  rt.lossGuard.resetStreak();
  rt.deps.settings.set('loss-guard', rt.lossGuard.snapshot());
  rt.machine.setTrigger('kill-switch', false);
  rt.machine.setTrigger('consecutive-stop-outs', false);
}
