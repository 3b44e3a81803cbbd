import { RateLimitError } from '../../shared/errors.ts';
import type { ExchangeConfig } from '../config/sections/exchange.ts';
import type { Logger } from '../observability/logger.ts';
import type { Clock } from '../time/clock.ts';
import { EndpointWindow } from './endpoint-window.ts';
import { PoolBudget, type PoolHeaders, type PoolUsage } from './pool-budget.ts';
import { lanes, ratePools, type Lane, type RatePool } from './pools.ts';

/** One request asking for budget. */
export interface RateRequest {
  readonly pool: RatePool;
  readonly weight: number;
  readonly lane: Lane;
  /** `METHOD /path/{template}`, for per-endpoint caps. */
  readonly route: string;
}

/** How a request ended, as far as the limiter cares. */
export type RateOutcome =
  | { readonly kind: 'answered'; readonly headers: PoolHeaders | undefined }
  | { readonly kind: 'quota-exceeded'; readonly headers: PoolHeaders }
  | { readonly kind: 'overloaded' }
  | { readonly kind: 'not-sent' };

/** Budget granted to one request; release it exactly once with what happened. */
export interface RatePermit {
  release(outcome: RateOutcome): void;
}

/** The client-side limiter for KuCoin's resource pools (§5.1), with priority lanes. */
export interface RateLimiter {
  /**
   * Waits for budget in the request's pool. A full queue sheds its lowest lane first: when a lower-lane
   * request is waiting, the newest of the lowest lane is rejected with RateLimitError `queue-shed` and
   * this one is queued; otherwise this one fails at once with `queue-full` (protective requests have
   * reserved slots). Also throws `weight-exceeds-quota` when the request could never fit, and
   * `limiter-stopped` after {@link RateLimiter.stop}. Every refusal has `details.sent = false`.
   */
  acquire(request: RateRequest, signal?: AbortSignal): Promise<RatePermit>;
  /** Per-pool usage (used, remaining, queued …) for metrics and the UI. */
  usage(): readonly PoolUsage[];
  /** Rejects everything queued and cancels the wake-up timer. */
  stop(): void;
}

interface Waiter {
  readonly request: RateRequest;
  /** Enqueue order across every pool and lane: the highest is the newest. */
  readonly seq: number;
  readonly resolve: (permit: RatePermit) => void;
  readonly reject: (error: unknown) => void;
  readonly detach: () => void;
}

/** Dependencies of {@link createRateLimiter}. */
export interface RateLimiterOptions {
  readonly config: ExchangeConfig['rateLimit'];
  readonly clock: Clock;
  readonly logger: Logger;
}

function initialLimit(config: ExchangeConfig['rateLimit'], pool: RatePool): number {
  if (pool === 'Public') return config.publicPoolWeight;
  if (pool === 'Futures') return config.futuresPoolWeight;
  return config.managementPoolWeight;
}

/** Creates the limiter. See {@link RateLimiter}. */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  return new PriorityRateLimiter(options);
}

class PriorityRateLimiter implements RateLimiter {
  readonly #config: ExchangeConfig['rateLimit'];
  readonly #clock: Clock;
  readonly #logger: Logger;
  readonly #budgets = new Map<RatePool, PoolBudget>();
  readonly #queues = new Map<RatePool, Record<Lane, Waiter[]>>();
  readonly #endpointWindows = new Map<string, EndpointWindow>();
  #queued = 0;
  #enqueued = 0;
  /** Granted and not yet released: bounded by `maxConcurrentRequests`. */
  #inFlight = 0;
  #timer: NodeJS.Timeout | undefined = undefined;
  #timerAt = Infinity;
  #stopped = false;

