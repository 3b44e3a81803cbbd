import { describe, expect, it } from 'vitest';
import type { Alert } from '../../shared/ipc/channels/alerts.ts';
import { createAlertGate, type GateLimits } from './gate.ts';

const limits: GateLimits = { dedupeWindowMs: 60_000, maxSendsPerKey: 4, rateLimitWindowMs: 3_600_000 };
const channels = ['desktop', 'slack'] as const;

function alert(id: number, overrides: Partial<Alert> = {}): Alert {
  return {
    id,
    severity: 'critical',
    code: 'exchange-unreachable',
    kind: 'breaker',
    key: 'breaker:futures',
    title: 't',
    message: 'm',
    details: {},
    at: 0,
    clears: false,
    ...overrides,
  };
}
const cleared = (id: number): Alert =>
  alert(id, { severity: 'info', code: 'exchange-reachable', clears: true });

describe('alert gate (de-duplication and rate limit)', () => {
  it('a flapping condition sends one alert and one cleared follow-up, not a storm', () => {
    const gate = createAlertGate(() => limits);
    const actions: string[] = [];
    for (let i = 0; i < 10; i += 1) {
      actions.push(gate.decide(alert(2 * i), channels, 1_000 * i).action);
      actions.push(gate.decide(cleared(2 * i + 1), channels, 1_000 * i + 500).action);
    }
    expect(actions.filter((action) => action === 'send')).toHaveLength(2);
    expect(actions.slice(0, 2)).toEqual(['send', 'send']);
  });

  it('a repeat of a raised condition is a duplicate; a higher severity is news', () => {
    const gate = createAlertGate(() => limits);
    expect(gate.decide(alert(1, { severity: 'warning' }), channels, 0).action).toBe('send');
    expect(gate.decide(alert(2, { severity: 'warning' }), channels, 10)).toMatchObject({
      action: 'suppress',
      outcome: 'suppressed-duplicate',
    });
    expect(gate.decide(alert(3, { severity: 'critical' }), channels, 20).action).toBe('send');
    expect(gate.decide(alert(4, { severity: 'warning' }), channels, 30).action).toBe('suppress');
  });

  it('a condition that came back and still holds when the window is up is sent then', () => {
    const gate = createAlertGate(() => limits);
    gate.decide(alert(1), channels, 0);
    gate.decide(cleared(2), channels, 1_000);
    const silent = gate.decide(alert(3), channels, 2_000);
    expect(silent).toMatchObject({ action: 'suppress', recheckAt: 60_000 });
    const again = gate.recheck('breaker:futures', 60_000);
    expect(again?.alert.id).toBe(3);
    expect(again?.decision).toEqual({ action: 'send', channels });
    // It was sent: its clear is news again.
    expect(gate.decide(cleared(4), channels, 61_000).action).toBe('send');
  });

  it('a recheck after the condition cleared again sends nothing', () => {
    const gate = createAlertGate(() => limits);
    gate.decide(alert(1), channels, 0);
    gate.decide(cleared(2), channels, 1_000);
    gate.decide(alert(3), channels, 2_000);
    expect(gate.decide(cleared(4), channels, 3_000)).toMatchObject({
      action: 'suppress',
      outcome: 'suppressed-duplicate',
    });
    expect(gate.recheck('breaker:futures', 60_000)).toBeUndefined();
  });

  it('after the window a repeat is sent again, up to the per-key rate limit', () => {
    const gate = createAlertGate(() => limits);
    const outcomes = [0, 1, 2, 3, 4, 5].map((i) => {
      const decision = gate.decide(alert(i), channels, i * 61_000);
      return decision.action === 'send' ? 'send' : decision.outcome;
    });
    expect(outcomes).toEqual(['send', 'send', 'send', 'send', 'rate-limited', 'rate-limited']);
    // An hour after the first send the window slides and the key may send again.
    expect(gate.decide(alert(9), channels, 3_600_000 + 61_000).action).toBe('send');
  });

  it('a clear of a condition never raised sends nothing and goes nowhere', () => {
    const gate = createAlertGate(() => limits);
    expect(gate.decide(cleared(1), channels, 0)).toMatchObject({ action: 'suppress', channels: [] });
  });

  it('the cleared follow-up goes where its raise went', () => {
    const gate = createAlertGate(() => limits);
    gate.decide(alert(1), ['desktop', 'sms'], 0);
    expect(gate.decide(cleared(2), ['desktop'], 10)).toEqual({
      action: 'send',
      channels: ['desktop', 'sms'],
    });
  });

  it('keys are independent', () => {
    const gate = createAlertGate(() => limits);
    expect(gate.decide(alert(1), channels, 0).action).toBe('send');
    expect(gate.decide(alert(2, { key: 'breaker:general' }), channels, 0).action).toBe('send');
    expect(gate.activeKeys().sort()).toEqual(['breaker:futures', 'breaker:general']);
  });
});
