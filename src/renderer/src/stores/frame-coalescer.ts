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
 * At most one run per animation frame, the first one without waiting for a frame: it runs as soon
 * as the current task's synchronous work is done, so a view that schedules its own paint
 * (lightweight-charts does) paints the data in the coming frame instead of one frame later. A
 * second request before that frame waits for it (ADR 0560).
 */
export function createFrameGate(frames: FrameScheduler = animationFrameScheduler): FrameScheduler {
  let open = true;
  let next = 1;
  const waiting = new Map<number, () => void>();
  const reopen = (): void => {
    open = true;
  };
  const closeForThisFrame = (): void => {
    open = false;
    frames.request(reopen);
  };
  return {
    request: (callback) => {
      const handle = next++;
      waiting.set(handle, callback);
      const run = (): void => {
        const due = waiting.get(handle);
        if (due === undefined) return;
        waiting.delete(handle);
        due();
      };
      if (open) {
        closeForThisFrame();
        queueMicrotask(run);
      } else
        frames.request(() => {
          closeForThisFrame();
          run();
        });
      return handle;
    },
    cancel: (handle) => {
      waiting.delete(handle);
    },
  };
}

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
