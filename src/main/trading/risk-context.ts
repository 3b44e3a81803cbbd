/**
 * The numbers one risk evaluation runs on (ADR 0300, 0338, 0339): the live mark price and its
 * age, the account, the symbol's margin mode and risk tiers, the position, and every entry still
 * pending — counted as if it had filled, so five quick adds cannot pass limits that one would not.
 * To place, pending entries are what the exchange lists as working (their unfilled rest) plus ours
 * whose outcome is still in doubt, read *before* the positions, so an entry that fills in between is
 * counted twice (conservative), never zero times. A preview uses the journal's view.
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

/** An entry still working: its symbol, side, unfilled lots and price (limit, or stop for a market entry). */
interface PendingOrder {
  readonly clientOid: string;
  readonly symbol: string;
  readonly side: 'buy' | 'sell';
  readonly lots: number;
  readonly price: string | undefined;
}

interface PendingView {
  readonly sameSymbol: PendingEntries;
  /** Value of every pending entry (USDT), at its limit price or, for market entries, its stop. */
  readonly exposureUsdt: Dec;
}

const doubtful = new Set(['SUBMITTED', 'UNKNOWN', 'RECONCILING']);

function journalPending(rt: TradingRuntime, onlyDoubtful: boolean): PendingOrder[] {
  return rt.deps.journal
    .openOrders()
    .filter(
      (o) =>
        o.purpose === 'entry' &&
        !terminalOrderStatuses.has(o.status) &&
        (!onlyDoubtful || doubtful.has(o.status)),
    )
    .map((o) => ({
      clientOid: o.clientOid,
      symbol: o.symbol,
      side: o.side,
      lots: o.sizeLots - o.filledLots,
      price: o.price ?? o.stopPrice,
    }));
}

/** The exchange's working entries (not reduce-only, unfilled rest) plus ours in doubt that it does not list. */
async function exchangePending(rt: TradingRuntime): Promise<PendingOrder[]> {
  const listed = (await rt.deps.rest.listOpenOrders({ pageSize: 1000 })).items.filter(
    (o) => o.reduceOnly !== true && o.closeOrder !== true,
  );
  const seen = new Set(listed.map((o) => o.clientOid));
  const atExchange = listed.map((o) => ({
    clientOid: o.clientOid ?? o.id,
    symbol: o.symbol,
    side: o.side,
    lots: o.size - (o.filledSize ?? o.dealSize ?? 0),
    price: o.price,
  }));
  return [...atExchange, ...journalPending(rt, true).filter((o) => !seen.has(o.clientOid))];
}

function pendingView(
  rt: TradingRuntime,
  orders: readonly PendingOrder[],
  ticket: OrderTicket,
  exclude: string | undefined,
): PendingView {
  let exposure: Dec = ZERO;
  let lots = 0;
  let value: Dec = ZERO;
  for (const order of orders) {
    const multiplier = rt.deps.contracts.get(order.symbol)?.prepared.multiplier;
    if (order.clientOid === exclude || order.lots <= 0 || order.price === undefined) continue;
    if (multiplier !== undefined)
      exposure = add(exposure, mul(mul(dec(order.lots), multiplier), dec(order.price)));
    if (order.symbol === ticket.symbol && order.side === ticket.side) {
      lots += order.lots;
      value = add(value, mul(dec(order.lots), dec(order.price)));
    }
  }
  return { sameSymbol: { lots, priceTimesLots: value }, exposureUsdt: exposure };
}

function positionsValue(
  rt: TradingRuntime,
  positions: ReadonlyMap<string, ExchangePosition>,
  filter: (p: ExchangePosition) => boolean,
): Dec {
  let total: Dec = ZERO;
  for (const position of positions.values()) {
    if (!filter(position)) continue;
    const multiplier = rt.deps.contracts.get(position.symbol)?.prepared.multiplier ?? ZERO;
    const price = position.markPrice ?? position.avgEntryPrice;
    if (price !== undefined)
      total = add(total, abs(mul(mul(dec(position.sizeLots), multiplier), dec(price))));
  }
  return total;
}

function crossMargin(positions: ReadonlyMap<string, ExchangePosition>, symbol: string): Dec {
  let total: Dec = ZERO;
  for (const p of positions.values())
    if (p.marginMode === 'CROSS' && p.symbol !== symbol && p.marginUsdt !== undefined)
      total = add(total, dec(p.marginUsdt));
  return total;
}

