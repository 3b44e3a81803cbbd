import { describe, expect, it } from 'vitest';
import { Coalescer, pushDelayMs, type CoalescerTimers } from './coalescer.ts';

/** Timers the test moves by hand. */
function manualTimers() {
  let now = 1_000;
  const due: { at: number; run: () => void; id: number }[] = [];
  let nextId = 0;
  const timers: CoalescerTimers = {
    now: () => now,
    setTimeout: (run, delayMs) => {
      nextId += 1;
      due.push({ at: now + delayMs, run, id: nextId });
      return nextId;
    },
    clearTimeout: (handle) => {
      const index = due.findIndex((timer) => timer.id === handle);
      if (index >= 0) due.splice(index, 1);
    },
  };
  const advance = (ms: number): void => {
    now += ms;
    for (const timer of due.filter((t) => t.at <= now)) {
      due.splice(due.indexOf(timer), 1);
      timer.run();
    }
  };
  return { timers, advance, pending: () => due.length };
}

describe('pushDelayMs', () => {
  it('pushes at once after a quiet spell and waits out the rest of the interval otherwise', () => {
    expect(pushDelayMs(undefined, 5_000, 100)).toBe(0);
    expect(pushDelayMs(4_850, 5_000, 100)).toBe(0);
    expect(pushDelayMs(4_900, 5_000, 100)).toBe(0);
    expect(pushDelayMs(4_960, 5_000, 100)).toBe(60);
    expect(pushDelayMs(5_000, 5_000, 100)).toBe(100);
  });
});

describe('Coalescer: at most one push per interval, carrying the latest state', () => {
  it('turns 1 000 book changes within a second into at most 10 pushes, the last with the final state', () => {
    const { timers, advance } = manualTimers();
    let state = 0;
    const pushed: number[] = [];
    const coalescer = new Coalescer(100, () => pushed.push(state), timers);
    for (let i = 1; i <= 1_000; i += 1) {
      state = i;
      coalescer.request();
      advance(1);
    }
    advance(100);
    expect(pushed.length).toBeLessThanOrEqual(11);
    expect(pushed.length).toBeGreaterThanOrEqual(10);
    expect(pushed.at(-1)).toBe(1_000);
    // The second push waits out the interval (100 ms after the first) and carries the state then.
    expect(pushed[0]).toBe(1);
    expect(pushed[1]).toBe(100);
  });

  it('pushes the first change after a quiet spell at once', () => {
    const { timers, advance, pending } = manualTimers();
    const pushed: string[] = [];
    const coalescer = new Coalescer(100, () => pushed.push('book'), timers);
    coalescer.request();
    expect(pushed).toEqual(['book']);
    advance(500);
    coalescer.request();
    expect(pushed).toEqual(['book', 'book']);
    expect(pending()).toBe(0);
  });

  it('pushes nothing after stop, not even a push already waiting', () => {
    const { timers, advance } = manualTimers();
    const pushed: string[] = [];
    const coalescer = new Coalescer(100, () => pushed.push('book'), timers);
    coalescer.request();
    coalescer.request();
    coalescer.stop();
    advance(200);
    coalescer.request();
    expect(pushed).toEqual(['book']);
  });
});
