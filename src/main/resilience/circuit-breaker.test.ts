import { describe, expect, it } from 'vitest';
import {
  CircuitOpenError,
  ConnectionError,
  NetworkError,
  OrderRejectedError,
  TimeoutError,
} from '../../shared/errors.ts';
import { exchangeConfigSchema } from '../config/sections/exchange.ts';
import { silentLogger } from '../observability/logger.ts';
import { createCircuitBreaker, type BreakerStateChange } from './circuit-breaker.ts';
import { isRetryableRead, retryRead } from './retry-policy.ts';

const clock = { now: () => Date.now() };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function breaker(cooldownMs = 50) {
  const config = exchangeConfigSchema.parse({
    breaker: { breakerFailureThreshold: 5, breakerCooldownMs: cooldownMs },
  }).breaker;
  const b = createCircuitBreaker({ config, clock, logger: silentLogger });
  const changes: BreakerStateChange[] = [];
  b.onStateChange((change) => changes.push(change));
  return { b, changes };
}

const unreachable = () => Promise.reject(new NetworkError('exchange-unavailable', '500'));

describe('circuit breaker', () => {
  it('opens after 5 consecutive unreachable failures, fails fast, half-opens once, closes on success', async () => {
    const { b, changes } = breaker();
    for (let i = 0; i < 5; i += 1) await expect(b.execute(unreachable)).rejects.toBeInstanceOf(NetworkError);
    expect(b.state()).toBe('open');
    let called = false;
    await expect(
      b.execute(() => {
        called = true;
        return Promise.resolve();
      }),
    ).rejects.toBeInstanceOf(CircuitOpenError);
    expect(called).toBe(false);
    await sleep(60);
    let release: () => void = () => undefined;
    const probe = b.execute(
      () =>
        new Promise<string>((resolve) => {
          release = () => {
            resolve('ok');
          };
        }),
    );
    await sleep(0);
    expect(b.state()).toBe('half-open');
    await expect(b.execute(() => Promise.resolve('second'))).rejects.toBeInstanceOf(CircuitOpenError);
    release();
    await expect(probe).resolves.toBe('ok');
    expect(b.state()).toBe('closed');
    expect(changes.map((c) => c.to)).toEqual(['open', 'half-open', 'closed']);
    expect(changes[0]?.reason).toBe('500');
  });

  it('re-opens when the probe fails', async () => {
    const { b, changes } = breaker();
    for (let i = 0; i < 5; i += 1) await b.execute(unreachable).catch(() => undefined);
    await sleep(60);
    await expect(
      b.execute(() => Promise.reject(new TimeoutError('request-timeout', 't'))),
    ).rejects.toBeInstanceOf(TimeoutError);
    expect(b.state()).toBe('open');
    expect(changes.map((c) => c.to)).toEqual(['open', 'half-open', 'open']);
  });

  it('never counts business rejections, and they prove the exchange answered', async () => {
    const { b } = breaker();
    for (let i = 0; i < 4; i += 1) await b.execute(unreachable).catch(() => undefined);
    await expect(
      b.execute(() => Promise.reject(new OrderRejectedError('order-rejected', 'no'))),
    ).rejects.toBeInstanceOf(OrderRejectedError);
    for (let i = 0; i < 4; i += 1) await b.execute(unreachable).catch(() => undefined);
    expect(b.state()).toBe('closed');
    for (let i = 0; i < 20; i += 1)
      await b
        .execute(() => Promise.reject(new OrderRejectedError('order-rejected', 'no')))
        .catch(() => undefined);
    expect(b.state()).toBe('closed');
  });
});

