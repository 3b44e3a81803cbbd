/**
 * Start-up reconciliation (ADR 0302, 0335; nautilus mass reconciliation): before any entry is
 * accepted, journaled orders are resolved against the exchange by clientOid (each within a time
 * limit) and foreign orders are reported. Protection does not wait for it: the engine's passes
 * guard the positions from the first second.
 */
import { prepareContract } from '../risk/prepared.ts';
import { contractFromWire } from '../wire-map.ts';
import { isOurClientOid } from '../orders/client-oid.ts';
import type { TradingRuntime } from '../runtime.ts';
import { settleInterruptedAmends } from '../amend/amend-interrupted.ts';

/** What start-up reconciliation found. */
export interface ReconciliationReport {
  readonly contracts: number;
  readonly journalOpenOrders: number;
  readonly neverSent: number;
  readonly resolved: Readonly<Record<string, number>>;
  readonly foreignOpenOrders: number;
  /** Amends the app had stopped in the middle of, settled from what the exchange says (ADR 0343). */
  readonly interruptedAmends: number;
  readonly positions: readonly string[];
  readonly trailingResumed: number;
  readonly durationMs: number;
}

/** Loads the contracts the engine trades (linear, USDT/USDC-settled). */
export async function loadContracts(rt: TradingRuntime): Promise<number> {
  const wire = await rt.deps.rest.listActiveContracts();
  for (const item of wire) {
    if (item.isInverse === true) continue;
    const previous = rt.deps.contracts.get(item.symbol);
    // Tiers already read stay with the contract (ADR 0310); a new contract gets them on first use.
    const contract = { ...contractFromWire(item), riskLimitTiers: previous?.contract.riskLimitTiers ?? [] };
    const tiersAt = previous?.tiersAt;
    rt.deps.contracts.set(contract.symbol, {
      contract,
      prepared: prepareContract(contract),
      ...(tiersAt === undefined ? {} : { tiersAt }),
    });
  }
  return rt.deps.contracts.size;
}

const doubtful = new Set(['SUBMITTED', 'UNKNOWN', 'RECONCILING']);

/**
 * Resolves every journaled open order, all at once and each within `reconcileGiveUpMs`: one order
 * the exchange cannot tell us about (404, errors) ends UNKNOWN with an alert instead of holding
 * reconciliation — and with it new entries — for ever.
 */
async function resolveJournalOrders(
  rt: TradingRuntime,
): Promise<{ open: number; neverSent: number; resolved: Record<string, number> }> {
  const { deps } = rt;
  const open = deps.journal.openOrders();
  let neverSent = 0;
  const resolved: Record<string, number> = {};
  const outcomes = await Promise.allSettled(
    open.map(async (order) => {
      if (order.status === 'NEW') {
        // Journaled but the app stopped before marking it SUBMITTED: it never left the process.
        neverSent += 1;
        return deps.tracker.markCancelled(order.clientOid, 'never sent: the app stopped before sending');
      }
      if (doubtful.has(order.status)) return deps.tracker.reconcile(order.clientOid, { resubmit: false });
      return deps.tracker.refresh(order.clientOid);
    }),
  );
  for (const outcome of outcomes) {
    const status = outcome.status === 'fulfilled' ? outcome.value.status : 'unreadable';
    resolved[status] = (resolved[status] ?? 0) + 1;
  }
  return { open: open.length, neverSent, resolved };
}

async function countForeignOrders(rt: TradingRuntime): Promise<number> {
  const open = await rt.deps.rest.listOpenOrders({ pageSize: 200 }, { lane: 'protective' });
  return open.items.filter(
    (item) => !isOurClientOid(item.clientOid) && rt.deps.journal.getOrder(item.clientOid ?? '') === undefined,
  ).length;
}

/** Runs the reconciliation; throws when the exchange cannot be read (the caller retries). */
export async function reconcileAtStart(rt: TradingRuntime): Promise<ReconciliationReport> {
  const started = rt.deps.now();
  const contracts = await loadContracts(rt);
  const orders = await resolveJournalOrders(rt);
  const foreignOpenOrders = await countForeignOrders(rt);
  // Every journaled order is now what the exchange says it is: an amend cut short can be settled.
  const interruptedAmends = settleInterruptedAmends(rt);
  const trailingResumed = rt.trailing.list().length;
  const report: ReconciliationReport = {
    contracts,
    journalOpenOrders: orders.open,
    neverSent: orders.neverSent,
    resolved: orders.resolved,
    foreignOpenOrders,
    interruptedAmends,
    positions: [...rt.positions.keys()],
    trailingResumed,
    durationMs: rt.deps.now() - started,
  };
  rt.deps.journal.append('reconciliation', { ...report });
  rt.deps.logger.info('trading-reconciled', { ...report });
  return report;
}
