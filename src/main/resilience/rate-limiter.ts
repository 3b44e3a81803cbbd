import { RateLimitError } from '../../shared/errors.ts';
import type { ExchangeConfig } from '../config/sections/exchange.ts';
import type { Logger } from '../observability/logger.ts';
import type { Clock } from '../time/clock.ts';
import { EndpointWindow } from './endpoint-window.ts';
import { PoolBudget, type PoolUsage } from './pool-budget.ts';
import { LimiterQueue, type Waiter } from './limiter-queue.ts';
import { lanes, ratePools, type Lane, type RatePool } from './pools.ts';
import type { RateOutcome, RatePermit, RateRequest } from './rate-request.ts';
import {
  droppedByKillSwitch,
  limiterStopped,
  queueDeadline,
  queueFull,
  queueShed,
} from './queue-refusals.ts';

export type { RateOutcome, RatePermit, RateRequest } from './rate-request.ts';

/** The client-side limiter for KuCoin's resource pools (docs/reference/kucoin-futures.md#rate-limits), with priority lanes. */
export interface RateLimiter {
  /**
   * Waits for budget in the request's pool. A full queue sheds its lowest lane first: when a lower-lane
   * request is waiting, the newest of the lowest lane is rejected with RateLimitError `queue-shed` and
   * this one is queued; otherwise this one fails at once with `queue-full` (protective requests have
   * reserved slots). An entry still waiting after `orderQueueDeadlineMs` is rejected with
   * `queue-deadline`. Also throws `weight-exceeds-quota` when the request could never fit, and
   * `limiter-stopped` after {@link RateLimiter.stop}. Every refusal has `details.sent = false`.
   */
  acquire(request: RateRequest, signal?: AbortSignal): Promise<RatePermit>;
  /**
   * Rejects every waiting entry (a non-protective order placement not yet granted) at once with
   * RateLimitError `dropped-by-kill-switch` whose message carries `reason`; returns how many.
   * Protective requests, other writes and reads keep waiting.
   */
  dropQueuedEntries(reason: string): number;
  /** Per-pool usage (used, remaining, queued …) for metrics and the UI. */
  usage(): readonly PoolUsage[];
  /** Rejects everything queued and cancels the wake-up timer. */
  stop(): void;
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
  readonly #queue = new LimiterQueue();
  readonly #endpointWindows = new Map<string, EndpointWindow>();
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
      this.#budgets.set(
        pool,
        new PoolBudget(pool, limit, options.config.poolWindowMs, options.config.windowResetGuardMs),
      );
    }
    for (const cap of options.config.endpointLimits) {
      this.#endpointWindows.set(
        `${cap.method.toUpperCase()} ${cap.path}`,
        new EndpointWindow(cap.maxRequests, cap.perMs),
      );
    }
  }

  acquire(request: RateRequest, signal?: AbortSignal): Promise<RatePermit> {
    if (this.#stopped) return Promise.reject(limiterStopped());
    const budget = this.#budget(request.pool);
    if (request.weight > budget.limit) {
      return Promise.reject(
        new RateLimitError(
          'weight-exceeds-quota',
          `A ${request.route} request (weight ${request.weight}) can never fit the ${request.pool} pool quota of ${budget.limit}.`,
          { details: { ...request, limit: budget.limit }, retryable: false },
        ),
      );
    }
    const immediate = this.#grantNow(request);
    if (immediate !== undefined) return Promise.resolve(immediate);
    if (!this.#hasQueueRoom(request.lane) && !this.#shedFor(request)) {
      this.#logger.warn('rate-limit-queue-full', {
        pool: request.pool,
        lane: request.lane,
        route: request.route,
        queued: this.#queue.size,
      });
      return Promise.reject(queueFull(request, this.#queue.size, this.#config.queueCapacity));
    }
    return new Promise<RatePermit>((resolve, reject) => {
      const now = this.#clock.now();
      const deadlineAt = request.entry === true ? now + this.#config.orderQueueDeadlineMs : Infinity;
      this.#queue.add({ request, now, deadlineAt, resolve, reject, signal });
      this.#pump();
    });
  }

  dropQueuedEntries(reason: string): number {
    const dropped = this.#queue.takeWhere((request) => request.entry === true);
    for (const waiter of dropped) waiter.reject(droppedByKillSwitch(waiter.request, reason));
    if (dropped.length > 0)
      this.#logger.warn('rate-limit-entries-dropped', { count: dropped.length, reason });
    return dropped.length;
  }

  /** Fast path: nothing queued in this pool at this lane or above, a free slot and budget → grant at once. */
  #grantNow(request: RateRequest): RatePermit | undefined {
    if (this.#inFlight >= this.#slotsFor(request.lane) || this.#endpointWindows.has(request.route))
      return undefined;
    if (this.#queue.hasWaitingAtOrAbove(request.pool, request.lane)) return undefined;
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
    return this.#queue.size < limit;
  }

  /**
   * Makes room for `request` in a full queue by rejecting the newest waiter of the lowest lane below
   * its own; false when nothing lower is waiting. An order is thus never refused because reads
   * filled the queue, and a protective request never because anything else did (ADR 0234).
   */
  #shedFor(request: RateRequest): boolean {
    const shed = this.#queue.takeNewestBelow(request.lane);
    if (shed === undefined) return false;
    this.#logger.warn('rate-limit-queue-shed', {
      pool: shed.request.pool,
      lane: shed.request.lane,
      route: shed.request.route,
      madeRoomFor: request.route,
    });
    shed.reject(queueShed(shed.request, request, this.#config.queueCapacity));
    return true;
  }

  #pump(): void {
    if (this.#stopped) return;
    const now = this.#clock.now();
    this.#expireOverdue(now);
    for (const budget of this.#budgets.values()) budget.refresh(now);
    const wakeAt = this.#grantByLane(now);
    this.#scheduleWake(Math.min(wakeAt, this.#queue.nextDeadlineAt()), now);
  }

  /** Entries past their queue deadline are rejected unsent: a late order is worse than none. */
  #expireOverdue(now: number): void {
    for (const waiter of this.#queue.takeOverdue(now)) {
      this.#logger.warn('rate-limit-queue-deadline', {
        pool: waiter.request.pool,
        route: waiter.request.route,
        waitedMs: now - waiter.enqueuedAt,
      });
      waiter.reject(
        queueDeadline(waiter.request, now - waiter.enqueuedAt, this.#config.orderQueueDeadlineMs),
      );
    }
  }

  /**
   * Lane by lane across pools, so a protective request never waits behind any other lane. Returns
   * when budget next changes (Infinity when every slot is taken: a release pumps again).
   */
  #grantByLane(now: number): number {
    const blocked = new Set<RatePool>();
    let wakeAt = Infinity;
    for (const lane of lanes) {
      for (const pool of ratePools) {
        if (blocked.has(pool)) continue;
        const result = this.#pumpLane(pool, lane, now);
        wakeAt = Math.min(wakeAt, result.wakeAt);
        if (result.blocked) blocked.add(pool);
        if (this.#inFlight >= this.#config.maxConcurrentRequests) return Infinity;
      }
    }
    return wakeAt;
  }

  /** Grants what fits from one lane of one pool; `blocked` when the pool's budget stops it. */
  #pumpLane(pool: RatePool, lane: Lane, now: number): { wakeAt: number; blocked: boolean } {
    const budget = this.#budget(pool);
    const queue = this.#queue.lane(pool, lane);
    let wakeAt = Infinity;
    const slots = this.#slotsFor(lane);
    for (let index = 0; index < queue.length;) {
      if (this.#inFlight >= slots) return { wakeAt, blocked: false };
      const waiter = queue[index];
      if (waiter === undefined) break;
      const endpointWindow = this.#endpointWindows.get(waiter.request.route);
      if (endpointWindow !== undefined && !endpointWindow.allows(now)) {
        wakeAt = Math.min(wakeAt, endpointWindow.nextFreeAt(now));
        index += 1;
        continue;
      }
      if (!this.#fits(budget, waiter.request, now))
        return { wakeAt: Math.min(wakeAt, this.#nextChangeAt(budget, now) + 1), blocked: true };
      this.#queue.take(queue, index);
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
    this.#inFlight += 1;
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
        this.#logger.warn('rate-limit-quota-exceeded', {
          pool: request.pool,
          route: request.route,
          resetMs: outcome.headers.resetMs,
        });
        return;
      case 'overloaded': {
        budget.settle(request.weight);
        // Overload is not quota: give the weight back and pause (docs/reference/kucoin-futures.md#overload-is-not-quota).
        budget.remaining += request.weight;
        const pauseMs = budget.pauseForOverload(
          this.#config.overloadBackoffInitialMs,
          this.#config.overloadBackoffMaxMs,
          now,
        );
        this.#logger.warn('rate-limit-overload-backoff', {
          pool: request.pool,
          route: request.route,
          pauseMs,
        });
        return;
      }
      case 'not-sent':
        budget.settle(request.weight);
        budget.remaining += request.weight;
    }
  }

  #scheduleWake(wakeAt: number, now: number): void {
    if (wakeAt === Infinity || this.#queue.size === 0) return;
    if (this.#timer !== undefined && this.#timerAt <= wakeAt) return;
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timerAt = wakeAt;
    this.#timer = setTimeout(
      () => {
        this.#timer = undefined;
        this.#timerAt = Infinity;
        this.#pump();
      },
      Math.max(0, wakeAt - now),
    );
  }

  #budget(pool: RatePool): PoolBudget {
    const budget = this.#budgets.get(pool);
    if (budget === undefined)
      throw new RateLimitError('unknown-pool', `Unknown rate-limit pool ${pool}.`, { retryable: false });
    return budget;
  }

  usage(): readonly PoolUsage[] {
    const now = this.#clock.now();
    return ratePools.map((pool) => this.#budget(pool).usage(now, this.#queue.countIn(pool)));
  }

  stop(): void {
    this.#stopped = true;
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    for (const waiter of this.#queue.takeAll()) waiter.reject(limiterStopped());
  }
}
