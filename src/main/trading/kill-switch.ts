/**
 * The kill switch (ADR 0337): HALTED at once; entries still queued in the client dropped before they
 * leave; every non-protective open order cancelled (kill-switch-entries.ts: a refused cancel-all falls
 * back to order by order, a failed listing is retried, then owed); with "flatten" every position
 * closed and its stops — take-profits included, with their setting (ADR 0342) — cancelled once flat.
 * No failure stops
 * the rest, and the report says what actually happened at the exchange — closes *filled*, not sent.
 * Without "flatten" the protective stops stay on the open positions. Its reads take the protective
 * lane, so they jump the queue.
 */
import type { KillSwitchReport } from '../../shared/ipc/channels/trading.ts';
import { closePosition } from './actions.ts';
import { noteCancelled } from './note-cancelled.ts';
import { raiseAlert } from './deps.ts';
import { cancelEntriesOnKill, isProtective } from './kill-switch-entries.ts';
import { why } from './kill-switch-listing.ts';
import type { TradingRuntime } from './runtime.ts';
import { fetchPositions } from './tick.ts';
import { fetchStopOrders } from './protection/live-stops.ts';
import { forgetTakeProfitWhenFlat } from './take-profit/take-profit-setting.ts';

type Failure = KillSwitchReport['cancelFailures'][number];
type Close = KillSwitchReport['closes'][number];

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

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
  return (await fetchStopOrders(rt.deps.rest, { lane: 'protective' }).catch(() => [])).filter(isProtective)
    .length;
}

/** Presses the kill switch. Every step runs whatever the previous one did. */
export async function killSwitch(
  rt: TradingRuntime,
  flatten: boolean,
  reason: string,
): Promise<Omit<KillSwitchReport, 'state'>> {
  // Before the trigger: from the moment it is engaged, entries are this pass's to cancel.
  rt.killSwitchEntries = 'cancelling';
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
  const cancelledOrders = await cancelEntriesOnKill(rt, cancelFailures);
  const closes = flatten ? await flattenAll(rt, reason) : [];
  const flat = closes.filter((close) => close.outcome === 'filled').map((close) => close.symbol);
  const protectiveStopsCancelled = await cancelFlatStops(rt, flat, cancelFailures);
  for (const symbol of flat) forgetTakeProfitWhenFlat(rt.deps, symbol);
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
