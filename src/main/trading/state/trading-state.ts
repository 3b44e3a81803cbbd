/**
 * ACTIVE / REDUCING / HALTED (nautilus TradingState, ADR 0301). The state is the most severe of
 * the triggers that currently hold; each change is an event with its reason and numbers.
 * Automatic triggers clear themselves when their condition clears (clock healthy again, stream
 * back); sticky ones (kill switch, stop-out streak) wait for the trader; the daily-loss trigger
 * clears at 00:00 UTC.
 */
import type { TradingStateName } from '../../../shared/ipc/channels/trading.ts';

/** Why trading is restricted. */
export const tradingTriggers = {
  'kill-switch': { state: 'HALTED', sticky: true, cleared: 'kill switch released' },
  'daily-loss': { state: 'REDUCING', sticky: true, cleared: 'daily loss limit reset' },
  'consecutive-stop-outs': { state: 'REDUCING', sticky: true, cleared: 'stop-out streak reset' },
  'breaker-open': { state: 'REDUCING', sticky: false, cleared: 'exchange reachable again' },
  'clock-unhealthy': { state: 'REDUCING', sticky: false, cleared: 'clock healthy again' },
  'market-data-stale': { state: 'REDUCING', sticky: false, cleared: 'market data fresh again' },
  // The exchange's own market feed went quiet (paper on live data: the mirrored KuCoin stream, ADR 0180).
  'market-feed-stale': { state: 'REDUCING', sticky: false, cleared: 'live market data back' },
  'private-stream-dead': { state: 'REDUCING', sticky: false, cleared: 'private stream back' },
  'not-reconciled': { state: 'REDUCING', sticky: false, cleared: 'start-up reconciliation finished' },
} as const satisfies Record<string, { state: TradingStateName; sticky: boolean; cleared: string }>;

/** A trigger's id. */
export type TradingTrigger = keyof typeof tradingTriggers;

/** A state change as emitted. */
export interface TradingStateChange {
  readonly state: TradingStateName;
  readonly previous: TradingStateName;
  readonly reason: string;
  readonly details: Record<string, string | number | boolean>;
  readonly at: number;
}

const severity: Record<TradingStateName, number> = { ACTIVE: 0, REDUCING: 1, HALTED: 2 };

/** The state machine. */
export interface TradingStateMachine {
  readonly state: TradingStateName;
  readonly reason: string;
  readonly since: number;
  /** Active triggers, most recent last. */
  activeTriggers(): TradingTrigger[];
  /** Raises or clears a trigger; emits a change when the state or its reason changes. */
  setTrigger(
    trigger: TradingTrigger,
    active: boolean,
    reason?: string,
    details?: Record<string, string | number | boolean>,
  ): void;
  isActive(trigger: TradingTrigger): boolean;
}

/** Builds the machine; `onChange` receives every change (journal + IPC event + alert). */
export function createTradingStateMachine(
  now: () => number,
  onChange: (change: TradingStateChange) => void,
): TradingStateMachine {
  const active = new Map<TradingTrigger, string>();
  let state: TradingStateName = 'ACTIVE';
  let reason = 'trading normally';
  let since = now();
  const recompute = (cause: string, details: Record<string, string | number | boolean>): void => {
    let next: TradingStateName = 'ACTIVE';
    let nextReason = 'all restrictions cleared';
    for (const [trigger, text] of active) {
      const target = tradingTriggers[trigger].state;
      if (severity[target] >= severity[next]) {
        next = target;
        nextReason = text;
      }
    }
    if (next === state && nextReason === reason) return;
    const previous = state;
    state = next;
    reason = next === 'ACTIVE' ? cause : nextReason;
    since = now();
    onChange({ state, previous, reason, details, at: since });
  };
  return {
    get state() {
      return state;
    },
    get reason() {
      return reason;
    },
    get since() {
      return since;
    },
    activeTriggers: () => [...active.keys()],
    isActive: (trigger) => active.has(trigger),
    setTrigger(trigger, on, text = trigger, details = {}) {
      if (on === active.has(trigger) && (!on || active.get(trigger) === text)) return;
      if (on) active.set(trigger, text);
      else active.delete(trigger);
      // The banner reads in the trader's words: what ended, not a trigger id.
      recompute(on ? text : tradingTriggers[trigger].cleared, { trigger, raised: on, ...details });
    },
  };
}
