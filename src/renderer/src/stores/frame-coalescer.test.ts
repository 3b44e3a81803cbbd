import { describe, expect, it } from 'vitest';
import { createFrameCoalescer, createFrameGate, type FrameScheduler } from './frame-coalescer.ts';

function manualFrames() {
  const callbacks = new Map<number, () => void>();
  let next = 1;
  const scheduler: FrameScheduler = {
    request: (callback) => {
      callbacks.set(next, callback);
      return next++;
    },
    cancel: (handle) => callbacks.delete(handle),
  };
  const runFrame = (): void => {
    const due = [...callbacks.values()];
    callbacks.clear();
    for (const callback of due) callback();
  };
  return { scheduler, runFrame, scheduled: () => callbacks.size };
}

describe('frame coalescer', () => {
  it('applies only the latest value per key, once per frame', () => {
    const frames = manualFrames();
    const applied: [string, number][] = [];
    const coalescer = createFrameCoalescer<number>(
      (key, value) => applied.push([key, value]),
      frames.scheduler,
    );
    coalescer.push('XBTUSDTM:1', 1);
    coalescer.push('XBTUSDTM:1', 2);
    coalescer.push('ETHUSDTM:1', 7);
    coalescer.push('XBTUSDTM:1', 3);
    expect(applied).toEqual([]);
    expect(frames.scheduled()).toBe(1);
    frames.runFrame();
    expect(applied).toEqual([
      ['XBTUSDTM:1', 3],
      ['ETHUSDTM:1', 7],
    ]);
  });

  it('schedules a new frame for ticks after a flush', () => {
    const frames = manualFrames();
    const applied: number[] = [];
    const coalescer = createFrameCoalescer<number>((_key, value) => applied.push(value), frames.scheduler);
    coalescer.push('k', 1);
    frames.runFrame();
    coalescer.push('k', 2);
    frames.runFrame();
    expect(applied).toEqual([1, 2]);
  });

  it('flush applies pending now and cancels the frame; dispose drops pending', () => {
    const frames = manualFrames();
    const applied: number[] = [];
    const coalescer = createFrameCoalescer<number>((_key, value) => applied.push(value), frames.scheduler);
    coalescer.push('k', 1);
    coalescer.flush();
    expect(applied).toEqual([1]);
    expect(frames.scheduled()).toBe(0);
    coalescer.push('k', 2);
    coalescer.dispose();
    frames.runFrame();
    expect(applied).toEqual([1]);
  });

  it('through a frame gate: the first push of a frame is applied at once, later ones in the next frame, latest only', async () => {
    const frames = manualFrames();
    const applied: number[] = [];
    const coalescer = createFrameCoalescer<number>(
      (_key, value) => applied.push(value),
      createFrameGate(frames.scheduler),
    );
    coalescer.push('k', 1);
    await Promise.resolve();
    expect(applied).toEqual([1]);
    coalescer.push('k', 2);
    coalescer.push('k', 3);
    await Promise.resolve();
    expect(applied).toEqual([1]);
    frames.runFrame();
    expect(applied).toEqual([1, 3]);
    // That frame had its update: the next push waits for the frame after.
    coalescer.push('k', 4);
    await Promise.resolve();
    expect(applied).toEqual([1, 3]);
    frames.runFrame();
    expect(applied).toEqual([1, 3, 4]);
    // A frame with none reopens the gate.
    frames.runFrame();
    coalescer.push('k', 5);
    await Promise.resolve();
    expect(applied).toEqual([1, 3, 4, 5]);
    coalescer.push('k', 6);
    coalescer.dispose();
    frames.runFrame();
    expect(applied).toEqual([1, 3, 4, 5]);
  });
});
