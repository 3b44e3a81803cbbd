import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RateLimitError } from '../../shared/errors.ts';
import { exchangeConfigSchema } from '../config/sections/exchange.ts';
import { silentLogger } from '../observability/logger.ts';
import { PoolBudget } from './pool-budget.ts';
import { createRateLimiter, type RatePermit, type RateRequest } from './rate-limiter.ts';

const clock = { now: () => Date.now() };

function limiter(overrides: Record<string, unknown> = {}) {
  const config = exchangeConfigSchema.parse({
    rateLimit: {
      futuresPoolWeight: 100,
      poolWindowMs: 1_000,
      protectiveReserveShare: 0.2,
      protectiveReserveReleaseShare: 0,
      queueCapacity: 10,
      protectiveQueueSlots: 3,
      windowResetGuardMs: 0,
      maxConcurrentRequests: 100,
      ...overrides,
    },
  }).rateLimit;
  return createRateLimiter({ config, clock, logger: silentLogger });
}

const order: RateRequest = { pool: 'Futures', weight: 10, lane: 'order', route: 'POST /api/v1/orders' };
const cancel: RateRequest = {
  pool: 'Futures',
  weight: 10,
  lane: 'protective',
  route: 'DELETE /api/v1/orders/{orderId}',
};
const market: RateRequest = { pool: 'Futures', weight: 10, lane: 'market', route: 'GET /api/v1/positions' };
/** A new order (not reduce-only): queue deadline and kill-switch drop apply. */
const entryOrder: RateRequest = { ...order, entry: true };
/** A reduce-only order: protective, no deadline, never dropped. */
const closeOrder: RateRequest = { ...order, lane: 'protective' };

async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(
    () => {
      done = true;
    },
    () => {
      done = true;
    },
  );
  await vi.advanceTimersByTimeAsync(0);
  return done;
}

