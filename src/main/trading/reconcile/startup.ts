/**
 * Start-up reconciliation (ADR 0302, nautilus mass reconciliation; field lesson 13): before any
 * entry is accepted, journaled orders are resolved against the exchange by clientOid, foreign
 * orders are reported, trailing state is resumed, and one full protection pass runs.
 */
import { prepareContract } from '../risk/prepared.ts';
import { contractFromWire } from '../wire-map.ts';
import { isOurClientOid } from '../orders/client-oid.ts';
import { runTick } from '../tick.ts';
import type { TradingRuntime } from '../runtime.ts';

/** What start-up reconciliation found. */
export interface ReconciliationReport {
  readonly contracts: number;
  readonly journalOpenOrders: number;
  readonly neverSent: number;
  readonly resolved: Readonly<Record<string, number>>;
  readonly foreignOpenOrders: number;
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
    rt.deps.contracts.set(contract.symbol, { contract, prepared: prepareContract(contract), ...(tiersAt === undefined ? {} : { tiersAt }) });
  }
  return rt.deps.contracts.size;
}

async function resolveJournalOrders(rt: TradingRuntime): Promise<{ open: number; neverSent: number; resolved: Record<string, number> }> {
  const { deps } = rt;
  const open = deps.journal.openOrders();
  let neverSent = 0;
  const resolved: Record<string, number> = {};
  for (const order of open) {
    if (order.status === 'NEW') {
      // Journaled but the app stopped before marking it SUBMITTED: it never left the process.
      deps.journal.updateOrder({ ...order, status: 'CANCELLED', reason: 'never sent: the app stopped before sending', updatedAt: deps.now() });
      neverSent += 1;
      continue;
    }
    const after = await deps.tracker.refresh(order.clientOid, { resubmit: false });
    resolved[after.status] = (resolved[after.status] ?? 0) + 1;
  }
  return { open: open.length, neverSent, resolved };
}

async function countForeignOrders(rt: TradingRuntime): Promise<number> {
  const open = await rt.deps.rest.listOpenOrders({ pageSize: 200 });
  return open.items.filter((item) => !isOurClientOid(item.clientOid) && rt.deps.journal.getOrder(item.clientOid ?? '') === undefined).length;
}

/** Runs the reconciliation; throws when the exchange cannot be read (the caller retries). */
export async function reconcileAtStart(rt: TradingRuntime): Promise<ReconciliationReport> {
  const started = rt.deps.now();
  const contracts = await loadContracts(rt);
  const orders = await resolveJournalOrders(rt);
  const foreignOpenOrders = await countForeignOrders(rt);
  const trailingResumed = rt.trailing.load();
  await runTick(rt);
  const report: ReconciliationReport = {
    contracts,
    journalOpenOrders: orders.open,
    neverSent: orders.neverSent,
    resolved: orders.resolved,
    foreignOpenOrders,
    positions: [...rt.positions.keys()],
    trailingResumed,
    durationMs: rt.deps.now() - started,
  };
  rt.deps.journal.append('reconciliation', { ...report });
  rt.deps.logger.info('trading-reconciled', { ...report });
  return report;
}
