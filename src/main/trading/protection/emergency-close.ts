/**
 * The emergency exit for a position that cannot be protected (freqtrade's emergency_exit, ADR
 * 0332): a reduce-only market close, retried with backoff — each failure a critical alert — until
 * the position is flat or protected again (the trader placed or moved a stop, or the watchdog
 * succeeded). One loop per symbol; asking again while it runs changes nothing.
 */
import { abortableSleep } from '../../resilience/abortable-sleep.ts';
import type { JournalOrder } from '../../store/order-rows.ts';
import { raiseAlert, type TradingDeps } from '../deps.ts';

/** The closer. */
export interface EmergencyCloser {
  /**
   * Starts closing `symbol` (if not already) until it is flat or protected again; with `untilFlat`
   * (the kill switch's flatten) until it is flat, protected or not.
   */
  request(symbol: string, reason: string, options?: { untilFlat?: boolean; alreadyAlerted?: boolean }): void;
  active(symbol: string): boolean;
  /** Ends every loop (the service is stopping) and waits for them. */
  stop(): Promise<void>;
}

/** What the closer needs from the service. */
export interface EmergencyCloserHooks {
  /** Sends one reduce-only market close for the whole position. */
  readonly close: (symbol: string, reason: string) => Promise<JournalOrder>;
  /** Whether the position still needs closing: open, and (unless `untilFlat`) not protected. */
  readonly stillNeeded: (symbol: string, untilFlat: boolean) => boolean;
  /** Asks for a protection pass (fresh positions) as soon as possible. */
  readonly requestPass: () => void;
}


/** Builds the closer. */
export function createEmergencyCloser(deps: TradingDeps, hooks: EmergencyCloserHooks): EmergencyCloser {
  const running = new Map<string, Promise<void>>();
  const stopping = new AbortController();
  let stopped = false;
  const loop = async (symbol: string, reason: string, untilFlat: boolean): Promise<void> => {
    const { emergencyCloseRetryInitialMs: initial, emergencyCloseRetryMaxMs: cap } = deps.config.protection;
    for (let attempt = 1; !stopped && hooks.stillNeeded(symbol, untilFlat); attempt += 1) {
      const outcome = await attemptClose(deps, hooks, symbol, reason, attempt);
      hooks.requestPass();
      // A close the exchange took is given time to show as flat before another is sent.
      const waitMs = outcome === 'sent' ? Math.max(initial, deps.config.orders.confirmTimeoutMs) : Math.min(cap, initial * 2 ** (attempt - 1));
      if (!(await abortableSleep(waitMs, stopping.signal).then(() => true, () => false))) return;
    }
    deps.journal.append('position-event', { event: 'emergency-close-ended', flatOrProtected: !hooks.stillNeeded(symbol, untilFlat) }, { symbol });
  };
  return {
    request(symbol, reason, options = {}) {
      if (stopped || running.has(symbol)) return;
      if (options.alreadyAlerted !== true) raiseAlert(deps, 'critical', 'position-emergency-close', `${symbol}: ${reason}; closing the position at market`, symbol, { reason });
      const task = loop(symbol, reason, options.untilFlat === true).finally(() => running.delete(symbol));
      running.set(symbol, task);
    },
    active: (symbol) => running.has(symbol),
    async stop() {
      stopped = true;
      stopping.abort(new Error('the trading service is stopping'));
      await Promise.allSettled([...running.values()]);
    },
  };
}

async function attemptClose(deps: TradingDeps, hooks: EmergencyCloserHooks, symbol: string, reason: string, attempt: number): Promise<'sent' | 'failed'> {
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
  raiseAlert(deps, 'critical', 'emergency-close-failed', `${symbol}: the emergency close failed (attempt ${attempt}): ${why}; retrying`, symbol, { attempt, reason: why });
}
