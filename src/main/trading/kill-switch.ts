/**
 * The kill switch (ADR 0337): HALTED at once; entries still queued in the client dropped before they
 * leave; every non-protective open order cancelled (a refused cancel-all falls back to order by
 * order); with "flatten" every position closed and its stops cancelled once flat. No failure stops
 * the rest, and the report says what actually happened at the exchange — closes *filled*, not sent.
 * Without "flatten" the protective stops stay on the open positions. Its reads take the protective
 * lane, so they jump the queue.
 */
import type { KillSwitchReport } from '../../shared/ipc/channels/trading.ts';
import type { KucoinOrder } from '../exchange/kucoin/schemas/orders.ts';
import { closePosition, noteCancelled } from './actions.ts';
import { raiseAlert } from './deps.ts';
import type { TradingRuntime } from './runtime.ts';
import { fetchPositions } from './tick.ts';
import { fetchStopOrders } from './protection/live-stops.ts';

type Failure = KillSwitchReport['cancelFailures'][number];
type Close = KillSwitchReport['closes'][number];

const protective = (order: KucoinOrder): boolean => order.reduceOnly === true || order.closeOrder === true;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const why = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Cancels one symbol's non-protective regular orders: cancel-all, or one by one if it is refused or the symbol has protective ones. */
async function cancelRegular(
  rt: TradingRuntime,
  symbol: string,
  orders: readonly KucoinOrder[],
  failures: Failure[],
): Promise<number> {
  const entries = orders.filter((order) => !protective(order));
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

/** Every non-protective open order, regular and stop (a stop entry would open exposure when it triggers). */
async function cancelEntries(rt: TradingRuntime, failures: Failure[]): Promise<number> {
  const [open, stops] = await Promise.all([
    rt.deps.rest.listOpenOrders({ pageSize: 1000 }, { lane: 'protective' }).then((page) => page.items),
    fetchStopOrders(rt.deps.rest, { lane: 'protective' }),
  ]);
  const bySymbol = new Map<string, KucoinOrder[]>();
  for (const order of open) bySymbol.set(order.symbol, [...(bySymbol.get(order.symbol) ?? []), order]);
  const counts = await Promise.all(
    [...bySymbol].map(([symbol, orders]) => cancelRegular(rt, symbol, orders, failures)),
  );
  const stopEntries = stops.filter((order) => !protective(order));
  return (
    counts.reduce((sum, n) => sum + n, 0) +
    (stopEntries.length === 0 ? 0 : await cancelEach(rt, stopEntries, failures))
  );
}

/** Closes every position and waits (up to `killSwitchCloseWaitMs`) for each to be flat at the exchange. */
async function flattenAll(rt: TradingRuntime, reason: string): Promise<Close[]> {
  const positions = await fetchPositions(rt.deps).catch(() => rt.positions);
  rt.positions = new Map([...rt.positions, ...positions]);
  const sent = await Promise.allSettled(
    [...positions.values()].map((p) => closePosition(rt, p.symbol, `kill switch: ${reason}`)),
  );
  const sendErrors = new Map<string, string>();
  [...positions.values()].forEach((p, i) => {
    const result = sent[i];
    if (result?.status === 'rejected') sendErrors.set(p.symbol, why(result.reason));
  });
  const deadline = rt.deps.now() + rt.deps.config.protection.killSwitchCloseWaitMs;
  let open = new Map(positions);
  while (open.size > 0 && rt.deps.now() < deadline) {
    await sleep(rt.deps.config.orders.pollIntervalMs);
    const now = await fetchPositions(rt.deps).catch(() => undefined);
    if (now !== undefined) open = new Map([...open].filter(([symbol]) => now.has(symbol)));
  }
  return [...positions.values()].map((p) => {
    if (!open.has(p.symbol)) return { symbol: p.symbol, outcome: 'filled', sizeLots: p.sizeLots } as const;
    return {
      symbol: p.symbol,
      outcome: 'failed',
      sizeLots: p.sizeLots,
      reason:
        sendErrors.get(p.symbol) ??
        `still open after ${Math.round(rt.deps.config.protection.killSwitchCloseWaitMs / 1000)} s`,
    } as const;
  });
}

/** Cancels the stop orders left on symbols that are now flat. */
async function cancelFlatStops(
  rt: TradingRuntime,
  symbols: readonly string[],
  failures: Failure[],
): Promise<number> {
  const results = await Promise.allSettled(symbols.map((symbol) => rt.deps.rest.cancelAllStopOrders(symbol)));
  let cancelled = 0;
  results.forEach((result, index) => {
    if (result.status === 'fulfilled') {
      cancelled += result.value.cancelledOrderIds.length;
      noteCancelled(rt, result.value.cancelledOrderIds, 'position flat after the kill switch');
    } else failures.push({ symbol: symbols[index] ?? '', orderId: '*stops*', reason: why(result.reason) });
  });
  return cancelled;
}

async function protectiveCount(rt: TradingRuntime): Promise<number> {
  return (await fetchStopOrders(rt.deps.rest, { lane: 'protective' }).catch(() => [])).filter(protective)
    .length;
}

/** Presses the kill switch. Every step runs whatever the previous one did. */
export async function killSwitch(
  rt: TradingRuntime,
  flatten: boolean,
  reason: string,
): Promise<Omit<KillSwitchReport, 'state'>> {
  rt.machine.setTrigger('kill-switch', true, `kill switch: ${reason}`, { flatten });
  rt.deps.settings.set('kill-switch', { active: true, reason });
  const droppedQueuedEntries = rt.client.dropQueuedEntries?.(`kill switch: ${reason}`) ?? 0;
  raiseAlert(
    rt.deps,
    'critical',
    'kill-switch',
    `kill switch pressed (${reason})${flatten ? '; flattening all positions' : '; protective stops stay on open positions'}`,
    undefined,
    { flatten },
  );
  const cancelFailures: Failure[] = [];
  const cancelledOrders = await cancelEntries(rt, cancelFailures).catch((error: unknown) => {
    cancelFailures.push({
      symbol: '*',
      orderId: '*',
      reason: `open orders could not be listed: ${why(error)}`,
    });
    return 0;
  });
  const closes = flatten ? await flattenAll(rt, reason) : [];
  const flat = closes.filter((close) => close.outcome === 'filled').map((close) => close.symbol);
  const protectiveStopsCancelled = await cancelFlatStops(rt, flat, cancelFailures);
  for (const close of closes)
    if (close.outcome === 'failed')
      rt.closer.request(close.symbol, `kill switch close did not fill (${close.reason ?? 'unknown'})`);
  const report = {
    flatten,
    droppedQueuedEntries,
    cancelledOrders,
    cancelFailures,
    closes,
    closedPositions: flat,
    protectiveStopsKept: await protectiveCount(rt),
    protectiveStopsCancelled,
  };
  rt.deps.journal.append('state-change', { event: 'kill-switch', reason, ...report });
  rt.requestTick();
  return report;
}
