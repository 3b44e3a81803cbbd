/**
 * The kill switch's cancelling of entries (ADR 0337): list every open order and stop order, and cancel
 * the non-protective ones (cancel-all per symbol, one by one where cancel-all is refused or the symbol
 * also has protective orders). A listing that fails or does not answer is tried again with a short
 * back-off for up to `killSwitchListWaitMs`; one that never succeeds does not end the work: the entries
 * the journal holds as working are cancelled one by one, the report and a critical alert say that
 * others may still rest, and an engine pass tries the listing again every `killSwitchListWaitMs` until
 * it succeeds. While a pass
 * runs, the engine pass leaves entries to it, so the two never race for the same orders and the report
 * counts what was cancelled.
 */
import type { KillSwitchReport } from '../../shared/ipc/channels/trading.ts';
import type { KucoinOrder } from '../exchange/kucoin/schemas/orders.ts';
import { noteCancelled } from './note-cancelled.ts';
import { raiseAlert } from './deps.ts';
import { listWithin, why } from './kill-switch-listing.ts';
import { fetchStopOrders } from './protection/live-stops.ts';
import { inBackground, type TradingRuntime } from './runtime.ts';

type Failure = KillSwitchReport['cancelFailures'][number];

/** What one pass did: orders cancelled, and whether every open order and stop order could be listed. */
interface EntriesPass {
  readonly cancelled: number;
  readonly listed: boolean;
}

/** A reduce-only or close order: it can only shrink a position. */
export const isProtective = (order: KucoinOrder): boolean =>
  order.reduceOnly === true || order.closeOrder === true;

/** Cancels one symbol's non-protective regular orders: cancel-all, or one by one if it is refused or the symbol has protective ones. */
async function cancelRegular(
  rt: TradingRuntime,
  symbol: string,
  orders: readonly KucoinOrder[],
  failures: Failure[],
): Promise<number> {
  const entries = orders.filter((order) => !isProtective(order));
  if (entries.length === 0) return 0;
  if (entries.length === orders.length) {
    try {
      const answer = await rt.deps.rest.cancelAllOrders(symbol);
      noteCancelled(rt, answer.cancelledOrderIds, 'cancelled by the kill switch');
      return answer.cancelledOrderIds.length;
    } catch (error) {
      rt.deps.logger.warn('kill-switch-cancel-all-refused', { symbol, error: why(error) });
    }
  }
  return cancelEach(rt, entries, failures);
}

async function cancelEach(
  rt: TradingRuntime,
  orders: readonly KucoinOrder[],
  failures: Failure[],
): Promise<number> {
  const results = await Promise.allSettled(orders.map((order) => rt.deps.rest.cancelOrder(order.id)));
  let cancelled = 0;
  results.forEach((result, index) => {
    const order = orders[index];
    if (order === undefined) return;
    if (result.status === 'fulfilled') {
      cancelled += 1;
      noteCancelled(rt, result.value.cancelledOrderIds, 'cancelled by the kill switch');
    } else failures.push({ symbol: order.symbol, orderId: order.id, reason: why(result.reason) });
  });
  return cancelled;
}

async function cancelListedRegular(
  rt: TradingRuntime,
  open: readonly KucoinOrder[],
  failures: Failure[],
): Promise<number> {
  const bySymbol = new Map<string, KucoinOrder[]>();
  for (const order of open) bySymbol.set(order.symbol, [...(bySymbol.get(order.symbol) ?? []), order]);
  const counts = await Promise.all(
    [...bySymbol].map(([symbol, orders]) => cancelRegular(rt, symbol, orders, failures)),
  );
  return counts.reduce((sum, n) => sum + n, 0);
}

/** Open orders could not be listed: the entries the journal holds as working, cancelled one by one. */
async function cancelJournaledEntries(rt: TradingRuntime, failures: Failure[]): Promise<number> {
  const working = rt.deps.journal
    .openOrders()
    .filter((o) => o.purpose === 'entry' && (o.status === 'ACKED' || o.status === 'PARTIALLY_FILLED'));
  const after = await Promise.all(
    working.map((order) => rt.deps.tracker.cancel(order.clientOid).catch(() => order)),
  );
  let cancelled = 0;
  for (const order of after) {
    if (order.status === 'CANCELLED') cancelled += 1;
    else
      failures.push({
        symbol: order.symbol,
        orderId: order.exchangeOrderId ?? order.clientOid,
        reason: `not cancelled (${order.status} after its cancel)`,
      });
  }
  return cancelled;
}

/** The listing, or undefined after a failure that says it could not be made (the pass is then owed). */
async function listOrOwe(
  rt: TradingRuntime,
  what: 'open orders' | 'stop orders',
  failures: Failure[],
  deadline: number,
  list: () => Promise<KucoinOrder[]>,
): Promise<KucoinOrder[] | undefined> {
  try {
    return await listWithin(rt, list, deadline);
  } catch (error) {
    failures.push({
      symbol: '*',
      orderId: what === 'stop orders' ? '*stops*' : '*',
      reason: `${what} could not be listed (${why(error)}); entries Bulwark did not place may still rest at the exchange, and it keeps trying`,
    });
    return undefined;
  }
}

