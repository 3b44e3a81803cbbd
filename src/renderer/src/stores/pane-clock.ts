import { animationFrameScheduler, type FrameScheduler } from './frame-coalescer.ts';

/**
 * How often the terminal's DOM panes that follow the market (book, tape) may redraw: ten times a
 * second, the rate KuCoin itself pushes its top-of-book depth at. Each redraw costs the window a
 * whole style, layout, paint and compositor pass; tied to one clock they share that pass instead
 * of each taking a frame of its own (ADR 0560). The chart draws on its own path.
 */
export const paneIntervalMs = 100;

/** Time and timers for {@link createPaneClock}; tests drive them by hand. */
export interface PaneClockDeps {
  readonly now: () => number;
  readonly setTimer: (callback: () => void, ms: number) => unknown;
  readonly frames: FrameScheduler;
}

const browserDeps: PaneClockDeps = {
  now: () => performance.now(),
  setTimer: (callback, ms) => setTimeout(callback, ms),
  frames: animationFrameScheduler,
};

/**
 * A scheduler whose callbacks all run together, in one animation frame, at most once per
 * `intervalMs`: the first request after a quiet spell runs on the next frame, later ones wait for
 * the interval to pass.
 */
export function createPaneClock(
  intervalMs = paneIntervalMs,
  deps: PaneClockDeps = browserDeps,
): FrameScheduler {
  const waiting = new Map<number, () => void>();
  let next = 1;
  let armed = false;
  let lastRunAt = Number.NEGATIVE_INFINITY;
  const run = (): void => {
    armed = false;
    lastRunAt = deps.now();
    const due = [...waiting.values()];
    waiting.clear();
    for (const callback of due) callback();
  };
  const arm = (): void => {
    if (armed) return;
    armed = true;
    const wait = lastRunAt + intervalMs - deps.now();
    if (wait <= 0) deps.frames.request(run);
    else deps.setTimer(() => deps.frames.request(run), wait);
  };
  return {
    request: (callback) => {
      const handle = next++;
      waiting.set(handle, callback);
      arm();
      return handle;
    },
    cancel: (handle) => {
      waiting.delete(handle);
    },
  };
}

/** The terminal's one pane clock. */
export const paneClock: FrameScheduler = createPaneClock();
