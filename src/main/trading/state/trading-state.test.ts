import { describe, expect, it } from 'vitest';
import { createTradingStateMachine, type TradingStateChange } from './trading-state.ts';

describe('trading state', () => {
  it('takes the most severe active trigger and reports each change once with its reason', () => {
    const changes: TradingStateChange[] = [];
    const machine = createTradingStateMachine(
      () => 1,
      (c) => changes.push(c),
    );
    machine.setTrigger('clock-unhealthy', true, 'clock offset uncertain ±900 ms');
    machine.setTrigger('clock-unhealthy', true, 'clock offset uncertain ±900 ms');
    expect(machine.state).toBe('REDUCING');
    machine.setTrigger('kill-switch', true, 'kill switch pressed');
    expect(machine.state).toBe('HALTED');
    machine.setTrigger('clock-unhealthy', false);
    expect(machine.state).toBe('HALTED');
    machine.setTrigger('kill-switch', false);
    expect(machine.state).toBe('ACTIVE');
    expect(changes.map((c) => [c.previous, c.state, c.reason])).toEqual([
      ['ACTIVE', 'REDUCING', 'clock offset uncertain ±900 ms'],
      ['REDUCING', 'HALTED', 'kill switch pressed'],
      ['HALTED', 'ACTIVE', 'kill switch released'],
    ]);
  });
});
