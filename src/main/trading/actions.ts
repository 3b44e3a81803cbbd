/** The trader's actions besides entries: cancel, close, move stop, trailing, kill switch (ADR 0301/0303). */
import { add, cmp, dec, div, format, isMultipleOf, mul, sub, type Dec } from '../../shared/domain/decimal.ts';
import type { TrailingSpec, TrailingState } from '../../shared/domain/trailing.ts';
import { OrderRejectedError, RiskRejectedError, ValidationError } from '../../shared/errors.ts';
import { raiseAlert, stopSettingKey } from './deps.ts';
import { fetchLiveStops } from './protection/live-stops.ts';
import { assertReduceOnlyAllowed } from './risk/reduce-only.ts';
import type { TradingRuntime } from './runtime.ts';
import type { JournalOrder } from '../store/order-rows.ts';

const HUNDRED: Dec = { m: 100n, s: 0 };

/** Cancels one order; a stop that protects an open position cannot be cancelled by hand. */
export async function cancelOrder(rt: TradingRuntime, clientOid: string): Promise<JournalOrder> {
  const order = rt.deps.journal.getOrder(clientOid);
  if (order === undefined) throw new ValidationError('order-not-found', `no order ${clientOid}`, { details: { clientOid } });
  if (order.purpose === 'stop' && rt.positions.has(order.symbol)) {
    throw new ValidationError('stop-protects-position', `this stop protects the open ${order.symbol} position; move it or close the position instead`, { details: { clientOid } });
  }
  return rt.deps.tracker.cancel(clientOid);
}

/** Cancels every working entry/close order (protective stops stay: they guard open positions). */
export async function cancelAll(rt: TradingRuntime, symbol: string | undefined): Promise<number> {
  const symbols = new Set<string>();
  for (const order of rt.deps.journal.openOrders()) if (order.purpose !== 'stop' && (symbol === undefined || order.symbol === symbol)) symbols.add(order.symbol);
  const open = await rt.deps.rest.listOpenOrders(symbol === undefined ? {} : { symbol });
  for (const item of open.items) symbols.add(item.symbol);
  let count = 0;
  for (const each of symbols) count += (await rt.deps.rest.cancelAllOrders(each)).cancelledOrderIds.length;
  await rt.deps.tracker.pollOpen();
  return count;
}

/** Closes a position with a reduce-only market order. @throws ValidationError when there is none. */
export async function closePosition(rt: TradingRuntime, symbol: string, reason: string): Promise<JournalOrder> {
  const position = rt.positions.get(symbol);
  if (position === undefined) throw new ValidationError('no-position', `there is no open ${symbol} position`, { details: { symbol } });
  rt.deps.journal.append('position-event', { event: 'close-requested', reason }, { symbol });
  const spec = {
    symbol, side: position.side === 'long' ? ('sell' as const) : ('buy' as const), type: 'market' as const, sizeLots: position.sizeLots,
    leverage: Math.max(1, Math.round(position.leverage)), reduceOnly: true, purpose: 'close' as const,
  };
  assertReduceOnlyAllowed(rt.deps, position, spec);
  const order = await rt.deps.tracker.submit(spec);
  if (order.status === 'REJECTED') throw new OrderRejectedError('close-rejected', order.reason ?? 'the exchange refused the close', { details: { clientOid: order.clientOid } });
  rt.requestTick();
  return order;
}