describe('circuit breaker on a driven clock', () => {
  function driven() {
    const time = { now: 1_000_000 };
    const config = exchangeConfigSchema.parse({
      breaker: { breakerFailureThreshold: 5, breakerCooldownMs: 60_000 },
    }).breaker;
    const b = createCircuitBreaker({ config, clock: { now: () => time.now }, logger: silentLogger });
    const changes: BreakerStateChange[] = [];
    b.onStateChange((change) => changes.push(change));
    return { b, changes, time };
  }

  it('open → half-open → closed follows the injected clock, not the wall clock (60 s cool-down, no waiting)', async () => {
    const { b, changes, time } = driven();
    for (let i = 0; i < 5; i += 1) await b.execute(unreachable).catch(() => undefined);
    expect(b.state()).toBe('open');
    time.now += 59_999;
    let called = 0;
    await expect(
      b.execute(() => {
        called += 1;
        return Promise.resolve('early');
      }),
    ).rejects.toBeInstanceOf(CircuitOpenError);
    expect(called).toBe(0);
    expect(b.state()).toBe('open');
    time.now += 1;
    await expect(
      b.execute(() => {
        called += 1;
        return Promise.resolve('probe');
      }),
    ).resolves.toBe('probe');
    expect(called).toBe(1);
    expect(b.state()).toBe('closed');
    expect(changes.map((c) => c.to)).toEqual(['open', 'half-open', 'closed']);
    expect(changes.map((c) => c.at)).toEqual([1_000_000, 1_060_000, 1_060_000]);
  });

  it('a failed probe re-opens for a fresh cool-down counted from the re-open', async () => {
    const { b, changes, time } = driven();
    for (let i = 0; i < 5; i += 1) await b.execute(unreachable).catch(() => undefined);
    time.now += 60_000;
    await expect(b.execute(unreachable)).rejects.toBeInstanceOf(NetworkError);
    expect(b.state()).toBe('open');
    time.now += 30_000;
    await expect(b.execute(() => Promise.resolve('early'))).rejects.toBeInstanceOf(CircuitOpenError);
    time.now += 30_000;
    await expect(b.execute(() => Promise.resolve('ok'))).resolves.toBe('ok');
    expect(changes.map((c) => c.to)).toEqual(['open', 'half-open', 'open', 'half-open', 'closed']);
  });
});

describe('protective requests while open (probes)', () => {
  function driven() {
    const time = { now: 1_000_000 };
    const config = exchangeConfigSchema.parse({
      breaker: { breakerFailureThreshold: 5, breakerCooldownMs: 60_000 },
    }).breaker;
    const b = createCircuitBreaker({ config, clock: { now: () => time.now }, logger: silentLogger });
    const changes: BreakerStateChange[] = [];
    b.onStateChange((change) => changes.push(change));
    return { b, changes, time };
  }
  const protective = { protective: true } as const;

  async function opened() {
    const rig = driven();
    for (let i = 0; i < 5; i += 1) await rig.b.execute(unreachable).catch(() => undefined);
    expect(rig.b.state()).toBe('open');
    return rig;
  }

  it('a protective request is sent while open, and its success closes the breaker at once', async () => {
    const { b, changes, time } = await opened();
    time.now += 1_000;
    let called = 0;
    await expect(
      b.execute(() => {
        called += 1;
        return Promise.resolve('cancelled');
      }, protective),
    ).resolves.toBe('cancelled');
    expect(called).toBe(1);
    expect(b.state()).toBe('closed');
    expect(changes.map((c) => `${c.from}→${c.to}@${c.at}`)).toEqual([
      'closed→open@1000000',
      'open→closed@1001000',
    ]);
  });

  it('a business refusal to a protective probe is proof the exchange answers: closed, and the error reaches the caller', async () => {
    const { b } = await opened();
    await expect(
      b.execute(() => Promise.reject(new OrderRejectedError('order-rejected', 'not cancelable')), protective),
    ).rejects.toBeInstanceOf(OrderRejectedError);
    expect(b.state()).toBe('closed');
  });

  it('a failed protective probe keeps it open and restarts the cool-down', async () => {
    const { b, changes, time } = await opened();
    time.now += 30_000;
    await expect(b.execute(unreachable, protective)).rejects.toBeInstanceOf(NetworkError);
    expect(b.state()).toBe('open');
    // 60 s after the first open, but only 30 s after the failed probe: still failing fast.
    time.now += 30_000;
    let called = 0;
    await expect(
      b.execute(() => {
        called += 1;
        return Promise.resolve('early');
      }),
    ).rejects.toBeInstanceOf(CircuitOpenError);
    expect(called).toBe(0);
    time.now += 30_000;
    await expect(b.execute(() => Promise.resolve('probe'))).resolves.toBe('probe');
    expect(changes.map((c) => c.to)).toEqual(['open', 'half-open', 'closed']);
  });

  it('entries and ordinary reads still fail fast while protective probes are in flight', async () => {
    const { b } = await opened();
    let release: () => void = () => undefined;
    const probe = b.execute(
      () =>
        new Promise<string>((resolve) => {
          release = () => {
            resolve('ok');
          };
        }),
      protective,
    );
    let called = false;
    await expect(
      b.execute(() => {
        called = true;
        return Promise.resolve();
      }),
    ).rejects.toBeInstanceOf(CircuitOpenError);
    expect(called).toBe(false);
    release();
    await expect(probe).resolves.toBe('ok');
    expect(b.state()).toBe('closed');
  });

  it('a protective request is not failed fast behind the half-open probe either', async () => {
    const { b, time } = await opened();
    time.now += 60_000;
    let release: () => void = () => undefined;
    const halfOpenProbe = b.execute(
      () =>
        new Promise<string>((resolve) => {
          release = () => {
            resolve('probe');
          };
        }),
    );
    expect(b.state()).toBe('half-open');
    await expect(b.execute(() => Promise.resolve('second'))).rejects.toBeInstanceOf(CircuitOpenError);
    await expect(b.execute(() => Promise.resolve('cancel'), protective)).resolves.toBe('cancel');
    expect(b.state()).toBe('closed');
    release();
    await expect(halfOpenProbe).resolves.toBe('probe');
    expect(b.state()).toBe('closed');
  });

  it('while closed, protective failures count like any other', async () => {
    const { b } = driven();
    for (let i = 0; i < 5; i += 1) await b.execute(unreachable, protective).catch(() => undefined);
    expect(b.state()).toBe('open');
  });

  it('a request that started before the breaker opened and fails after it does not extend the cool-down', async () => {
    const { b, time } = driven();
    let fail: () => void = () => undefined;
    const late = b.execute(
      () =>
        new Promise<never>((_resolve, reject) => {
          fail = () => {
            reject(new TimeoutError('request-timeout', 'late'));
          };
        }),
    );
    for (let i = 0; i < 5; i += 1) await b.execute(unreachable).catch(() => undefined);
    time.now += 59_000;
    fail();
    await expect(late).rejects.toBeInstanceOf(TimeoutError);
    time.now += 1_000;
    await expect(b.execute(() => Promise.resolve('probe'))).resolves.toBe('probe');
    expect(b.state()).toBe('closed');
  });
});

