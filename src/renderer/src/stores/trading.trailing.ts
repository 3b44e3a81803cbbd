import type { TrailingState } from '../../../shared/domain/trailing.ts';
import type { TradingStore } from './trading.store.ts';
import type { TrailingUpdated } from './trading.types.ts';

/**
 * Starts a `trading:get-trailing` round (ADR 0510): forgets which symbols events have touched, so
 * that only events arriving while the snapshot is in flight win over it.
 */
export function beginTrailingSnapshot(store: TradingStore): void {
  store.setState({ trailingTouched: {} });
}

/**
 * Takes the `trading:get-trailing` snapshot. A symbol an event touched since the round began
 * keeps the event's version (including a clear); every other symbol takes the snapshot's, and one
 * the snapshot no longer lists is gone.
 */
export function receiveTrailingSnapshot(store: TradingStore, snapshot: readonly TrailingState[]): void {
  const { trailing: current, trailingTouched } = store.getState();
  const trailing: Record<string, TrailingState> = {};
  for (const state of snapshot)
    if (trailingTouched[state.symbol] === undefined) trailing[state.symbol] = state;
  for (const symbol of Object.keys(trailingTouched)) {
    const kept = current[symbol];
    if (kept === undefined) Reflect.deleteProperty(trailing, symbol);
    else trailing[symbol] = kept;
  }
  store.setState({ trailing, trailingLoad: { kind: 'ready' } });
}

/**
 * Applies `trading:trailing-updated`: the whole state, or `null` when trailing was cleared. An
 * event older than the last one applied for the symbol is ignored (the publisher coalesces, but
 * the `set-trailing` answer and events may cross).
 */
export function receiveTrailingUpdate(store: TradingStore, update: TrailingUpdated): void {
  const { trailing, trailingTouched } = store.getState();
  const lastAt = trailingTouched[update.symbol];
  if (lastAt !== undefined && lastAt > update.at) return;
  const { [update.symbol]: _previous, ...others } = trailing;
  store.setState({
    trailing: update.trailing === null ? others : { ...others, [update.symbol]: update.trailing },
    trailingTouched: { ...trailingTouched, [update.symbol]: update.at },
  });
}

/** The trail level the positions column shows: stop price and whether it is trailing yet. */
export function trailingSummary(state: TrailingState | undefined): string {
  if (state === undefined) return '—';
  const distance =
    state.spec.mode === 'percent'
      ? `${state.spec.distance} %`
      : state.spec.mode === 'atr'
        ? `${state.spec.distance}× ATR`
        : state.spec.distance;
  const waiting = state.activated ? '' : ` · from ${state.spec.activationPrice ?? '?'}`;
  return `${state.stopPrice} (${distance}${waiting})`;
}
