/**
 * Escalation: a critical alert the trader has not acknowledged in the app within
 * `escalateAfterMs` is sent once more on the escalation channel (SMS by default) — the phone that
 * wakes a trader who slept through the first round. Acknowledging it, or its condition clearing,
 * cancels the re-send.
 */
import type { Alert } from '../../shared/ipc/channels/alerts.ts';

/** The pending escalations. */
export interface Escalation {
  /** Arms the re-send of a critical alert (no-op when escalation is off). */
  arm(alert: Alert): void;
  /** The trader acknowledged the alert. */
  acknowledge(alertId: number): void;
  /** The alert's condition cleared: nothing of that key needs escalating any more. */
  clearKey(key: string): void;
  /** Ids of alerts waiting to escalate. */
  pending(): number[];
  stop(): void;
}

/** Builds the escalation over the current delay (0 = off) and what firing does. */
export function createEscalation(options: {
  readonly afterMs: () => number;
  readonly fire: (alert: Alert) => void;
}): Escalation {
  const armed = new Map<number, { timer: NodeJS.Timeout; key: string }>();
  const cancel = (id: number): void => {
    const entry = armed.get(id);
    if (entry === undefined) return;
    clearTimeout(entry.timer);
    armed.delete(id);
  };
  return {
    arm(alert) {
      const afterMs = options.afterMs();
      if (afterMs <= 0 || alert.severity !== 'critical' || alert.clears || armed.has(alert.id)) return;
      const timer = setTimeout(() => {
        armed.delete(alert.id);
        options.fire(alert);
      }, afterMs);
      timer.unref();
      armed.set(alert.id, { timer, key: alert.key });
    },
    acknowledge: cancel,
    clearKey(key) {
      for (const [id, entry] of armed) if (entry.key === key) cancel(id);
    },
    pending: () => [...armed.keys()],
    stop() {
      for (const id of [...armed.keys()]) cancel(id);
    },
  };
}
