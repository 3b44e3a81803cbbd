import { describe, expect, it } from 'vitest';
import { createPaneClock, type PaneClockDeps } from './pane-clock.ts';

function manualTime() {
  let now = 0;
  const timers: { at: number; callback: () => void }[] = [];
  const frames: (() => void)[] = [];
  const deps: PaneClockDeps = {
    now: () => now,
    setTimer: (callback, ms) => timers.push({ at: now + ms, callback }),
    frames: {
      request: (callback) => frames.push(callback),
      cancel: () => undefined,
    },
  };
  const advance = (ms: number): void => {
    now += ms;
    const due = timers.filter((t) => t.at <= now);
    timers.splice(0, timers.length, ...timers.filter((t) => t.at > now));
    for (const timer of due) timer.callback();
  };
  const runFrame = (): void => {
    for (const frame of frames.splice(0)) frame();
  };
  return { deps, advance, runFrame, pendingFrames: () => frames.length };
}

describe('pane clock', () => {
  it('runs the first request on the next frame and every request of an interval together, once', () => {
    const time = manualTime();
    const clock = createPaneClock(100, time.deps);
    const ran: string[] = [];
    clock.request(() => ran.push('book'));
    time.runFrame();
    expect(ran).toEqual(['book']);
    // Within the interval: nothing until it has passed, then the book and the tape in one frame.
    time.advance(10);
    clock.request(() => ran.push('book'));
    clock.request(() => ran.push('tape'));
    time.runFrame();
    expect(ran).toEqual(['book']);
    time.advance(89);
    expect(time.pendingFrames()).toBe(0);
    // Due at 100 ms: it waits for a frame the chart draws anyway, then asks for its own.
    time.advance(1);
    expect(time.pendingFrames()).toBe(0);
    time.advance(50);
    expect(time.pendingFrames()).toBe(1);
    time.runFrame();
    expect(ran).toEqual(['book', 'book', 'tape']);
  });

  it('due work joins the frame the chart draws: nudge asks for the frame at once, and only once', () => {
    const time = manualTime();
    const clock = createPaneClock(100, time.deps, 50);
    const ran: string[] = [];
    clock.request(() => ran.push('book'));
    time.runFrame();
    clock.request(() => ran.push('tape'));
    clock.nudge();
    expect(time.pendingFrames()).toBe(0);
    time.advance(100);
    clock.nudge();
    clock.nudge();
    expect(time.pendingFrames()).toBe(1);
    time.advance(50);
    expect(time.pendingFrames()).toBe(1);
    time.runFrame();
    expect(ran).toEqual(['book', 'tape']);
  });

  it('a cancelled request does not run', () => {
    const time = manualTime();
    const clock = createPaneClock(100, time.deps);
    const ran: string[] = [];
    const handle = clock.request(() => ran.push('book'));
    clock.request(() => ran.push('tape'));
    clock.cancel(handle);
    time.runFrame();
    expect(ran).toEqual(['tape']);
  });
});
