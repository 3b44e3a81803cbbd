import { describe, expect, it } from 'vitest';
import { venueServerConfigSchema } from '../../config/sections/venue-server.ts';
import { ConnectRate } from './connect-rate.ts';

describe('ConnectRate (docs/reference/kucoin-futures.md#ws-limits: new connections per user per minute)', () => {
  it('defaults to KuCoin’s 30 per minute', () => {
    expect(venueServerConfigSchema.parse({}).wsNewConnectionsPerUserPerMinute).toBe(30);
  });

  it('admits `limit` connections in a sliding minute, per user, and again as old ones age out', () => {
    const rate = new ConnectRate(3);
    expect([0, 10, 20].map((t) => rate.admit('a', t))).toEqual([true, true, true]);
    expect(rate.admit('a', 59_999)).toBe(false);
    expect(rate.admit('b', 59_999)).toBe(true);
    // Refusals are not counted: at 60 000 the first connection (t = 0) has aged out.
    expect(rate.admit('a', 60_000)).toBe(true);
    expect(rate.admit('a', 60_005)).toBe(false);
    expect(rate.admit('a', 60_010)).toBe(true);
  });

  it('prune forgets idle users only', () => {
    const rate = new ConnectRate(1);
    rate.admit('a', 0);
    rate.admit('b', 50_000);
    rate.prune(60_000);
    expect(rate.admit('a', 60_000)).toBe(true);
    expect(rate.admit('b', 60_000)).toBe(false);
  });
});
