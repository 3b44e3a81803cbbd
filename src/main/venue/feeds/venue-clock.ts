import type { Clock } from '../../time/clock.ts';
import { systemClock } from '../../time/clock.ts';

/**
 * Venue time (ADR 0102): epoch milliseconds of the paper venue, which may run faster than the
 * wall clock (`timeScale` venue seconds per wall second) and can be advanced by hand in tests.
 */
export interface VenueClock extends Clock {
  /** Venue seconds per wall second (1 = real time). */
  readonly timeScale: number;
  /** Moves venue time forward by `ms` (never backward). */
  advance(ms: number): void;
}

/** How to build a venue clock. */
export interface VenueClockOptions {
  /** Venue time at creation; defaults to the wall clock's now. */
  readonly startMs?: number;
  /** Venue seconds per wall second; 0 = frozen (manual only). */
  readonly timeScale: number;
  /** Wall clock to scale; defaults to the system clock. */
  readonly wall?: Clock;
}

/**
 * A clock that runs `timeScale` times faster than `wall` and adds manual advances on top.
 * With `timeScale: 0` it only moves when `advance` is called (deterministic tests).
 */
export function createVenueClock(options: VenueClockOptions): VenueClock {
  const wall = options.wall ?? systemClock;
  const wallStart = wall.now();
  const start = options.startMs ?? wallStart;
  let manualMs = 0;
  return {
    timeScale: options.timeScale,
    now: () => Math.floor(start + (wall.now() - wallStart) * options.timeScale + manualMs),
    advance: (ms: number) => {
      if (ms > 0) manualMs += ms;
    },
  };
}

/** A frozen venue clock for tests: time moves only through `advance`. */
export function createManualVenueClock(startMs: number): VenueClock {
  return createVenueClock({ startMs, timeScale: 0, wall: { now: () => 0 } });
}
