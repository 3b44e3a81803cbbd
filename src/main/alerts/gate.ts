/**
 * De-duplication and the per-key rate limit. Each alert key is one condition (a breaker, a
 * position's liquidation distance …) with a small state machine, so a flapping condition sends one
 * alert and one "cleared" follow-up instead of a storm:
 *
 *   (none) ──raise──▶ raised ──clear──▶ cleared ──raise within the window──▶ raised-silently
 *                       ▲  │ same or lower severity within the window: duplicate         │
 *                       └──┘                         clear: duplicate (already said) ◀──┘
 *
 * A silent raise that still holds when the window since the last sent raise is up is sent then
 * (the trader must never be left believing a live condition cleared). On top, at most
 * `maxSendsPerKey` deliveries per key within `rateLimitWindowMs`.
 */
import type { Alert, AlertChannelName, AlertSeverity } from '../../shared/ipc/channels/alerts.ts';

/** What the gate decided for one alert. */
export type GateDecision =
  | { readonly action: 'send'; readonly channels: readonly AlertChannelName[] }
  | {
      readonly action: 'suppress';
      readonly outcome: 'suppressed-duplicate' | 'rate-limited';
      readonly channels: readonly AlertChannelName[];
      readonly reason: string;
      /** A silent raise: ask again at this time whether it still holds (see {@link AlertGate.recheck}). */
      readonly recheckAt?: number;
    };

/** The numbers the gate works with (config `alerts`). */
export interface GateLimits {
  readonly dedupeWindowMs: number;
  readonly maxSendsPerKey: number;
  readonly rateLimitWindowMs: number;
}

interface KeyState {
  phase: 'raised' | 'cleared' | 'raised-silently';
  severity: AlertSeverity;
  lastRaiseSentAt: number;
  /** Where the last sent raise went: its "cleared" follow-up goes there too. */
  channels: readonly AlertChannelName[];
  sends: number[];
  /** The latest raise kept silent (and where it was routed), sent by a recheck if the condition still holds. */
  silent: { readonly alert: Alert; readonly channels: readonly AlertChannelName[] } | undefined;
  touchedAt: number;
}

const rank: Readonly<Record<AlertSeverity, number>> = { info: 0, warning: 1, critical: 2 };

/** The gate: one state per alert key. */
export interface AlertGate {
  /** Decides whether an alert routed to `channels` is sent, and records it. */
  decide(alert: Alert, channels: readonly AlertChannelName[], now: number): GateDecision;
  /** At a silent raise's recheck time: the alert to send now if its condition still holds. */
  recheck(key: string, now: number): { alert: Alert; decision: GateDecision } | undefined;
  /** Keys currently raised (for tests and the health view). */
  activeKeys(): string[];
}

function withinRate(state: KeyState, limits: GateLimits, now: number): boolean {
  state.sends = state.sends.filter((at) => now - at < limits.rateLimitWindowMs);
  return state.sends.length < limits.maxSendsPerKey;
}

function send(
  state: KeyState,
  limits: GateLimits,
  now: number,
  channels: readonly AlertChannelName[],
): GateDecision {
  if (!withinRate(state, limits, now)) {
    return {
      action: 'suppress',
      outcome: 'rate-limited',
      channels,
      reason: `${limits.maxSendsPerKey} alerts for this condition were already sent within ${Math.round(limits.rateLimitWindowMs / 60_000)} min (the limit)`,
    };
  }
  state.sends.push(now);
  return { action: 'send', channels };
}

function duplicate(channels: readonly AlertChannelName[], reason: string, recheckAt?: number): GateDecision {
  return {
    action: 'suppress',
    outcome: 'suppressed-duplicate',
    channels,
    reason,
    ...(recheckAt === undefined ? {} : { recheckAt }),
  };
}

function decideClear(state: KeyState | undefined, limits: GateLimits, now: number): GateDecision {
  if (state === undefined || state.phase === 'cleared') return duplicate([], 'the condition was not raised');
  const channels = state.channels;
  if (state.phase === 'raised-silently') {
    state.phase = 'cleared';
    state.silent = undefined;
    return duplicate(channels, 'the condition came back and cleared again within the de-duplication window');
  }
  state.phase = 'cleared';
  return send(state, limits, now, channels);
}

function decideRaise(
  state: KeyState,
  alert: Alert,
  limits: GateLimits,
  now: number,
  channels: readonly AlertChannelName[],
): GateDecision {
  const sinceSent = now - state.lastRaiseSentAt;
  const escalates = rank[alert.severity] > rank[state.severity];
  const raise = (): GateDecision => {
    const decision = send(state, limits, now, channels);
    state.phase = 'raised';
    state.severity = alert.severity;
    state.silent = undefined;
    if (decision.action === 'send') {
      state.lastRaiseSentAt = now;
      state.channels = channels;
    }
    return decision;
  };
  if (escalates || sinceSent >= limits.dedupeWindowMs) return raise();
  if (state.phase === 'cleared') {
    state.phase = 'raised-silently';
    state.silent = { alert, channels };
    return duplicate(
      channels,
      'the condition cleared and came back within the de-duplication window (flapping)',
      state.lastRaiseSentAt + limits.dedupeWindowMs,
    );
  }
  if (state.phase === 'raised-silently') state.silent = { alert, channels };
  return duplicate(channels, 'the same condition was already sent');
}

/** Builds a gate over the current limits (read on every call, so settings changes apply at once). */
export function createAlertGate(limits: () => GateLimits): AlertGate {
  const states = new Map<string, KeyState>();
  const prune = (now: number, current: GateLimits): void => {
    if (states.size < 1_000) return;
    const keepMs = Math.max(current.dedupeWindowMs, current.rateLimitWindowMs);
    for (const [key, state] of states)
      if (state.phase === 'cleared' && now - state.touchedAt > keepMs) states.delete(key);
  };
  return {
    decide(alert, channels, now) {
      const current = limits();
      prune(now, current);
      const state = states.get(alert.key);
      if (alert.clears) return decideClear(state, current, now);
      if (state === undefined) {
        const fresh: KeyState = {
          phase: 'raised',
          severity: alert.severity,
          lastRaiseSentAt: now,
          channels,
          sends: [],
          silent: undefined,
          touchedAt: now,
        };
        states.set(alert.key, fresh);
        return send(fresh, current, now, channels);
      }
      state.touchedAt = now;
      return decideRaise(state, alert, current, now, channels);
    },
    recheck(key, now) {
      const state = states.get(key);
      const silent = state?.silent;
      if (state === undefined || silent === undefined || state.phase !== 'raised-silently') return undefined;
      state.phase = 'raised';
      state.silent = undefined;
      state.severity = silent.alert.severity;
      const decision = send(state, limits(), now, silent.channels);
      if (decision.action === 'send') {
        state.lastRaiseSentAt = now;
        state.channels = silent.channels;
      }
      return { alert: silent.alert, decision };
    },
    activeKeys: () => [...states].filter(([, state]) => state.phase !== 'cleared').map(([key]) => key),
  };
}
