/**
 * Resolving one ambiguous order (ADR 0330): ask the exchange by clientOid until it answers, within
 * `reconcileGiveUpMs` whatever the failure; an order never acknowledged that stays absent for
 * `absentConfirmSpanMs` (and `absentConfirmations` answers) is proven absent, and is resent only if
 * it is young enough and the engine still allows it (trading state, risk). Past the time limit the
 * order is left UNKNOWN, named in an alert, and the caller moves on.
 */
import type { KucoinOrder } from '../../exchange/kucoin/schemas/orders.ts';
import type { JournalOrder } from '../../store/order-rows.ts';
import { isOrderAbsent } from '../wire-map.ts';
import type { OrderTrackerOptions } from './order-tracker-options.ts';
import type { BuiltRequest } from './order-request.ts';
import type { OrderCause } from './order-status.ts';

/** What the loop needs from the tracker. */
export interface ReconcileHost {
  readonly options: OrderTrackerOptions;
  readonly stopped: boolean;
  current(clientOid: string): JournalOrder;
  transition(order: JournalOrder, cause: OrderCause, changes?: Partial<JournalOrder>): JournalOrder;
  adoptWire(order: JournalOrder, wire: KucoinOrder): Promise<JournalOrder>;
  send(order: JournalOrder, built: BuiltRequest): Promise<JournalOrder>;
}

interface Absence {
  count: number;
  since: number | undefined;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves `clientOid`; returns the order as journaled afterwards (UNKNOWN when it gave up). */
export async function reconcileLoop(
  host: ReconcileHost,
  clientOid: string,
  resubmit: boolean,
): Promise<JournalOrder> {
  const { config, now } = host.options;
  let order = host.current(clientOid);
  if (order.status !== 'RECONCILING') order = host.transition(order, 'reconciling');
  const deadline = now() + config.reconcileGiveUpMs;
  const absence: Absence = { count: 0, since: undefined };
  let lastError = 'no answer yet';
  while (!host.stopped) {
    try {
      const wire = await host.options.rest.getOrderByClientOid(clientOid, { lane: 'protective' });
      return await host.adoptWire(host.current(clientOid), wire);
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
      if (isOrderAbsent(error)) {
        absence.count += 1;
        absence.since ??= now();
        if (provenAbsent(host, absence)) {
          const after = await afterProvenAbsent(host, host.current(clientOid), resubmit);
          // A resend whose answer was ambiguous again is resolved again (the age limit bounds resends).
          if (after.resent && after.order.status === 'UNKNOWN')
            return reconcileLoop(host, clientOid, resubmit);
          return after.order;
        }
      } else {
        host.options.logger.warn('order-reconcile-retry', { clientOid, error: lastError });
      }
    }
    if (now() >= deadline) return giveUp(host, clientOid, lastError);
    await sleep(config.pollIntervalMs);
  }
  return host.current(clientOid);
}

function provenAbsent(host: ReconcileHost, absence: Absence): boolean {
  const { config, now } = host.options;
  return (
    absence.count >= config.absentConfirmations &&
    absence.since !== undefined &&
    now() - absence.since >= config.absentConfirmSpanMs
  );
}

function giveUp(host: ReconcileHost, clientOid: string, lastError: string): JournalOrder {
  const reason = `could not be resolved at the exchange within ${Math.round(host.options.config.reconcileGiveUpMs / 1000)} s (last answer: ${lastError}); it may or may not exist`;
  const order = host.transition(host.current(clientOid), 'gave-up', { reason });
  host.options.onGaveUp(order, reason);
  return order;
}

/**
 * Proven absent. An order the exchange once acknowledged is not "absent" — it vanished (e.g. aged
 * out of the exchange's history): it is never resent and stays UNKNOWN until it is found. An order
 * never acknowledged is resent only when young enough and allowed; otherwise it is recorded as
 * never placed (REJECTED with the reason), which is now a fact, not a guess.
 */
async function afterProvenAbsent(
  host: ReconcileHost,
  order: JournalOrder,
  resubmit: boolean,
): Promise<{ order: JournalOrder; resent: boolean }> {
  const settled = (next: JournalOrder) => ({ order: next, resent: false });
  if (order.exchangeOrderId !== undefined)
    return settled(giveUp(host, order.clientOid, 'the exchange no longer knows this acknowledged order'));
  if (!resubmit)
    return settled(
      host.transition(order, 'refused', {
        reason: 'proven absent at the exchange after a restart; not replayed',
      }),
    );
  const age = host.options.now() - order.createdAt;
  if (age > host.options.config.maxResendAgeMs) {
    return settled(
      host.transition(order, 'refused', {
        reason: `proven absent at the exchange; not resent because it is ${Math.round(age / 1000)} s old`,
      }),
    );
  }
  try {
    await host.options.mayResend(order);
  } catch (error) {
    return settled(
      host.transition(host.current(order.clientOid), 'refused', {
        reason: `proven absent at the exchange; not resent: ${error instanceof Error ? error.message : String(error)}`,
      }),
    );
  }
  host.options.logger.info('order-resubmit', { clientOid: order.clientOid });
  const resent = host.transition(host.current(order.clientOid), 'sent');
  return { order: await host.send(resent, JSON.parse(order.requestJson) as BuiltRequest), resent: true };
}
