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

/** The pane clock: a scheduler, and a way to say a frame is being drawn anyway. */
export interface PaneClock extends FrameScheduler {
  /**
   * The chart has just changed and will draw in the coming frame: pane work that is due runs in
   * that frame too, instead of in a frame of its own.
   */
  nudge(): void;
}

/** How long due pane work waits for a frame the chart draws anyway before it asks for its own. */
export const paneGraceMs = 50;

/**
 * A scheduler whose callbacks all run together, in one animation frame, at most once per
 * `intervalMs`: the first request after a quiet spell runs on the next frame; later ones wait for
 * the interval to pass, then for the chart's next frame (`nudge`) up to `graceMs`, so the panes
 * and the chart share a frame rather than each costing the window one.
 */
export function createPaneClock(
  intervalMs = paneIntervalMs,
  deps: PaneClockDeps = browserDeps,
  graceMs = paneGraceMs,
): PaneClock {
  const waiting = new Map<number, () => void>();
  let next = 1;
  let armed = false;
  let due = false;
  let frameAsked = false;
  let lastRunAt = Number.NEGATIVE_INFINITY;
  const run = (): void => {
    armed = false;
    due = false;
    frameAsked = false;
    lastRunAt = deps.now();
    const callbacks = [...waiting.values()];
    waiting.clear();
    for (const callback of callbacks) callback();
  };
  const askFrame = (): void => {
    if (!due || frameAsked) return;
    frameAsked = true;
    deps.frames.request(run);
  };
  const arm = (): void => {
    if (armed) return;
    armed = true;
    const wait = lastRunAt + intervalMs - deps.now();
    due = wait <= 0;
    if (due) askFrame();
    else
      deps.setTimer(() => {
        due = true;
        deps.setTimer(askFrame, graceMs);
      }, wait);
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
    nudge: askFrame,
  };
}

/** The terminal's one pane clock. */
export const paneClock: PaneClock = createPaneClock();
