/**
 * The numbers one risk evaluation runs on (ADR 0300, 0338, 0339): the live mark price and its
 * age, the account, the symbol's margin mode and risk tiers, the position, and every entry still
 * pending at the exchange — counted as if it had filled, so five quick adds cannot pass limits that
 * one would not. Pending entries are read from the journal *before* positions are read, so an entry
 * that fills in between is counted twice (conservative), never zero times.
 */
import { abs, add, dec, mul, type Dec, ZERO } from '../../shared/domain/decimal.ts';
import { terminalOrderStatuses } from '../../shared/domain/order.ts';
import type { OrderTicket } from '../../shared/ipc/channels/trading.ts';
import { fetchPositions } from './tick.ts';
import { prepareRiskLimits } from './risk/prepared.ts';
import { ensureRiskTiers } from './risk/risk-tiers.ts';
import type { PendingEntries, RiskContext } from './risk/types.ts';
import type { TradingRuntime } from './runtime.ts';
import type { ExchangePosition } from './wire-map.ts';

const MINUTE_MS = 60_000;

/** How the context is built. */
export interface ContextOptions {
  /** Read positions from the exchange now (placing) rather than the last pass (previewing). */
  readonly fresh: boolean;
  /** An order not to count as pending (the one being re-evaluated for a resend). */
  readonly excludeClientOid?: string;
}

interface PendingView {
  readonly sameSymbol: PendingEntries;
  /** Value of every pending entry (USDT), at its limit price or, for market entries, its stop. */
  readonly exposureUsdt: Dec;
}

function pendingEntriesOf(rt: TradingRuntime, ticket: OrderTicket, exclude: string | undefined): PendingView {
  let exposure: Dec = ZERO;
  let lots = 0;
  let value: Dec = ZERO;
  for (const order of rt.deps.journal.openOrders()) {
    if (order.purpose !== 'entry' || order.clientOid === exclude || terminalOrderStatuses.has(order.status)) continue;
    const remaining = order.sizeLots - order.filledLots;
    const price = order.price ?? order.stopPrice;
    const multiplier = rt.deps.contracts.get(order.symbol)?.prepared.multiplier;
    if (remaining <= 0 || price === undefined) continue;
    if (multiplier !== undefined) exposure = add(exposure, mul(mul(dec(remaining), multiplier), dec(price)));
    if (order.symbol === ticket.symbol && order.side === ticket.side) {
      lots += remaining;
      value = add(value, mul(dec(remaining), dec(price)));
    }
  }
  return { sameSymbol: { lots, priceTimesLots: value }, exposureUsdt: exposure };
}

function positionsValue(rt: TradingRuntime, positions: ReadonlyMap<string, ExchangePosition>, filter: (p: ExchangePosition) => boolean): Dec {
  let total: Dec = ZERO;
  for (const position of positions.values()) {
    if (!filter(position)) continue;
    const multiplier = rt.deps.contracts.get(position.symbol)?.prepared.multiplier ?? ZERO;
    const price = position.markPrice ?? position.avgEntryPrice;
    if (price !== undefined) total = add(total, abs(mul(mul(dec(position.sizeLots), multiplier), dec(price))));
  }
  return total;
}

function crossMargin(positions: ReadonlyMap<string, ExchangePosition>, symbol: string): Dec {
  let total: Dec = ZERO;
  for (const p of positions.values()) if (p.marginMode === 'CROSS' && p.symbol !== symbol && p.marginUsdt !== undefined) total = add(total, dec(p.marginUsdt));
  return total;
}

/** Builds the risk context for a ticket from fresh exchange numbers. */
export async function riskContextFor(rt: TradingRuntime, ticket: OrderTicket, options: ContextOptions): Promise<RiskContext> {
  const { deps } = rt;
  const pending = pendingEntriesOf(rt, ticket, options.excludeClientOid);
  // The tiers decide the MMR and leverage cap of the resulting position (ADR 0310).
  const [mark, account, known, mode, positions] = await Promise.all([
    deps.rest.getMarkPrice(ticket.symbol), deps.rest.getAccountOverview('USDT'), ensureRiskTiers(deps, ticket.symbol), deps.rest.getMarginMode(ticket.symbol),
    options.fresh ? fetchPositions(deps) : Promise.resolve(rt.positions),
  ]);
  const now = deps.now();
  rt.orderTimes = rt.orderTimes.filter((at) => now - at < MINUTE_MS);
  const position = positions.get(ticket.symbol);
  const marginMode = position?.marginMode ?? mode.marginMode;
  const available = dec(account.availableBalance);
  return {
    order: { symbol: ticket.symbol, side: ticket.side, type: ticket.type, sizeLots: ticket.sizeLots, price: ticket.price, leverage: ticket.leverage, stopPrice: ticket.stopPrice, reduceOnly: false },
    contract: known?.prepared,
    markPrice: dec(mark.value),
    referencePriceAgeMs: Math.max(0, now - mark.timePoint),
    equityUsdt: dec(account.accountEquity),
    availableMarginUsdt: available,
    marginMode,
    cross: { totalMarginUsdt: add(available, crossMargin(positions, ticket.symbol)), otherPositionsValueUsdt: positionsValue(rt, positions, (p) => p.marginMode === 'CROSS' && p.symbol !== ticket.symbol) },
    position: position === undefined ? undefined : { side: position.side, sizeLots: position.sizeLots, avgEntryPrice: dec(position.avgEntryPrice ?? position.markPrice ?? mark.value) },
    pending: pending.sameSymbol,
    exposureUsdt: add(positionsValue(rt, positions, () => true), pending.exposureUsdt),
    // Until start-up reconciliation is done the engine is REDUCING (trigger `not-reconciled`).
    tradingState: !rt.reconciled && rt.machine.state === 'ACTIVE' ? 'REDUCING' : rt.machine.state,
    ordersInLastMinute: rt.orderTimes.length,
    limits: prepareRiskLimits(deps.config.risk),
  };
}
