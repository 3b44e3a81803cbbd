/**
 * Executes a stop plan: the new stop first, then the old ones are cancelled (field lesson 4 and
 * Bulwark edge 2: no unprotected gap). Records the hand-off overlap; if the new stop cannot be
 * placed the old one simply stays.
 */
import { terminalOrderStatuses } from '../../../shared/domain/order.ts';
import type { Side } from '../../../shared/domain/primitives.ts';
import type { TradingDeps } from '../deps.ts';
import { assertReduceOnlyAllowed } from '../risk/reduce-only.ts';
import type { ExchangePosition } from '../wire-map.ts';
import type { LiveStop, StopPlan } from './stop-plan.ts';

/** What one execution did. */
export interface StopExecution {
  readonly placedClientOid?: string;
  readonly placed: boolean;
  readonly failedReason?: string;
  readonly cancelled: number;
  /** ms between the new stop's acknowledgement and the last old stop's cancellation. */
  readonly overlapMs: number;
}

/** Places `plan.place` (if any), then cancels `plan.cancel` once the new stop is live. */
export async function executeStopPlan(deps: TradingDeps, position: ExchangePosition, closingSide: Side, leverage: number, plan: StopPlan): Promise<StopExecution> {
  const symbol = position.symbol;
  let placedClientOid: string | undefined;
  if (plan.place !== undefined) {
    const spec = { symbol, side: closingSide, type: 'market' as const, sizeLots: plan.place.sizeLots, leverage, reduceOnly: true, purpose: 'stop' as const, stopPrice: plan.place.stopPrice };
    try {
      assertReduceOnlyAllowed(deps, position, spec);
    } catch (error) {
      deps.journal.append('risk-decision', { verdict: 'deny', purpose: 'stop', error: String(error) }, { symbol });
      return { placed: false, failedReason: error instanceof Error ? error.message : String(error), cancelled: 0, overlapMs: 0 };
    }
    const order = await deps.tracker.submit(spec);
    deps.journal.append('stop', { action: 'place', stopPrice: plan.place.stopPrice, sizeLots: plan.place.sizeLots, status: order.status, reason: order.reason ?? null }, { symbol, clientOid: order.clientOid });
    if (order.status === 'REJECTED' || terminalOrderStatuses.has(order.status)) {
      return { placed: false, failedReason: order.reason ?? order.status, cancelled: 0, overlapMs: 0 };
    }
    if (order.status !== 'ACKED') {
      // UNKNOWN/RECONCILING: keep the old stops until the next pass sees the new one at the exchange.
      return { placedClientOid: order.clientOid, placed: false, failedReason: `stop outcome ${order.status}`, cancelled: 0, overlapMs: 0 };
    }
    placedClientOid = order.clientOid;
  }
  const ackedAt = performance.now();
  const cancelled = await cancelStops(deps, symbol, plan.cancel);
  const overlapMs = plan.place === undefined ? 0 : performance.now() - ackedAt;
  return { ...(placedClientOid === undefined ? {} : { placedClientOid }), placed: plan.place !== undefined, cancelled, overlapMs };
}

/** Cancels stops by exchange id; a stop that is already gone counts as cancelled. */
export async function cancelStops(deps: TradingDeps, symbol: string, stops: readonly LiveStop[]): Promise<number> {
  let cancelled = 0;
  for (const stop of stops) {
    const ours = deps.journal.getOrder(stop.clientOid);
    try {
      const answer = await deps.rest.cancelOrder(stop.exchangeOrderId);
      cancelled += 1;
      // The answer names the cancelled id (§3.3): an untriggered stop, definitively gone, nothing filled.
      if (ours !== undefined && answer.cancelledOrderIds.includes(stop.exchangeOrderId)) deps.tracker.markCancelled(stop.clientOid, 'replaced or no longer needed');
    } catch (error) {
      deps.logger.info('stop-cancel-answer', { symbol, orderId: stop.exchangeOrderId, error: String(error) });
      if (ours !== undefined) await deps.tracker.refresh(stop.clientOid).catch(() => ours);
    }
    deps.journal.append('stop', { action: 'cancel', orderId: stop.exchangeOrderId, stopPrice: stop.stopPrice, sizeLots: stop.sizeLots }, { symbol, clientOid: stop.clientOid });
  }
  return cancelled;
}
