import { describe, expect, it } from 'vitest';
import { pathMatcher, RestFaults, seededRandom } from './faults.ts';

describe('REST faults', () => {
  it('path patterns: * within a segment, ** across segments', () => {
    expect(pathMatcher('/api/v1/orders')('/api/v1/orders')).toBe(true);
    expect(pathMatcher('/api/v1/orders')('/api/v1/orders/1')).toBe(false);
    expect(pathMatcher('/api/v1/orders/*')('/api/v1/orders/1')).toBe(true);
    expect(pathMatcher('/api/v1/orders/*')('/api/v1/orders/client-order/x')).toBe(false);
    expect(pathMatcher('/api/**')('/api/v1/orders/client-order/x')).toBe(true);
    expect(pathMatcher('/api/v1/level2/depth*')('/api/v1/level2/depth20')).toBe(true);
  });

  it('fires by kind, method, path and count', () => {
    const faults = new RestFaults(1);
    faults.add({ kind: 'server-error', method: 'POST', path: '/api/v1/orders', count: 1 });
    expect(faults.fire('server-error', 'GET', '/api/v1/orders')).toBeUndefined();
    expect(faults.fire('overload', 'POST', '/api/v1/orders')).toBeUndefined();
    expect(faults.fire('server-error', 'POST', '/api/v1/orders')?.hits).toBe(1);
    expect(faults.fire('server-error', 'POST', '/api/v1/orders')).toBeUndefined();
  });

  it('the same seed rolls the same dice', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const rolls = Array.from({ length: 20 }, () => a());
    expect(rolls).toEqual(Array.from({ length: 20 }, () => b()));
    expect(rolls.every((r) => r >= 0 && r < 1)).toBe(true);
  });

  it('latency rules add up, with jitter inside ±jitter', () => {
    const faults = new RestFaults(3);
    faults.add({ kind: 'latency', latencyMs: 100, jitterMs: 20 });
    faults.add({ kind: 'latency', latencyMs: 50, path: '/api/v1/ticker' });
    for (let i = 0; i < 50; i += 1) {
      const d = faults.delayMs('GET', '/api/v1/ticker');
      expect(d).toBeGreaterThanOrEqual(130);
      expect(d).toBeLessThanOrEqual(170);
    }
  });
});
