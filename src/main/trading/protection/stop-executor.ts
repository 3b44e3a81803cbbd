/**
 * Executes a stop plan: the new stop first, then the old ones of ours are cancelled, so there is no
 * unprotected gap (ADR 0303). The hand-off is measured, not assumed: the time from the new stop's
 * acknowledgement to each cancel request and answer (ADR 0334). If the new stop cannot be placed the
 * old ones simply stay. A take-profit is handed off the same way (ADR 0342), under its own purpose.
 */
import { terminalOrderStatuses } from '../../../shared/domain/order.ts';
import type { MarginMode } from '../../../shared/domain/position.ts';
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
  /**
   * ms from the new stop's acknowledgement to the last old stop's cancel answer: both were live at
   * least this long (0 when nothing was handed off).
   */
  readonly overlapMs: number;
  /**
   * ms by which a cancel was requested before the new stop was acknowledged (a possible gap in
   * cover); 0 whenever every cancel followed the acknowledgement, as the executor orders them.
   */
  readonly gapMs: number;
}

const nothing: StopExecution = { placed: false, cancelled: 0, overlapMs: 0, gapMs: 0 };

/** What is placed for which purpose: the loss-side stop, or the take-profit. */
export type StopPurpose = 'stop' | 'take-profit';

/** Places `plan.place` (if any), then cancels `plan.cancel` once the new stop is live. */
export async function executeStopPlan(
  deps: TradingDeps,
  position: ExchangePosition,
  closingSide: Side,
  plan: Pick<StopPlan, 'place' | 'cancel'>,
  purpose: StopPurpose = 'stop',
): Promise<StopExecution> {
  const symbol = position.symbol;
  let placedClientOid: string | undefined;
  let ackedAt = performance.now();
  if (plan.place !== undefined) {
    const placed = await placeStop(deps, position, closingSide, plan.place, purpose);
    if (placed.clientOid === undefined || placed.failedReason !== undefined) {
      return {
        ...nothing,
        ...(placed.clientOid === undefined ? {} : { placedClientOid: placed.clientOid }),
        ...(placed.failedReason === undefined ? {} : { failedReason: placed.failedReason }),
      };
    }
    placedClientOid = placed.clientOid;
    ackedAt = placed.ackedAt;
  }
  const handOff = await cancelStops(deps, symbol, plan.cancel);
  const measured = plan.place === undefined || handOff.cancelled === 0;
  return {
    ...(placedClientOid === undefined ? {} : { placedClientOid }),
    placed: plan.place !== undefined,
    cancelled: handOff.cancelled,
    overlapMs: measured ? 0 : round3(handOff.lastAnswerAt - ackedAt),
    gapMs: measured ? 0 : round3(Math.max(0, ackedAt - handOff.firstRequestAt)),
  };
}

const round3 = (ms: number): number => Math.round(ms * 1000) / 1000;

async function placeStop(
  deps: TradingDeps,
  position: ExchangePosition,
  closingSide: Side,
  place: NonNullable<StopPlan['place']>,
  purpose: StopPurpose,
): Promise<{ clientOid?: string; failedReason?: string; ackedAt: number }> {
  const symbol = position.symbol;
  const marginMode: MarginMode = position.marginMode;
  const spec = {
    symbol,
    side: closingSide,
    type: 'market' as const,
    sizeLots: place.sizeLots,
    leverage: leverageOf(position),
    marginMode,
    reduceOnly: true,
    purpose,
    stopPrice: place.stopPrice,
  };
  try {
    assertReduceOnlyAllowed(deps, position, spec);
  } catch (error) {
    deps.journal.append('risk-decision', { verdict: 'deny', purpose, error: String(error) }, { symbol });
    return { failedReason: error instanceof Error ? error.message : String(error), ackedAt: 0 };
  }
  const order = await deps.tracker.submit(spec);
  const ackedAt = performance.now();
  deps.journal.append(
    'stop',
    {
      action: purpose === 'stop' ? 'place' : 'take-profit-place',
      stopPrice: place.stopPrice,
      sizeLots: place.sizeLots,
      status: order.status,
      reason: order.reason ?? null,
    },
    { symbol, clientOid: order.clientOid },
  );
  if (terminalOrderStatuses.has(order.status)) return { failedReason: order.reason ?? order.status, ackedAt };
  // UNKNOWN/RECONCILING: keep the old stops until a later pass sees the new one at the exchange.
  if (order.status !== 'ACKED')
    return { clientOid: order.clientOid, failedReason: `stop outcome ${order.status}`, ackedAt };
  return { clientOid: order.clientOid, ackedAt };
}

/** The leverage a reduce-only order carries: the position's, else 1 (it does not change margin). */
export function leverageOf(position: ExchangePosition): number {
  return position.leverage === undefined ? 1 : Math.max(1, Math.round(position.leverage));
}

/**
 * Cancels stops of ours by exchange id; a stop that is already gone counts as cancelled. Returns
 * how many and when the first cancel was requested and the last one answered (performance.now()).
 */
export async function cancelStops(
  deps: TradingDeps,
  symbol: string,
  stops: readonly LiveStop[],
): Promise<{ cancelled: number; firstRequestAt: number; lastAnswerAt: number }> {
  let cancelled = 0;
  let firstRequestAt = Number.POSITIVE_INFINITY;
  let lastAnswerAt = 0;
  for (const stop of stops) {
    const ours = deps.journal.getOrder(stop.clientOid);
    firstRequestAt = Math.min(firstRequestAt, performance.now());
    try {
      const answer = await deps.rest.cancelOrder(stop.exchangeOrderId);
      cancelled += 1;
      // The answer names the cancelled id: an untriggered stop, definitively gone, nothing filled.
      if (ours !== undefined && answer.cancelledOrderIds.includes(stop.exchangeOrderId))
        deps.tracker.markCancelled(stop.clientOid, 'replaced or no longer needed');
    } catch (error) {
      deps.logger.info('stop-cancel-answer', { symbol, orderId: stop.exchangeOrderId, error: String(error) });
      if (ours !== undefined) await deps.tracker.refresh(stop.clientOid).catch(() => ours);
    }
    lastAnswerAt = performance.now();
    deps.journal.append(
      'stop',
      { action: 'cancel', orderId: stop.exchangeOrderId, stopPrice: stop.stopPrice, sizeLots: stop.sizeLots },
      { symbol, clientOid: stop.clientOid },
    );
  }
  return { cancelled, firstRequestAt, lastAnswerAt };
}
