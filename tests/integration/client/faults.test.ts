import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  CircuitOpenError,
  NetworkError,
  OrderUnknownError,
  RateLimitError,
} from '../../../src/shared/errors.ts';
import type { BreakerStateChange } from '../../../src/main/resilience/circuit-breaker.ts';
import { rejectionOf, startRig, waitFor, type ClientRig } from './harness.ts';

let rig: ClientRig;
const changes: BreakerStateChange[] = [];

beforeAll(async () => {
  rig = await startRig({
    // A short cool-down keeps the test fast; the state machine is the same as with 60 s.
    exchange: {
      breaker: { breakerCooldownMs: 300 },
      rest: { getRetryMaxAttempts: 0, orderRequestTimeoutMs: 300 },
    },
  });
  rig.client.breaker.onStateChange((change) => changes.push(change));
});
afterAll(async () => {
  await rig.stop();
});
beforeEach(() => {
  rig.venue.admin.clearFaults();
});

const order = {
  symbol: 'XBTUSDTM',
  side: 'buy',
  type: 'limit',
  price: '1000',
  size: 1,
  leverage: 3,
} as const;

describe('circuit breaker under injected 5xx', () => {
  it('opens after 5 consecutive failures, fails fast, half-opens once after the cool-down and closes on success', async () => {
    changes.length = 0;
    rig.venue.admin.addFault({ kind: 'server-error', path: '/api/v1/ticker', httpStatus: 503 });
    for (let i = 0; i < 5; i += 1)
      expect(await rejectionOf(rig.client.rest.getTicker('XBTUSDTM'))).toBeInstanceOf(NetworkError);
    expect(rig.client.breaker.state()).toBe('open');
    const reached = rig.venue.admin.requestCount({ path: '/api/v1/ticker' });
    expect(await rejectionOf(rig.client.rest.getTicker('XBTUSDTM'))).toBeInstanceOf(CircuitOpenError);
    expect(await rejectionOf(rig.client.rest.getPosition('XBTUSDTM'))).toBeInstanceOf(CircuitOpenError);
    expect(rig.venue.admin.requestCount({ path: '/api/v1/ticker' })).toBe(reached);
    rig.venue.admin.clearFaults();
    await waitFor(async () => {
      const result = await rig.client.rest.getTicker('XBTUSDTM').then(
        () => true,
        () => false,
      );
      return result;
    }, 'the half-open probe to succeed');
    expect(rig.client.breaker.state()).toBe('closed');
    expect(changes.map((c) => c.to)).toEqual(['open', 'half-open', 'closed']);
    expect(rig.client.health().breaker).toBe('closed');
  });

  it('never opens on business rejections', async () => {
    for (let i = 0; i < 8; i += 1) await rejectionOf(rig.client.rest.cancelOrder('999999999'));
    expect(rig.client.breaker.state()).toBe('closed');
  });
});

describe('an order POST is never retried blindly', () => {
  it('5xx → OrderUnknownError with the clientOid, sent exactly once', async () => {
    rig.venue.admin.addFault({ kind: 'server-error', path: '/api/v1/orders', method: 'POST', count: 1 });
    const before = rig.venue.admin.requestCount({ path: '/api/v1/orders', method: 'POST' });
    const error = await rejectionOf(rig.client.rest.placeOrder({ ...order, clientOid: 'bulwark-5xx-1' }));
    expect(error).toBeInstanceOf(OrderUnknownError);
    expect((error as OrderUnknownError).details.clientOid).toBe('bulwark-5xx-1');
    expect(rig.venue.admin.requestCount({ path: '/api/v1/orders', method: 'POST' })).toBe(before + 1);
  });

  it('accepted-then-dropped → OrderUnknownError; the order is found by its clientOid', async () => {
    rig.venue.admin.addFault({ kind: 'drop-response', path: '/api/v1/orders', method: 'POST', count: 1 });
    const error = await rejectionOf(rig.client.rest.placeOrder({ ...order, clientOid: 'bulwark-drop-1' }));
    expect(error).toBeInstanceOf(OrderUnknownError);
    expect((error as OrderUnknownError).details.clientOid).toBe('bulwark-drop-1');
    const found = await rig.client.rest.getOrderByClientOid('bulwark-drop-1');
    expect(found.isActive).toBe(true);
    await rig.client.rest.cancelOrder(found.id);
  });

  it('timeout → OrderUnknownError', async () => {
    rig.venue.admin.addFault({ kind: 'timeout', path: '/api/v1/orders', method: 'POST', count: 1 });
    const error = await rejectionOf(rig.client.rest.placeOrder({ ...order, clientOid: 'bulwark-timeout-1' }));
    expect(error).toBeInstanceOf(OrderUnknownError);
    expect((error as OrderUnknownError).details).toMatchObject({
      clientOid: 'bulwark-timeout-1',
      transportCode: 'request-timeout',
    });
  });
});

describe('a 429000 without rate-limit headers is overload, not quota', () => {
  it('backs off the pool without counting the weight', async () => {
    rig.venue.admin.addFault({ kind: 'overload', path: '/api/v1/position', count: 1 });
    const usedBefore = rig.client.limiter.usage().find((u) => u.pool === 'Futures')?.used ?? 0;
    const error = await rejectionOf(rig.client.rest.getPosition('XBTUSDTM'));
    expect(error).toBeInstanceOf(RateLimitError);
    const usage = rig.client.limiter.usage().find((u) => u.pool === 'Futures');
    expect(usage?.pausedForMs).toBeGreaterThan(0);
    expect(usage?.used).toBeLessThanOrEqual(usedBefore);
    await expect(rig.client.rest.getPosition('XBTUSDTM')).resolves.toMatchObject({ symbol: 'XBTUSDTM' });
  });
});
