/**
 * Trailing stops on the exchange (ADR 0304): the state lives in the journal and is resumed after
 * a restart; each move is a hand-off through the watchdog (new stop first, then cancel the old),
 * throttled to one move per `minMoveIntervalMs` per symbol; reduce-only stops go through the
 * client's protective lane.
 */
import {
  trailingStateSchema,
  type TrailingSpec,
  type TrailingState,
} from '../../../shared/domain/trailing.ts';
import type { TrailingChange } from '../../../shared/ipc/channels/trading.ts';
import type { TradingDeps } from '../deps.ts';
import type { SidedStop } from '../protection/live-stops.ts';
import type { ProtectionWatchdog } from '../protection/watchdog.ts';
import type { ExchangePosition } from '../wire-map.ts';
import { atrOf, type AtrSource } from './atr-source.ts';
import { stepTrailing } from './trailing-math.ts';

/** The manager. */
export interface TrailingManager {
  /** Restores persisted states (after a restart). Returns how many were resumed. */
  load(): number;
  /** Sets (or with `null` removes) the trailing spec of a symbol. */
  set(
    symbol: string,
    positionSide: 'long' | 'short',
    stopPrice: string,
    spec: TrailingSpec | null,
  ): TrailingState | null;
  get(symbol: string): TrailingState | undefined;
  /** Every live trailing state (resumed ones included), by symbol. */
  list(): TrailingState[];
  /** Feeds a mark price; moves the stop when due. */
  onMark(position: ExchangePosition, stops: readonly SidedStop[]): Promise<void>;
  /** The stop was moved by hand: trail from there. */
  stopMoved(symbol: string, stopPrice: string): void;
  forget(symbol: string): void;
}

/** Builds the manager. */
export function createTrailingManager(
  deps: TradingDeps,
  watchdog: ProtectionWatchdog,
  atrSource: AtrSource,
): TrailingManager {
  const states = new Map<string, TrailingState>();
  // ADR 0510: every change reaches the renderer, so the chart and the positions view never
  // depend on having seen this session's `trading:set-trailing` answer.
  const publish = (change: TrailingChange, symbol: string, trailing: TrailingState | null): void => {
    deps.emit({ name: 'trading:trailing-updated', payload: { symbol, change, trailing, at: deps.now() } });
  };
  const save = (state: TrailingState, change: TrailingChange): void => {
    states.set(state.symbol, state);
    deps.journal.saveTrailing(state.symbol, state, deps.now());
    publish(change, state.symbol, state);
  };
  const clear = (symbol: string): void => {
    const existed = states.delete(symbol);
    deps.journal.deleteTrailing(symbol);
    if (existed) publish('cleared', symbol, null);
  };
  return {
    load() {
      for (const row of deps.journal.loadTrailing()) {
        const parsed = trailingStateSchema.safeParse(row.state);
        if (parsed.success) states.set(row.symbol, parsed.data);
      }
      for (const state of states.values()) publish('resumed', state.symbol, state);
      return states.size;
    },
    set(symbol, positionSide, stopPrice, spec) {
      if (spec === null) {
        clear(symbol);
        deps.journal.append('trailing', { action: 'removed' }, { symbol });
        return null;
      }
      const state: TrailingState = { symbol, positionSide, spec, activated: false, stopPrice };
      save(state, 'set');
      deps.journal.append('trailing', { action: 'set', spec }, { symbol });
      return state;
    },
    get: (symbol) => states.get(symbol),
    list: () => [...states.values()].sort((a, b) => a.symbol.localeCompare(b.symbol)),
    stopMoved(symbol, stopPrice) {
      const state = states.get(symbol);
      if (state !== undefined) save({ ...state, stopPrice }, 'stop-moved');
    },
    forget: clear,
    onMark: (position, stops) => onMark(deps, watchdog, atrSource, states, save, position, stops),
  };
}

async function onMark(
  deps: TradingDeps,
  watchdog: ProtectionWatchdog,
  atrSource: AtrSource,
  states: Map<string, TrailingState>,
  save: (state: TrailingState, change: TrailingChange) => void,
  position: ExchangePosition,
  stops: readonly SidedStop[],
): Promise<void> {
  const state = states.get(position.symbol);
  const known = deps.contracts.get(position.symbol);
  // No mark, no trailing: a stop is never moved on a price the exchange did not give.
  if (
    state === undefined ||
    known === undefined ||
    state.positionSide !== position.side ||
    position.markPrice === undefined
  )
    return;
  const atr = atrFor(deps, atrSource, position.symbol, state);
  const step = stepTrailing(
    state,
    position.markPrice,
    atr,
    known.prepared.tickSize,
    deps.config.trailing.minMoveTicks,
  );
  const throttled = movedTooRecently(deps, state);
  const unmovedChange: TrailingChange = step.state.activated !== state.activated ? 'activated' : 'best-price';
  if (step.moveTo === undefined || throttled) {
    if (step.state.bestPrice !== state.bestPrice || step.state.activated !== state.activated)
      save(step.state, unmovedChange);
    return;
  }
  const result = await watchdog.moveStop(position, stops, step.moveTo);
  if (!result.placed) {
    save(step.state, unmovedChange);
    deps.logger.warn('trailing-move-failed', {
      symbol: position.symbol,
      moveTo: step.moveTo,
      reason: result.failedReason,
    });
    return;
  }
  recordMove(deps, save, state, position, step.state, step.moveTo, result);
}

/** The ATR an `atr`-mode trail steps by (the spec's timeframe and period, else the config's). */
function atrFor(
  deps: TradingDeps,
  atrSource: AtrSource,
  symbol: string,
  state: TrailingState,
): number | undefined {
  if (state.spec.mode !== 'atr') return undefined;
  return atrOf(
    atrSource,
    symbol,
    state.spec.atrTimeframeMin ?? deps.config.trailing.atrTimeframeMin,
    state.spec.atrPeriod ?? deps.config.trailing.atrPeriod,
  );
}

/** Whether the last move was less than `minMoveIntervalMs` ago. */
function movedTooRecently(deps: TradingDeps, state: TrailingState): boolean {
  return (
    state.lastMovedAt !== undefined && deps.now() - state.lastMovedAt < deps.config.trailing.minMoveIntervalMs
  );
}

/** Remembers a stop the exchange now holds at `moveTo`: the sticky stop setting, the state, the journal. */
function recordMove(
  deps: TradingDeps,
  save: (state: TrailingState, change: TrailingChange) => void,
  before: TrailingState,
  position: ExchangePosition,
  stepped: TrailingState,
  moveTo: string,
  result: Awaited<ReturnType<ProtectionWatchdog['moveStop']>>,
): void {
  deps.settings.set('stop', { price: moveTo, side: position.side }, position.symbol);
  // Both figures are measured by the executor (ADR 0334), never assumed.
  save(
    {
      ...stepped,
      stopPrice: moveTo,
      lastMovedAt: deps.now(),
      lastHandOffGapMs: result.gapMs,
      lastHandOffOverlapMs: result.overlapMs,
    },
    'moved',
  );
  deps.journal.append(
    'trailing',
    {
      action: 'moved',
      from: before.stopPrice,
      to: moveTo,
      mark: position.markPrice,
      overlapMs: result.overlapMs,
      gapMs: result.gapMs,
    },
    { symbol: position.symbol },
  );
}