  constructor(options: RateLimiterOptions) {
    this.#config = options.config;
    this.#clock = options.clock;
    this.#logger = options.logger;
    for (const pool of ratePools) {
      const limit = initialLimit(options.config, pool);
      this.#budgets.set(pool, new PoolBudget(pool, limit, options.config.poolWindowMs, options.config.windowResetGuardMs));
      this.#queues.set(pool, { protective: [], order: [], market: [] });
    }
    for (const cap of options.config.endpointLimits) {
      this.#endpointWindows.set(`${cap.method.toUpperCase()} ${cap.path}`, new EndpointWindow(cap.maxRequests, cap.perMs));
    }
  }

  acquire(request: RateRequest, signal?: AbortSignal): Promise<RatePermit> {
    if (this.#stopped) return Promise.reject(stoppedError());
    const budget = this.#budget(request.pool);
    if (request.weight > budget.limit) {
      return Promise.reject(new RateLimitError('weight-exceeds-quota', `A ${request.route} request (weight ${request.weight}) can never fit the ${request.pool} pool quota of ${budget.limit}.`, { details: { ...request, limit: budget.limit }, retryable: false }));
    }
    const immediate = this.#grantNow(request);
    if (immediate !== undefined) return Promise.resolve(immediate);
    if (!this.#hasQueueRoom(request.lane) && !this.#shedFor(request)) {
      this.#logger.warn('rate-limit-queue-full', { pool: request.pool, lane: request.lane, route: request.route, queued: this.#queued });
      return Promise.reject(new RateLimitError('queue-full', 'Too many requests are waiting for the exchange rate limit; the request was not sent. Try again shortly.', { details: { ...request, sent: false, queued: this.#queued, capacity: this.#config.queueCapacity } }));
    }
    return new Promise<RatePermit>((resolve, reject) => {
      this.#enqueue(request, resolve, reject, signal);
      this.#pump();
    });
  }

  /** Fast path: nothing queued in this pool at this lane or above, a free slot and budget → grant at once. */
  #grantNow(request: RateRequest): RatePermit | undefined {
    if (this.#inFlight >= this.#slotsFor(request.lane) || this.#endpointWindows.has(request.route)) return undefined;
    const queues = this.#queues.get(request.pool);
    if (queues === undefined) return undefined;
    for (const lane of lanes) {
      if (queues[lane].length > 0) return undefined;
      if (lane === request.lane) break;
    }
    const budget = this.#budget(request.pool);
    const now = this.#clock.now();
    budget.refresh(now);
    if (!this.#fits(budget, request, now)) return undefined;
    this.#inFlight += 1;
    budget.spend(request.weight, now);
    return this.#permit(budget, request);
  }

  /**
   * Requests a lane may have on the wire at once: all slots for protective requests, the rest keep
   * `protectiveConcurrentSlots` free so hanging requests never leave a cancel or stop without one.
   */
  #slotsFor(lane: Lane): number {
    const total = this.#config.maxConcurrentRequests;
    if (lane === 'protective') return total;
    return Math.max(1, total - this.#config.protectiveConcurrentSlots);
  }

  #hasQueueRoom(lane: Lane): boolean {
    const capacity = this.#config.queueCapacity;
    const limit = lane === 'protective' ? capacity : capacity - this.#config.protectiveQueueSlots;
    return this.#queued < limit;
  }

  /**
   * Makes room for `request` in a full queue by rejecting the newest waiter of the lowest lane below
   * its own; false when nothing lower is waiting. An order is thus never refused because reads
   * filled the queue, and a protective request never because anything else did (ADR 0234).
   */
  #shedFor(request: RateRequest): boolean {
    const lower = lanes.slice(lanes.indexOf(request.lane) + 1).reverse();
    for (const lane of lower) {
      let newest: { queue: Waiter[]; waiter: Waiter } | undefined;
      for (const queues of this.#queues.values()) {
        const last = queues[lane].at(-1);
        if (last !== undefined && (newest === undefined || last.seq > newest.waiter.seq)) newest = { queue: queues[lane], waiter: last };
      }
      if (newest === undefined) continue;
      newest.queue.pop();
      this.#queued -= 1;
      newest.waiter.detach();
      this.#logger.warn('rate-limit-queue-shed', { pool: newest.waiter.request.pool, lane, route: newest.waiter.request.route, madeRoomFor: request.route });
      newest.waiter.reject(new RateLimitError('queue-shed', `The request was not sent: it was dropped from the full rate-limit queue to make room for a more urgent request (${request.lane} lane). Try again shortly.`, {
        details: { ...newest.waiter.request, sent: false, madeRoomFor: request.route, capacity: this.#config.queueCapacity },
      }));
      return true;
    }
    return false;
  }

  #enqueue(request: RateRequest, resolve: Waiter['resolve'], reject: Waiter['reject'], signal?: AbortSignal): void {
    const queue = this.#laneQueue(request);
    const onAbort = (): void => {
      const index = queue.indexOf(waiter);
      if (index < 0) return;
      queue.splice(index, 1);
      this.#queued -= 1;
      reject(signal?.reason ?? stoppedError());
    };
    this.#enqueued += 1;
    const waiter: Waiter = { request, seq: this.#enqueued, resolve, reject, detach: () => signal?.removeEventListener('abort', onAbort) };
    if (signal?.aborted === true) {
      reject(signal.reason);
      return;
    }
    signal?.addEventListener('abort', onAbort, { once: true });
    queue.push(waiter);
    this.#queued += 1;
  }

  #pump(): void {
    if (this.#stopped) return;
    const now = this.#clock.now();
    for (const budget of this.#budgets.values()) budget.refresh(now);
    const blocked = new Set<RatePool>();
    let wakeAt = Infinity;
    // Lane by lane across pools, so a protective request never waits behind any other lane.
    for (const lane of lanes) {
      for (const pool of ratePools) {
        if (blocked.has(pool)) continue;
        const result = this.#pumpLane(pool, lane, now);
        wakeAt = Math.min(wakeAt, result.wakeAt);
        if (result.blocked) blocked.add(pool);
        if (this.#inFlight >= this.#config.maxConcurrentRequests) return;
      }
    }
    this.#scheduleWake(wakeAt, now);
  }

  /** Grants what fits from one lane of one pool; `blocked` when the pool's budget stops it. */
  #pumpLane(pool: RatePool, lane: Lane, now: number): { wakeAt: number; blocked: boolean } {
    const budget = this.#budget(pool);
    const queue = this.#queues.get(pool)?.[lane] ?? [];
    let wakeAt = Infinity;
    const slots = this.#slotsFor(lane);
    for (let index = 0; index < queue.length; ) {
      if (this.#inFlight >= slots) return { wakeAt, blocked: false };
      const waiter = queue[index];
      if (waiter === undefined) break;
      const endpointWindow = this.#endpointWindows.get(waiter.request.route);
      if (endpointWindow !== undefined && !endpointWindow.allows(now)) {
        wakeAt = Math.min(wakeAt, endpointWindow.nextFreeAt(now));
        index += 1;
        continue;
      }
      if (!this.#fits(budget, waiter.request, now)) return { wakeAt: Math.min(wakeAt, this.#nextChangeAt(budget, now) + 1), blocked: true };
      queue.splice(index, 1);
      this.#grant(budget, waiter, endpointWindow, now);
    }
    return { wakeAt, blocked: false };
  }

  #fits(budget: PoolBudget, request: RateRequest, now: number): boolean {
    if (now < budget.pausedUntil) return false;
    return budget.remaining - this.#reserveFor(budget, request.lane, now) >= request.weight;
  }

  /** Weight only protective requests may spend; released near the window's end (config). */
  #reserveFor(budget: PoolBudget, lane: Lane, now: number): number {
    if (lane === 'protective' || now >= this.#reserveReleaseAt(budget)) return 0;
    return Math.ceil(budget.limit * this.#config.protectiveReserveShare);
  }

  #reserveReleaseAt(budget: PoolBudget): number {
    if (budget.resetAt === undefined) return Infinity;
    return budget.resetAt - this.#config.poolWindowMs * this.#config.protectiveReserveReleaseShare;
  }

  #nextChangeAt(budget: PoolBudget, now: number): number {
    const release = this.#reserveReleaseAt(budget);
    return Math.min(budget.nextChangeAt(now), release > now ? release : Infinity);
  }

  #grant(budget: PoolBudget, waiter: Waiter, endpointWindow: EndpointWindow | undefined, now: number): void {
    this.#queued -= 1;
    this.#inFlight += 1;
    waiter.detach();
    budget.spend(waiter.request.weight, now);
    endpointWindow?.record(now);
    waiter.resolve(this.#permit(budget, waiter.request));
  }

  #permit(budget: PoolBudget, request: RateRequest): RatePermit {
    let released = false;
    return {
      release: (outcome) => {
        if (released) return;
        released = true;
        this.#inFlight -= 1;
        this.#settle(budget, request, outcome);
        this.#pump();
      },
    };
  }

  #settle(budget: PoolBudget, request: RateRequest, outcome: RateOutcome): void {
    const now = this.#clock.now();
    switch (outcome.kind) {
      case 'answered':
        budget.overloadStreak = 0;
        if (outcome.headers === undefined) budget.settle(request.weight);
        else budget.observe(outcome.headers, request.weight, now);
        return;
      case 'quota-exceeded':
        budget.settle(request.weight);
        budget.exhaust(outcome.headers.resetMs, now);
        this.#logger.warn('rate-limit-quota-exceeded', { pool: request.pool, route: request.route, resetMs: outcome.headers.resetMs });
        return;
      case 'overloaded': {
        budget.settle(request.weight);
        // Overload is not quota: give the weight back and pause (field lesson 8).
        budget.remaining += request.weight;
        const pauseMs = budget.pauseForOverload(this.#config.overloadBackoffInitialMs, this.#config.overloadBackoffMaxMs, now);
        this.#logger.warn('rate-limit-overload-backoff', { pool: request.pool, route: request.route, pauseMs });
        return;
      }
      case 'not-sent':
        budget.settle(request.weight);
        budget.remaining += request.weight;
    }
  }

  #scheduleWake(wakeAt: number, now: number): void {
    if (wakeAt === Infinity || this.#queued === 0) return;
    if (this.#timer !== undefined && this.#timerAt <= wakeAt) return;
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timerAt = wakeAt;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#timerAt = Infinity;
      this.#pump();
    }, Math.max(0, wakeAt - now));
  }

  #budget(pool: RatePool): PoolBudget {
    const budget = this.#budgets.get(pool);
    if (budget === undefined) throw new RateLimitError('unknown-pool', `Unknown rate-limit pool ${pool}.`, { retryable: false });
    return budget;
  }

  #laneQueue(request: RateRequest): Waiter[] {
    const queues = this.#queues.get(request.pool);
    if (queues === undefined) throw new RateLimitError('unknown-pool', `Unknown rate-limit pool ${request.pool}.`, { retryable: false });
    return queues[request.lane];
  }

  usage(): readonly PoolUsage[] {
    const now = this.#clock.now();
    return ratePools.map((pool) => {
      const queues = this.#queues.get(pool);
      const queued = queues === undefined ? 0 : lanes.reduce((sum, lane) => sum + queues[lane].length, 0);
      return this.#budget(pool).usage(now, queued);
    });
  }

  stop(): void {
    this.#stopped = true;
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    for (const queues of this.#queues.values()) {
      for (const lane of lanes) {
        for (const waiter of queues[lane].splice(0)) {
          waiter.detach();
          waiter.reject(stoppedError());
        }
      }
    }
    this.#queued = 0;
  }
}

function stoppedError(): RateLimitError {
  return new RateLimitError('limiter-stopped', 'The exchange client is stopping; the request was not sent.', { retryable: false });
}
