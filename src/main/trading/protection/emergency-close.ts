/**
 * The emergency exit for a position that cannot be protected (freqtrade's emergency_exit, ADR
 * 0332): a reduce-only market close, retried with backoff — each failure a critical alert — until
 * the position is flat or the trader acts (moves the stop by hand, which ends the exit). A stop the
 * watchdog manages to place meanwhile does not end it: the position was judged unprotectable, and
 * an exit that stops half-way is worse than either choice. One loop per symbol.
 */
import { abortableSleep } from '../../resilience/abortable-sleep.ts';
import type { JournalOrder } from '../../store/order-rows.ts';
import { raiseAlert, type TradingDeps } from '../deps.ts';

/** The closer. */
export interface EmergencyCloser {
  /** Starts closing `symbol` (if not already) until it is flat or {@link EmergencyCloser.cancel} is called. */
  request(symbol: string, reason: string, options?: { alreadyAlerted?: boolean }): void;
  active(symbol: string): boolean;
  /** The trader took the position in hand (moved its stop): the exit ends after the current attempt. */
  cancel(symbol: string): void;
  /** Ends every loop (the service is stopping) and waits for them. */
  stop(): Promise<void>;
}

/** What the closer needs from the service. */
export interface EmergencyCloserHooks {
  /** Sends one reduce-only market close for the whole position. */
  readonly close: (symbol: string, reason: string) => Promise<JournalOrder>;
  /** Whether the position is still open. */
  readonly stillOpen: (symbol: string) => boolean;
  /** Asks for a protection pass (fresh positions) as soon as possible. */
  readonly requestPass: () => void;
}

/** Builds the closer. */
export function createEmergencyCloser(deps: TradingDeps, hooks: EmergencyCloserHooks): EmergencyCloser {
  const running = new Map<string, Promise<void>>();
  const cancelled = new Set<string>();
  const stopping = new AbortController();
  let stopped = false;
  const needed = (symbol: string): boolean => !stopped && !cancelled.has(symbol) && hooks.stillOpen(symbol);
  const loop = async (symbol: string, reason: string): Promise<void> => {
    for (let attempt = 1; needed(symbol); attempt += 1) {
      const outcome = await attemptClose(deps, hooks, symbol, reason, attempt);
      hooks.requestPass();
      if (!(await waitBeforeNextAttempt(deps, outcome, attempt, stopping.signal))) return;
    }
    deps.journal.append(
      'position-event',
      { event: 'emergency-close-ended', flat: !hooks.stillOpen(symbol), byTrader: cancelled.has(symbol) },
      { symbol },
    );
  };
  return {
    request(symbol, reason, options = {}) {
      if (stopped || running.has(symbol)) return;
      cancelled.delete(symbol);
      announceStart(deps, symbol, reason, options.alreadyAlerted === true);
      const task = loop(symbol, reason).finally(() => running.delete(symbol));
      running.set(symbol, task);
    },
    active: (symbol) => running.has(symbol),
    cancel(symbol) {
      if (running.has(symbol)) cancelled.add(symbol);
    },
    async stop() {
      stopped = true;
      stopping.abort(new Error('the trading service is stopping'));
      await Promise.allSettled([...running.values()]);
    },
  };
}

/** Journals the start of an exit and, unless the caller already did, raises its critical alert. */
function announceStart(deps: TradingDeps, symbol: string, reason: string, alreadyAlerted: boolean): void {
  // Journaled when it starts, so the track record counts it even if the app dies mid-exit.
  deps.journal.append('position-event', { event: 'emergency-close-started', reason }, { symbol });
  if (alreadyAlerted) return;
  raiseAlert(
    deps,
    'critical',
    'position-emergency-close',
    `${symbol}: ${reason}; closing the position at market`,
    symbol,
    { reason },
  );
}

/**
 * Waits before the next attempt: a close the exchange took is given time to show as flat before
 * another is sent; a failed one backs off exponentially up to the cap.
 * @returns false when the service stopped during the wait.
 */
function waitBeforeNextAttempt(
  deps: TradingDeps,
  outcome: 'sent' | 'failed',
  attempt: number,
  signal: AbortSignal,
): Promise<boolean> {
  const { emergencyCloseRetryInitialMs: initial, emergencyCloseRetryMaxMs: cap } = deps.config.protection;
  const waitMs =
    outcome === 'sent'
      ? Math.max(initial, deps.config.orders.confirmTimeoutMs)
      : Math.min(cap, initial * 2 ** (attempt - 1));
  return abortableSleep(waitMs, signal).then(
    () => true,
    () => false,
  );
}

async function attemptClose(
  deps: TradingDeps,
  hooks: EmergencyCloserHooks,
  symbol: string,
  reason: string,
  attempt: number,
): Promise<'sent' | 'failed'> {
  try {
    const order = await hooks.close(symbol, reason);
    if (order.status !== 'REJECTED') return 'sent';
    raiseFailure(deps, symbol, attempt, order.reason ?? 'the exchange refused the close');
  } catch (error) {
    raiseFailure(deps, symbol, attempt, error instanceof Error ? error.message : String(error));
  }
  return 'failed';
}

function raiseFailure(deps: TradingDeps, symbol: string, attempt: number, why: string): void {
  raiseAlert(
    deps,
    'critical',
    'emergency-close-failed',
    `${symbol}: the emergency close failed (attempt ${attempt}): ${why}; retrying`,
    symbol,
    { attempt, reason: why },
  );
}
