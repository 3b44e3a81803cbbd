import { terminalOrderStatuses, type Order } from '../../../shared/domain/order.ts';
import type { Position } from '../../../shared/domain/position.ts';
import type { TrailingState } from '../../../shared/domain/trailing.ts';
import type { TradingStore, TradingStateSummary } from './trading.store.ts';
import type {
  LiquidationWarning,
  LoadStatus,
  ProtectionChanged,
  StateChanged,
  TradingStateView,
} from './trading.types.ts';

/** Keeps whichever of two versions of a record is newer; the snapshot and events may cross. */
function newer<T extends { readonly updatedAt: number }>(current: T | undefined, incoming: T): T {
  return current !== undefined && current.updatedAt > incoming.updatedAt ? current : incoming;
}

/**
 * Replaces positions with a snapshot (`trading:list-positions`). A position an event updated
 * after the snapshot was taken survives; one the snapshot no longer lists is gone.
 */
export function receivePositionsSnapshot(store: TradingStore, snapshot: readonly Position[]): void {
  const current = store.getState().positions;
  const positions: Record<string, Position> = {};
  for (const position of snapshot) positions[position.symbol] = newer(current[position.symbol], position);
  store.setState({ positions, positionsLoad: { kind: 'ready' } });
}

/** Applies `trading:position-updated`: `null` means the position is closed. */
export function receivePositionUpdate(
  store: TradingStore,
  update: { readonly symbol: string; readonly position: Position | null; readonly at: number },
): void {
  const { [update.symbol]: current, ...others } = store.getState().positions;
  if (update.position === null) {
    if (current !== undefined && current.updatedAt > update.at) return;
    store.setState({ positions: others });
    return;
  }
  store.setState({ positions: { ...others, [update.symbol]: newer(current, update.position) } });
}

/**
 * Finished orders the terminal keeps: as many as the `recent` snapshot brings (200). Every working
 * order stays. Without a bound a trailing stop that is re-placed all day would pile its cancelled
 * orders up in the window for as long as the app runs.
 */
export const keptFinishedOrders = 200;

/** `orders` with only the newest {@link keptFinishedOrders} finished ones; pruned in batches of 50. */
function bounded(orders: Record<string, Order>): Record<string, Order> {
  const finished = Object.values(orders).filter((order) => terminalOrderStatuses.has(order.status));
  if (finished.length <= keptFinishedOrders + 50) return orders;
  const dropped = new Set(
    finished
      .sort((a, b) => b.updatedAt - a.updatedAt)
      .slice(keptFinishedOrders)
      .map((order) => order.clientOid),
  );
  return Object.fromEntries(Object.entries(orders).filter(([clientOid]) => !dropped.has(clientOid)));
}

/** Merges an orders snapshot (`trading:list-orders`) into what events already told us. */
export function receiveOrdersSnapshot(store: TradingStore, snapshot: readonly Order[]): void {
  const orders: Record<string, Order> = { ...store.getState().orders };
  for (const order of snapshot) orders[order.clientOid] = newer(orders[order.clientOid], order);
  store.setState({ orders: bounded(orders), ordersLoad: { kind: 'ready' } });
}

/** Applies `trading:order-updated`; an older update than the one we hold is ignored. */
export function receiveOrderUpdate(store: TradingStore, order: Order): void {
  const orders = store.getState().orders;
  const next = newer(orders[order.clientOid], order);
  if (next === orders[order.clientOid]) return;
  store.setState({ orders: bounded({ ...orders, [order.clientOid]: next }) });
}

/** Takes the `trading:get-state` snapshot, unless a state-changed event is already newer. */
export function receiveTradingState(store: TradingStore, view: TradingStateView): void {
  const current = store.getState().tradingState;
  const summary: TradingStateSummary = {
    state: view.state,
    reason: view.reason,
    since: view.since,
    activeTriggers: view.activeTriggers,
    reconciled: view.reconciled,
    details: {},
  };
  const keep = current !== undefined && current.since > view.since;
  store.setState({ tradingState: keep ? current : summary, tradingStateLoad: { kind: 'ready' } });
}

/** Applies `trading:state-changed`, keeping the snapshot's triggers until the next snapshot. */
export function receiveStateChanged(store: TradingStore, change: StateChanged): void {
  const current = store.getState().tradingState;
  if (current !== undefined && current.since > change.at) return;
  store.setState({
    tradingState: {
      state: change.state,
      reason: change.reason,
      since: change.at,
      activeTriggers: current?.activeTriggers,
      reconciled: current?.reconciled,
      details: change.details,
    },
  });
}

/** Applies `trading:protection-changed`. */
export function receiveProtectionChanged(store: TradingStore, change: ProtectionChanged): void {
  store.setState({ protection: { ...store.getState().protection, [change.symbol]: change } });
}

/** Applies `trading:liquidation-warning`; `cleared` removes the warning. */
export function receiveLiquidationWarning(store: TradingStore, warning: LiquidationWarning): void {
  const { [warning.symbol]: _previous, ...others } = store.getState().liquidationWarnings;
  store.setState({
    liquidationWarnings: warning.level === 'cleared' ? others : { ...others, [warning.symbol]: warning },
  });
}

/** Records that a slice could not be fetched, with the message a trader can act on. */
export function markUnavailable(
  store: TradingStore,
  slice: 'positionsLoad' | 'ordersLoad' | 'tradingStateLoad' | 'trailingLoad',
  message: string,
): void {
  const status: LoadStatus = { kind: 'unavailable', message };
  store.setState({ [slice]: status });
}

/** Records that live trading events are not flowing, and why. */
export function markEventsUnavailable(store: TradingStore, message: string | undefined): void {
  store.setState({ eventsUnavailable: message });
}

/** Records the engine's answer to `trading:set-trailing`; `null` means trailing was switched off. */
export function receiveTrailing(store: TradingStore, symbol: string, trailing: TrailingState | null): void {
  const { [symbol]: _previous, ...others } = store.getState().trailing;
  store.setState({ trailing: trailing === null ? others : { ...others, [symbol]: trailing } });
}