/** One pass over every open order and stop order, each listing tried until `deadline`. */
async function cancelEntries(
  rt: TradingRuntime,
  failures: Failure[],
  deadline: number,
): Promise<EntriesPass> {
  const protectiveLane = { lane: 'protective' } as const;
  const [open, stops] = await Promise.all([
    listOrOwe(rt, 'open orders', failures, deadline, async () => {
      return (await rt.deps.rest.listOpenOrders({ pageSize: 1000 }, protectiveLane)).items;
    }),
    listOrOwe(rt, 'stop orders', failures, deadline, () => fetchStopOrders(rt.deps.rest, protectiveLane)),
  ]);
  const stopEntries = (stops ?? []).filter((order) => !isProtective(order));
  const [stopCount, listedCount] = await Promise.all([
    stopEntries.length === 0 ? 0 : cancelEach(rt, stopEntries, failures),
    open === undefined ? 0 : cancelListedRegular(rt, open, failures),
  ]);
  // After the stop entries: one of ours cancelled there is no longer working, so it is not counted twice.
  const journaledCount = open === undefined ? await cancelJournaledEntries(rt, failures) : 0;
  return {
    cancelled: stopCount + listedCount + journaledCount,
    listed: open !== undefined && stops !== undefined,
  };
}

/** Ends a pass: done, or owed and tried again after `killSwitchListWaitMs`. */
function settle(rt: TradingRuntime, done: boolean): void {
  rt.killSwitchEntries = done ? 'idle' : 'owed';
  if (!done) rt.killSwitchRetryAt = rt.deps.now() + rt.deps.config.protection.killSwitchListWaitMs;
}

/** The kill switch's pass: returns how many entries it cancelled; a listing it could not make is owed. */
export async function cancelEntriesOnKill(rt: TradingRuntime, failures: Failure[]): Promise<number> {
  rt.killSwitchEntries = 'cancelling';
  const deadline = rt.deps.now() + rt.deps.config.protection.killSwitchListWaitMs;
  const pass = await cancelEntries(rt, failures, deadline).catch((error: unknown): EntriesPass => {
    failures.push({ symbol: '*', orderId: '*', reason: `entries could not be cancelled: ${why(error)}` });
    return { cancelled: 0, listed: false };
  });
  settle(rt, pass.listed);
  if (!pass.listed)
    raiseAlert(
      rt.deps,
      'critical',
      'kill-switch-entries',
      `kill switch: the open orders could not be listed; ${pass.cancelled} entries Bulwark placed were cancelled, entries it did not place may still rest at the exchange — it keeps trying`,
      undefined,
      { cancelled: pass.cancelled },
    );
  return pass.cancelled;
}

/** The owed pass, tried again from an engine pass; tells the trader once every entry could be listed. */
async function retryOwedPass(rt: TradingRuntime): Promise<void> {
  rt.killSwitchEntries = 'cancelling';
  const failures: Failure[] = [];
  const deadline = rt.deps.now() + rt.deps.config.protection.killSwitchListWaitMs / 4;
  const pass = await cancelEntries(rt, failures, deadline).catch((): EntriesPass => ({
    cancelled: 0,
    listed: false,
  }));
  const done = pass.listed && failures.length === 0;
  settle(rt, done);
  if (!done) {
    rt.deps.logger.warn('kill-switch-entries-still-owed', { failures: failures.map((f) => f.reason) });
    return;
  }
  raiseAlert(
    rt.deps,
    'info',
    'kill-switch-entries',
    `kill switch: the open orders could be listed again; ${pass.cancelled} more entries cancelled, none left`,
    undefined,
    { cancelled: pass.cancelled },
  );
}

/**
 * Called by every engine pass while the kill switch is engaged: an entry of ours working at the
 * exchange — on the wire when it was pressed and landed after its cancels, or a doubtful one resolved
 * since — is cancelled, and a pass the kill switch could not complete is tried again (at most once per
 * `killSwitchListWaitMs`). Nothing while the kill switch's own pass runs.
 */
export function cancelEntriesWhileKilled(rt: TradingRuntime): void {
  if (!rt.machine.isActive('kill-switch')) {
    if (rt.killSwitchEntries === 'owed') rt.killSwitchEntries = 'idle';
    return;
  }
  if (rt.killSwitchEntries === 'cancelling') return;
  if (rt.killSwitchEntries === 'owed' && rt.deps.now() >= rt.killSwitchRetryAt) {
    inBackground(rt, retryOwedPass(rt));
    return;
  }
  for (const order of rt.deps.journal.openOrders()) {
    if (order.purpose !== 'entry' || (order.status !== 'ACKED' && order.status !== 'PARTIALLY_FILLED'))
      continue;
    inBackground(rt, rt.deps.tracker.cancel(order.clientOid));
  }
}
