import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ResourcePools } from './rate-limiter.ts';

describe('ResourcePools (docs/reference/kucoin-futures.md#rate-limits)', () => {
  it('charges until the pool is empty, refuses without charging, refills after the window', () => {
    const pools = new ResourcePools(30_000);
    expect(pools.charge('Futures:u', 15, 20, 1_000)).toMatchObject({
      allowed: true,
      remaining: 5,
      resetMs: 30_000,
    });
    expect(pools.charge('Futures:u', 10, 20, 2_000)).toMatchObject({
      allowed: false,
      remaining: 5,
      resetMs: 29_000,
    });
    expect(pools.charge('Futures:u', 5, 20, 3_000)).toMatchObject({ allowed: true, remaining: 0 });
    expect(pools.charge('Futures:other', 5, 20, 3_000).remaining).toBe(15);
    expect(pools.charge('Futures:u', 5, 20, 31_000)).toMatchObject({
      allowed: true,
      remaining: 15,
      resetMs: 30_000,
    });
  });

  it('never lets more than the limit through in one window (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 0, max: 200 })), {
          maxLength: 200,
        }),
        (calls) => {
          const pools = new ResourcePools(1_000);
          let now = 0;
          let windowStart = -1;
          let used = 0;
          for (const [weight, gap] of calls) {
            now += gap;
            const reading = pools.charge('p', weight, 100, now);
            if (windowStart < 0 || now - windowStart >= 1_000) {
              windowStart = now;
              used = 0;
            }
            if (reading.allowed) used += weight;
            expect(used).toBeLessThanOrEqual(100);
            expect(reading.remaining).toBe(100 - used);
          }
        },
      ),
    );
  });
});