function checkNewStop(rt: TradingRuntime, symbol: string, stopPrice: string): void {
  const position = rt.positions.get(symbol);
  const known = rt.deps.contracts.get(symbol);
  if (position === undefined || known === undefined) throw new ValidationError('no-position', `there is no open ${symbol} position`, { details: { symbol } });
  const stop = dec(stopPrice);
  if (!isMultipleOf(stop, known.prepared.tickSize)) {
    throw new RiskRejectedError('risk-tick-size', `stop ${stopPrice} is not a multiple of the tick size ${format(known.prepared.tickSize)}`, { details: { ruleId: 'tick-size', stopPrice } });
  }
  const long = position.side === 'long';
  const mark = dec(position.markPrice);
  if (long ? cmp(stop, mark) >= 0 : cmp(stop, mark) <= 0) {
    throw new RiskRejectedError('risk-stop-side', `stop ${stopPrice} must be ${long ? 'below' : 'above'} mark ${position.markPrice}`, { details: { ruleId: 'stop-side', stopPrice, markPrice: position.markPrice } });
  }
  const liq = dec(rt.readings.get(symbol)?.liquidationPrice ?? position.liquidationPrice);
  if (liq.m <= 0n) return;
  const buffer = div(mul(sub(dec(position.avgEntryPrice), liq), dec(rt.deps.config.risk.stopLiquidationBufferPct)), HUNDRED, 8, 'half-up');
  const limit = add(liq, buffer);
  if (long ? cmp(stop, limit) < 0 : cmp(stop, limit) > 0) {
    throw new RiskRejectedError('risk-stop-vs-liquidation', `stop ${stopPrice} is beyond the safe limit ${format(limit, 2)} (liquidation ${format(liq)})`, { details: { ruleId: 'stop-vs-liquidation', stopPrice, liquidationPrice: format(liq) } });
  }
}

/** Moves a position's stop (new stop first, then the old one is cancelled). */
export async function moveStop(rt: TradingRuntime, symbol: string, stopPrice: string): Promise<{ stopClientOid: string }> {
  checkNewStop(rt, symbol, stopPrice);
  const position = rt.positions.get(symbol);
  if (position === undefined) throw new ValidationError('no-position', `there is no open ${symbol} position`, { details: { symbol } });
  const stops = (await fetchLiveStops(rt.deps.rest)).get(symbol) ?? [];
  const result = await rt.watchdog.moveStop(position, stops, stopPrice);
  if (result.placedClientOid === undefined) {
    throw new OrderRejectedError('stop-move-failed', `the new stop could not be placed (${result.failedReason ?? 'unknown'}); the old stop stays`, { details: { symbol, stopPrice } });
  }
  rt.deps.journal.setSetting(stopSettingKey(symbol), { price: stopPrice, side: position.side });
  rt.trailing.stopMoved(symbol, stopPrice);
  return { stopClientOid: result.placedClientOid };
}

/** Sets or removes trailing for a position (or a working entry). */
export function setTrailing(rt: TradingRuntime, symbol: string, spec: TrailingSpec | null): TrailingState | null {
  const position = rt.positions.get(symbol);
  const entry = rt.deps.journal.openOrders().find((o) => o.symbol === symbol && o.purpose === 'entry');
  const side = position?.side ?? (entry === undefined ? undefined : entry.side === 'buy' ? 'long' : 'short');
  const setting = rt.deps.journal.getSetting(stopSettingKey(symbol)) as { price: string } | undefined;
  if (side === undefined || setting === undefined) {
    if (spec === null) return rt.trailing.set(symbol, 'long', '0', null);
    throw new ValidationError('no-position', `there is no ${symbol} position or working entry to trail`, { details: { symbol } });
  }
  return rt.trailing.set(symbol, side, setting.price, spec);
}

/** Kill switch: HALTED, cancel every working order, and if asked flatten every position. */
export async function killSwitch(rt: TradingRuntime, flatten: boolean, reason: string): Promise<{ cancelledOrders: number; closedPositions: string[] }> {
  rt.machine.setTrigger('kill-switch', true, `kill switch: ${reason}`, { flatten });
  rt.deps.journal.setSetting('kill-switch', { active: true, reason });
  raiseAlert(rt.deps, 'critical', 'kill-switch', `kill switch pressed (${reason})${flatten ? '; flattening all positions' : ''}`, undefined, { flatten });
  const cancelledOrders = await cancelAll(rt, undefined);
  const closedPositions: string[] = [];
  if (flatten) {
    for (const symbol of [...rt.positions.keys()]) {
      await closePosition(rt, symbol, 'kill switch');
      closedPositions.push(symbol);
    }
  }
  return { cancelledOrders, closedPositions };
}

/** The trader clears the kill switch and the stop-out streak. */
export function resumeTrading(rt: TradingRuntime): void {
  rt.deps.journal.setSetting('kill-switch', { active: false, reason: '' });
  rt.lossGuard.resetStreak();
  rt.deps.journal.setSetting('loss-guard', rt.lossGuard.snapshot());
  rt.machine.setTrigger('kill-switch', false);
  rt.machine.setTrigger('consecutive-stop-outs', false);
}
