/** Schedules a callback for the next frame; returns a handle for cancel. */
export interface FrameScheduler {
  readonly request: (callback: () => void) => number;
  readonly cancel: (handle: number) => void;
}

/** The browser's animation frame. */
export const animationFrameScheduler: FrameScheduler = {
  request: (callback) => requestAnimationFrame(callback),
  cancel: (handle) => {
    cancelAnimationFrame(handle);
  },
};

/**
 * Runs the callback once the current task's synchronous work is done, before the next frame: pushes
 * delivered in one task are still coalesced, but the data is in place before the frame that draws
 * it, so a view that schedules its own paint (lightweight-charts does) paints it in that frame
 * instead of one frame later (ADR 0560).
 */
export const microtaskScheduler: FrameScheduler = (() => {
  let next = 1;
  const cancelled = new Set<number>();
  return {
    request: (callback) => {
      const handle = next++;
      queueMicrotask(() => {
        if (!cancelled.delete(handle)) callback();
      });
      return handle;
    },
    cancel: (handle) => {
      cancelled.add(handle);
    },
  };
})();

/** Collects values and applies only the latest per key once per frame. */
export interface FrameCoalescer<T> {
  push(key: string, value: T): void;
  /** Applies what is pending now (e.g. before a setData) and cancels the scheduled frame. */
  flush(): void;
  /** Drops what is pending and cancels the scheduled frame. */
  dispose(): void;
}

/**
 * Ticks can arrive faster than the screen refreshes; lightweight-charts coalesces drawing but
 * not data processing, so only the latest bar per series per frame is handed to `update`.
 */
export function createFrameCoalescer<T>(
  apply: (key: string, value: T) => void,
  scheduler: FrameScheduler = animationFrameScheduler,
): FrameCoalescer<T> {
  let pending = new Map<string, T>();
  let handle: number | undefined;
  const flush = (): void => {
    if (handle !== undefined) scheduler.cancel(handle);
    handle = undefined;
    const batch = pending;
    pending = new Map();
    for (const [key, value] of batch) apply(key, value);
  };
  return {
    push: (key, value) => {
      pending.set(key, value);
      handle ??= scheduler.request(() => {
        handle = undefined;
        flush();
      });
    },
    flush,
    dispose: () => {
      if (handle !== undefined) scheduler.cancel(handle);
      handle = undefined;
      pending = new Map();
    },
  };
}