describe('rate limiter', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('keeps the protective reserve: orders stop at limit − reserve, cancels still go', async () => {
    const rl = limiter();
    const permits: RatePermit[] = [];
    for (let i = 0; i < 8; i += 1) permits.push(await rl.acquire(order));
    const ninth = rl.acquire(order);
    expect(await settled(ninth)).toBe(false);
    await rl.acquire(cancel);
    await rl.acquire(cancel);
    expect(rl.usage().find((u) => u.pool === 'Futures')).toMatchObject({
      used: 100,
      remaining: 0,
      queued: 1,
    });
    await vi.advanceTimersByTimeAsync(1_001);
    expect(await settled(ninth)).toBe(true);
    rl.stop();
  });

  it('releases the reserve to every lane near the end of the window', async () => {
    const rl = limiter({ protectiveReserveReleaseShare: 0.3 });
    for (let i = 0; i < 8; i += 1) await rl.acquire(order);
    const ninth = rl.acquire(order);
    expect(await settled(ninth)).toBe(false);
    await vi.advanceTimersByTimeAsync(701);
    expect(await settled(ninth)).toBe(true);
    rl.stop();
  });

  it('serves lanes by priority: protective before orders before market data', async () => {
    const rl = limiter();
    for (let i = 0; i < 10; i += 1) await rl.acquire(cancel);
    const served: string[] = [];
    const wait = (request: RateRequest) => rl.acquire(request).then(() => served.push(request.lane));
    const all = [wait(market), wait(order), wait(cancel)];
    await vi.advanceTimersByTimeAsync(1_001);
    await Promise.all(all);
    expect(served).toEqual(['protective', 'order', 'market']);
    rl.stop();
  });

  it('fails at once with queue-full, keeping slots for protective requests', async () => {
    const rl = limiter();
    for (let i = 0; i < 10; i += 1) await rl.acquire(cancel);
    const queued = Array.from({ length: 7 }, () => rl.acquire(order).catch(() => undefined));
    await expect(rl.acquire(order)).rejects.toMatchObject({ code: 'queue-full' });
    await expect(rl.acquire(market)).rejects.toBeInstanceOf(RateLimitError);
    const protectiveQueued = rl.acquire(cancel);
    expect(await settled(protectiveQueued)).toBe(false);
    rl.stop();
    await Promise.all(queued);
    await expect(protectiveQueued).rejects.toMatchObject({ code: 'limiter-stopped' });
  });

  it('a full queue sheds the newest read for an order; a read arriving at a full queue is refused at once', async () => {
    const rl = limiter();
    for (let i = 0; i < 10; i += 1) await rl.acquire(cancel);
    const reads = Array.from({ length: 7 }, () =>
      rl.acquire(market).then(
        () => 'granted',
        (error: unknown) => error,
      ),
    );
    const queuedOrder = rl.acquire(order);
    expect(await settled(queuedOrder)).toBe(false);
    expect(await settled(reads[6] ?? Promise.resolve())).toBe(true);
    const shed = await reads[6];
    expect(shed).toBeInstanceOf(RateLimitError);
    expect(shed).toMatchObject({
      code: 'queue-shed',
      details: { sent: false, route: market.route, lane: 'market' },
    });
    expect((shed as RateLimitError).message).toMatch(/more urgent/);
    for (const read of reads.slice(0, 6)) expect(await settled(read)).toBe(false);
    await expect(rl.acquire(market)).rejects.toMatchObject({ code: 'queue-full', details: { sent: false } });
    expect(rl.usage().find((u) => u.pool === 'Futures')?.queued).toBe(7);
    await vi.advanceTimersByTimeAsync(1_001);
    await expect(queuedOrder).resolves.toBeDefined();
    rl.stop();
    await Promise.all(reads);
  });

  it('an order is refused only when orders fill the queue; a protective request then sheds the newest order', async () => {
    const rl = limiter();
    for (let i = 0; i < 10; i += 1) await rl.acquire(cancel);
    const orders = Array.from({ length: 7 }, () =>
      rl.acquire(order).then(
        () => 'granted',
        (error: unknown) => error,
      ),
    );
    await expect(rl.acquire(order)).rejects.toMatchObject({ code: 'queue-full' });
    const cancels = Array.from({ length: 3 }, () => rl.acquire(cancel));
    for (const c of cancels) expect(await settled(c)).toBe(false);
    const fourthCancel = rl.acquire(cancel);
    expect(await settled(fourthCancel)).toBe(false);
    expect(await orders[6]).toMatchObject({ code: 'queue-shed', details: { sent: false, lane: 'order' } });
    expect(await settled(orders[5] ?? Promise.resolve())).toBe(false);
    rl.stop();
    await Promise.allSettled([...orders, ...cancels, fourthCancel]);
  });

  it('sheds the lowest lane first, across pools', async () => {
    const rl = limiter({ maxConcurrentRequests: 1, protectiveConcurrentSlots: 0 });
    const held = await rl.acquire(market);
    const publicRead = rl.acquire({ ...market, pool: 'Public', route: 'GET /api/v1/ticker' }).then(
      () => 'granted',
      (error: unknown) => error,
    );
    const waiting = [
      ...Array.from({ length: 3 }, () => rl.acquire(order)),
      ...Array.from({ length: 3 }, () => rl.acquire(market)),
    ].map((p) =>
      p.then(
        () => 'granted',
        (error: unknown) => error,
      ),
    );
    // Queue: 1 Public read, 3 orders, 3 Futures reads = 7, full for non-protective requests.
    const newcomer = rl.acquire(order);
    expect(await settled(newcomer)).toBe(false);
    expect(await waiting[5]).toMatchObject({ code: 'queue-shed' });
    const second = rl.acquire(order);
    expect(await waiting[4]).toMatchObject({ code: 'queue-shed' });
    const third = rl.acquire(order);
    expect(await waiting[3]).toMatchObject({ code: 'queue-shed' });
    // The Public read is the last market waiter left: it goes next, then orders refuse orders.
    const fourth = rl.acquire(order);
    expect(await publicRead).toMatchObject({ code: 'queue-shed' });
    await expect(rl.acquire(order)).rejects.toMatchObject({ code: 'queue-full' });
    held.release({ kind: 'answered', headers: undefined });
    rl.stop();
    await Promise.allSettled([...waiting, newcomer, second, third, fourth]);
  });

  it('re-syncs from gw-ratelimit headers: the server says less is left', async () => {
    const rl = limiter();
    const permit = await rl.acquire(order);
    permit.release({ kind: 'answered', headers: { limit: 100, remaining: 25, resetMs: 1_000 } });
    expect(rl.usage().find((u) => u.pool === 'Futures')?.remaining).toBe(25);
    const blocked = rl.acquire(order);
    expect(await settled(blocked)).toBe(false);
    await vi.advanceTimersByTimeAsync(1_001);
    expect(await settled(blocked)).toBe(true);
    rl.stop();
  });

  it('treats a 429000 without headers as overload: backs off without spending quota', async () => {
    const rl = limiter({ overloadBackoffInitialMs: 200 });
    const permit = await rl.acquire(order);
    permit.release({ kind: 'overloaded' });
    const usage = rl.usage().find((u) => u.pool === 'Futures');
    expect(usage).toMatchObject({ remaining: 100 });
    expect(usage?.pausedForMs).toBeGreaterThan(0);
    const next = rl.acquire(order);
    expect(await settled(next)).toBe(false);
    await vi.advanceTimersByTimeAsync(201);
    expect(await settled(next)).toBe(true);
    rl.stop();
  });

  it('applies per-endpoint caps on top of the pool', async () => {
    const rl = limiter({
      endpointLimits: [{ method: 'POST', path: '/api/v1/orders', maxRequests: 2, perMs: 300 }],
    });
    await rl.acquire(order);
    await rl.acquire(order);
    const third = rl.acquire(order);
    const other = rl.acquire(market);
    expect(await settled(other)).toBe(true);
    expect(await settled(third)).toBe(false);
    await vi.advanceTimersByTimeAsync(301);
    expect(await settled(third)).toBe(true);
    rl.stop();
  });

  it('caps requests on the wire; a released permit lets the highest lane through first', async () => {
    const rl = limiter({ maxConcurrentRequests: 2, protectiveConcurrentSlots: 0 });
    const first = await rl.acquire(market);
    await rl.acquire(market);
    const queuedOrder = rl.acquire(order);
    const queuedCancel = rl.acquire(cancel);
    expect(await settled(queuedOrder)).toBe(false);
    first.release({ kind: 'answered', headers: undefined });
    expect(await settled(queuedCancel)).toBe(true);
    expect(await settled(queuedOrder)).toBe(false);
    rl.stop();
    await queuedOrder.catch(() => undefined);
  });

  it('keeps protective slots on the wire: hanging orders and reads cannot take the last ones', async () => {
    const rl = limiter({ maxConcurrentRequests: 4, protectiveConcurrentSlots: 2 });
    const held = [await rl.acquire(order), await rl.acquire(market)];
    const thirdOrder = rl.acquire(order);
    const thirdRead = rl.acquire(market);
    expect(await settled(thirdOrder)).toBe(false);
    expect(await settled(thirdRead)).toBe(false);
    const firstCancel = rl.acquire(cancel);
    const secondCancel = rl.acquire(cancel);
    expect(await settled(firstCancel)).toBe(true);
    expect(await settled(secondCancel)).toBe(true);
    // All four slots busy now: even a protective request waits, and it goes first when one frees.
    const thirdCancel = rl.acquire(cancel);
    expect(await settled(thirdCancel)).toBe(false);
    held[0]?.release({ kind: 'answered', headers: undefined });
    expect(await settled(thirdCancel)).toBe(true);
    expect(await settled(thirdOrder)).toBe(false);
    rl.stop();
    await Promise.allSettled([thirdOrder, thirdRead]);
  });

  it('an entry waiting in the queue past orderQueueDeadlineMs is rejected unsent; protective requests and other writes have no deadline', async () => {
    const rl = limiter({
      maxConcurrentRequests: 1,
      protectiveConcurrentSlots: 0,
      orderQueueDeadlineMs: 5_000,
    });
    const held = await rl.acquire(market);
    const entry = rl.acquire(entryOrder).then(
      () => 'granted',
      (error: unknown) => error,
    );
    const write = rl.acquire(order).then(
      () => 'granted',
      (error: unknown) => error,
    );
    const protectiveClose = rl.acquire(closeOrder).then(
      () => 'granted',
      (error: unknown) => error,
    );
    await vi.advanceTimersByTimeAsync(4_999);
    expect(await settled(entry)).toBe(false);
    await vi.advanceTimersByTimeAsync(2);
    const expired = await entry;
    expect(expired).toBeInstanceOf(RateLimitError);
    expect(expired).toMatchObject({
      code: 'queue-deadline',
      retryable: false,
      details: { sent: false, route: entryOrder.route, deadlineMs: 5_000 },
    });
    expect((expired as RateLimitError).message).toMatch(/5000 ms/);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(await settled(write)).toBe(false);
    expect(await settled(protectiveClose)).toBe(false);
    expect(rl.usage().find((u) => u.pool === 'Futures')?.queued).toBe(2);
    held.release({ kind: 'answered', headers: undefined });
    expect(await protectiveClose).toBe('granted');
    rl.stop();
    await write;
  });

  it('an entry granted before its deadline is not touched by it', async () => {
    const rl = limiter({
      maxConcurrentRequests: 1,
      protectiveConcurrentSlots: 0,
      orderQueueDeadlineMs: 5_000,
    });
    const held = await rl.acquire(market);
    const entry = rl.acquire(entryOrder);
    await vi.advanceTimersByTimeAsync(1_000);
    held.release({ kind: 'answered', headers: undefined });
    const permit = await entry;
    await vi.advanceTimersByTimeAsync(10_000);
    permit.release({ kind: 'answered', headers: undefined });
    expect(rl.usage().find((u) => u.pool === 'Futures')?.queued).toBe(0);
    rl.stop();
  });

  it('dropQueuedEntries rejects every waiting entry at once with the reason, and nothing else', async () => {
    const rl = limiter({ maxConcurrentRequests: 1, protectiveConcurrentSlots: 0 });
    const held = await rl.acquire(market);
    const outcome = (p: Promise<unknown>) =>
      p.then(
        () => 'granted',
        (error: unknown) => error,
      );
    const entries = [
      outcome(rl.acquire(entryOrder)),
      outcome(rl.acquire(entryOrder)),
      outcome(rl.acquire({ ...entryOrder, lane: 'protective' })),
    ];
    const others = [
      outcome(rl.acquire(closeOrder)),
      outcome(rl.acquire(cancel)),
      outcome(rl.acquire(order)),
      outcome(rl.acquire(market)),
    ];
    expect(rl.dropQueuedEntries('the kill switch was engaged')).toBe(3);
    for (const entry of entries) {
      const error = await entry;
      expect(error).toBeInstanceOf(RateLimitError);
      expect(error).toMatchObject({
        code: 'dropped-by-kill-switch',
        retryable: false,
        details: { sent: false, reason: 'the kill switch was engaged' },
      });
      expect((error as RateLimitError).message).toContain('the kill switch was engaged');
    }
    for (const other of others) expect(await settled(other)).toBe(false);
    expect(rl.dropQueuedEntries('again')).toBe(0);
    held.release({ kind: 'answered', headers: undefined });
    expect(await others[0]).toBe('granted');
    rl.stop();
    await Promise.all(others);
  });

  it('refuses a weight that can never fit', async () => {
    const rl = limiter();
    await expect(rl.acquire({ ...order, weight: 800 })).rejects.toMatchObject({
      code: 'weight-exceeds-quota',
    });
    rl.stop();
  });
});