/** Builds the risk context for a ticket from fresh exchange numbers. */
export async function riskContextFor(
  rt: TradingRuntime,
  ticket: OrderTicket,
  options: ContextOptions,
): Promise<RiskContext> {
  const { deps } = rt;
  const pending = pendingView(
    rt,
    options.fresh ? await exchangePending(rt) : journalPending(rt, false),
    ticket,
    options.excludeClientOid,
  );
  // The tiers decide the MMR and leverage cap of the resulting position (ADR 0310).
  const [mark, account, known, mode, positions] = await Promise.all([
    deps.rest.getMarkPrice(ticket.symbol),
    deps.rest.getAccountOverview('USDT'),
    ensureRiskTiers(deps, ticket.symbol),
    deps.rest.getMarginMode(ticket.symbol),
    options.fresh ? fetchPositions(deps) : Promise.resolve(rt.positions),
  ]);
  const now = deps.now();
  rt.orderTimes = rt.orderTimes.filter((at) => now - at < MINUTE_MS);
  const position = positions.get(ticket.symbol);
  const marginMode = position?.marginMode ?? mode.marginMode;
  const available = dec(account.availableBalance);
  return {
    order: entryOrderOf(ticket),
    contract: known?.prepared,
    markPrice: dec(mark.value),
    // Measured on the exchange's clock: a local clock that is merely offset does not make prices stale.
    referencePriceAgeMs: Math.max(0, (rt.client.serverNow?.() ?? now) - mark.timePoint),
    equityUsdt: dec(account.accountEquity),
    availableMarginUsdt: available,
    marginMode,
    cross: crossOf(rt, positions, available, ticket.symbol),
    position: position === undefined ? undefined : currentPositionOf(position, mark.value),
    pending: pending.sameSymbol,
    exposureUsdt: add(
      positionsValue(rt, positions, () => true),
      pending.exposureUsdt,
    ),
    // Until start-up reconciliation is done the engine is REDUCING (trigger `not-reconciled`).
    tradingState: !rt.reconciled && rt.machine.state === 'ACTIVE' ? 'REDUCING' : rt.machine.state,
    ordersInLastMinute: rt.orderTimes.length,
    limits: prepareRiskLimits(deps.config.risk),
    ...againstVerdictOf(rt, ticket),
    ...liveSizeCapOf(rt),
  };
}

/** The ticket as the risk engine sees it: always an entry, never reduce-only. */
function entryOrderOf(ticket: OrderTicket): RiskContext['order'] {
  return {
    symbol: ticket.symbol,
    side: ticket.side,
    type: ticket.type,
    sizeLots: ticket.sizeLots,
    price: ticket.price,
    leverage: ticket.leverage,
    stopPrice: ticket.stopPrice,
    takeProfitPrice: ticket.takeProfitPrice,
    reduceOnly: false,
  };
}

/** The cross-margin pool the ticket's symbol shares with the other cross positions. */
function crossOf(
  rt: TradingRuntime,
  positions: ReadonlyMap<string, ExchangePosition>,
  available: Dec,
  symbol: string,
): RiskContext['cross'] {
  return {
    totalMarginUsdt: add(available, crossMargin(positions, symbol)),
    otherPositionsValueUsdt: positionsValue(
      rt,
      positions,
      (p) => p.marginMode === 'CROSS' && p.symbol !== symbol,
    ),
  };
}

/** The open position the ticket adds to; its entry price falls back to the mark when unknown. */
function currentPositionOf(
  position: ExchangePosition,
  markValue: string,
): NonNullable<RiskContext['position']> {
  return {
    side: position.side,
    sizeLots: position.sizeLots,
    avgEntryPrice: dec(position.avgEntryPrice ?? position.markPrice ?? markValue),
  };
}

function liveSizeCapOf(rt: TradingRuntime): Pick<RiskContext, 'liveSizeCap'> {
  const cap = rt.liveSizeCap?.();
  return cap === undefined
    ? {}
    : { liveSizeCap: { stage: cap.stage, maxNotionalUsdt: dec(cap.maxNotionalUsdt) } };
}

function againstVerdictOf(rt: TradingRuntime, ticket: OrderTicket): Pick<RiskContext, 'againstVerdict'> {
  const objection = rt.verdictCheck?.(ticket.symbol, ticket.side);
  return objection === undefined ? {} : { againstVerdict: objection };
}
