import type { RateRequest, RatePermit } from './rate-request.ts';
import { lanes, ratePools, type Lane, type RatePool } from './pools.ts';

/** One request waiting for budget. */
export interface Waiter {
  readonly request: RateRequest;
  /** Enqueue order across every pool and lane: the highest is the newest. */
  readonly seq: number;
  readonly enqueuedAt: number;
  /** Epoch ms after which an entry is rejected unsent; Infinity for everything else. */
  readonly deadlineAt: number;
  /** False once granted, shed, expired, dropped, aborted or stopped. */
  waiting: boolean;
  readonly resolve: (permit: RatePermit) => void;
  readonly reject: (error: unknown) => void;
  readonly detach: () => void;
}

/** How a waiter is created: its callbacks and the caller's abort signal. */
export interface WaiterSpec {
  readonly request: RateRequest;
  readonly now: number;
  readonly deadlineAt: number;
  readonly resolve: (permit: RatePermit) => void;
  readonly reject: (error: unknown) => void;
  readonly signal: AbortSignal | undefined;
}

/**
 * The limiter's waiting requests: one FIFO per pool and lane, a shared count, and the entries in
 * deadline order. Every way out of the queue goes through {@link LimiterQueue.take}, so the count
 * and the abort listeners never drift (ADR 0234).
 */
export class LimiterQueue {
  readonly #queues = new Map<RatePool, Record<Lane, Waiter[]>>();
  /** Waiters with a finite deadline, oldest first; taken ones are skipped lazily. */
  readonly #deadlines: Waiter[] = [];
  #size = 0;
  #seq = 0;

  constructor() {
    for (const pool of ratePools) this.#queues.set(pool, { protective: [], order: [], market: [] });
  }

  /** Requests waiting, across every pool and lane. */
  get size(): number {
    return this.#size;
  }

  /** The FIFO of one pool and lane (the limiter's pump walks and takes from it). */
  lane(pool: RatePool, lane: Lane): Waiter[] {
    return this.#queues.get(pool)?.[lane] ?? [];
  }

  /** Waiting requests of one pool. */
  countIn(pool: RatePool): number {
    const queues = this.#queues.get(pool);
    return queues === undefined ? 0 : lanes.reduce((sum, lane) => sum + queues[lane].length, 0);
  }

  /** Whether anything waits in `pool` at `lane` or a higher one (the fast path must not overtake it). */
  hasWaitingAtOrAbove(pool: RatePool, lane: Lane): boolean {
    for (const each of lanes) {
      if (this.lane(pool, each).length > 0) return true;
      if (each === lane) return false;
    }
    return false;
  }

  /** Queues a request; a caller abort takes it out and rejects with the signal's reason. */
  add(spec: WaiterSpec): void {
    const { signal } = spec;
    if (signal?.aborted === true) {
      spec.reject(signal.reason);
      return;
    }
    const queue = this.lane(spec.request.pool, spec.request.lane);
    const onAbort = (): void => {
      if (this.take(queue, queue.indexOf(waiter)) !== undefined) spec.reject(signal?.reason);
    };
    this.#seq += 1;
    const waiter: Waiter = {
      request: spec.request,
      seq: this.#seq,
      enqueuedAt: spec.now,
      deadlineAt: spec.deadlineAt,
      waiting: true,
      resolve: spec.resolve,
      reject: spec.reject,
      detach: () => signal?.removeEventListener('abort', onAbort),
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    queue.push(waiter);
    this.#size += 1;
    if (Number.isFinite(spec.deadlineAt)) this.#deadlines.push(waiter);
  }

  /** Takes the waiter at `index` out of `queue` (undefined when there is none); the caller settles it. */
  take(queue: Waiter[], index: number): Waiter | undefined {
    if (index < 0) return undefined;
    const [waiter] = queue.splice(index, 1);
    if (waiter === undefined) return undefined;
    waiter.waiting = false;
    waiter.detach();
    this.#size -= 1;
    return waiter;
  }

  /** The newest waiter of the lowest lane below `lane`, taken out; undefined when nothing lower waits. */
  takeNewestBelow(lane: Lane): Waiter | undefined {
    for (const lower of lanes.slice(lanes.indexOf(lane) + 1).reverse()) {
      let newest: Waiter[] | undefined;
      for (const queues of this.#queues.values()) {
        const candidate = queues[lower];
        if ((candidate.at(-1)?.seq ?? -1) > (newest?.at(-1)?.seq ?? -1)) newest = candidate;
      }
      if (newest !== undefined) return this.take(newest, newest.length - 1);
    }
    return undefined;
  }

  /** Takes out every waiter whose deadline passed, oldest first. */
  takeOverdue(now: number): Waiter[] {
    const overdue: Waiter[] = [];
    for (let head = this.#deadlines[0]; head !== undefined; head = this.#deadlines[0]) {
      if (head.waiting && head.deadlineAt > now) break;
      this.#deadlines.shift();
      if (!head.waiting) continue;
      const queue = this.lane(head.request.pool, head.request.lane);
      const taken = this.take(queue, queue.indexOf(head));
      if (taken !== undefined) overdue.push(taken);
    }
    return overdue;
  }

  /** The earliest deadline still waiting; Infinity when none. */
  nextDeadlineAt(): number {
    while (this.#deadlines[0]?.waiting === false) this.#deadlines.shift();
    return this.#deadlines[0]?.deadlineAt ?? Infinity;
  }

  /** Takes out every waiter `matches` selects. */
  takeWhere(matches: (request: RateRequest) => boolean): Waiter[] {
    const taken: Waiter[] = [];
    for (const queues of this.#queues.values()) {
      for (const lane of lanes) {
        const queue = queues[lane];
        for (let index = 0; index < queue.length;) {
          const waiter = queue[index];
          const out = waiter !== undefined && matches(waiter.request) ? this.take(queue, index) : undefined;
          if (out === undefined) index += 1;
          else taken.push(out);
        }
      }
    }
    return taken;
  }

  /** Takes out everything (stop). */
  takeAll(): Waiter[] {
    return this.takeWhere(() => true);
  }
}