describe('read retries', () => {
  const config = exchangeConfigSchema.parse({
    rest: { getRetryMaxAttempts: 3, getRetryInitialDelayMs: 1, getRetryMaxDelayMs: 5 },
  }).rest;

  it('retries retryable errors with back-off, then gives up', async () => {
    let calls = 0;
    const delays: number[] = [];
    const failing = () => {
      calls += 1;
      return Promise.reject(new ConnectionError('connection-failed', 'reset'));
    };
    await expect(
      retryRead(failing, config, new AbortController().signal, (_a, delay) => delays.push(delay)),
    ).rejects.toBeInstanceOf(ConnectionError);
    expect(calls).toBe(4);
    expect(delays).toHaveLength(3);
    expect(delays.every((d) => d >= 0 && d <= 5)).toBe(true);
  });

  it('does not retry business errors or an open breaker', async () => {
    expect(isRetryableRead(new OrderRejectedError('order-rejected', 'x'))).toBe(false);
    expect(isRetryableRead(new CircuitOpenError('circuit-open', 'x'))).toBe(false);
    expect(isRetryableRead(new TimeoutError('request-timeout', 'x'))).toBe(true);
    let calls = 0;
    await expect(
      retryRead(
        () => {
          calls += 1;
          return Promise.reject(new OrderRejectedError('order-rejected', 'x'));
        },
        config,
        new AbortController().signal,
      ),
    ).rejects.toBeInstanceOf(OrderRejectedError);
    expect(calls).toBe(1);
  });

  it('stops waiting when aborted', async () => {
    const slow = exchangeConfigSchema.parse({
      rest: { getRetryInitialDelayMs: 60_000, getRetryMaxDelayMs: 60_000 },
    }).rest;
    const abort = new AbortController();
    const run = retryRead(
      () => Promise.reject(new ConnectionError('connection-failed', 'x')),
      slow,
      abort.signal,
    );
    await sleep(5);
    abort.abort(new Error('stopped'));
    await expect(run).rejects.toThrow('stopped');
  });
});