describe('pool budget', () => {
  it('never raises the estimate from an out-of-order answer in the same window', () => {
    const budget = new PoolBudget('Futures', 100, 1_000, 0);
    budget.spend(10, 0);
    budget.spend(10, 0);
    budget.observe({ limit: 100, remaining: 80, resetMs: 990 }, 10, 10);
    budget.observe({ limit: 100, remaining: 90, resetMs: 990 }, 10, 10);
    expect(budget.remaining).toBe(80);
  });

  it('adopts the exact server number once nothing is in flight', () => {
    const budget = new PoolBudget('Futures', 100, 1_000, 0);
    budget.spend(10, 0);
    budget.spend(10, 0);
    budget.observe({ limit: 100, remaining: 85, resetMs: 990 }, 10, 10);
    expect(budget.remaining).toBe(75);
    budget.observe({ limit: 100, remaining: 80, resetMs: 990 }, 10, 10);
    expect(budget.remaining).toBe(80);
  });

  it('counts still-in-flight requests against the server remaining', () => {
    const budget = new PoolBudget('Futures', 100, 1_000, 0);
    budget.spend(10, 0);
    budget.spend(10, 0);
    budget.observe({ limit: 100, remaining: 70, resetMs: 500 }, 10, 0);
    expect(budget.remaining).toBe(60);
  });
});
