import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningVenue } from '../../../src/main/venue/index.ts';
import { endpointWeights } from '../../../src/main/exchange/kucoin/endpoint-weights.ts';
import type { RawResponse } from './kucoin-test-client.ts';
import { KcClient, rawRequest } from './kucoin-test-client.ts';
import { startTestVenue } from './venue-fixture.ts';

function pool(res: RawResponse): { limit: number; remaining: number; reset: number } {
  return {
    limit: Number(res.headers['gw-ratelimit-limit']),
    remaining: Number(res.headers['gw-ratelimit-remaining']),
    reset: Number(res.headers['gw-ratelimit-reset']),
  };
}

describe('rate limits (docs/reference/kucoin-futures.md#rate-limits)', () => {
  const clock = { ms: Date.now(), now: () => clock.ms };
  let venue: RunningVenue;
  let client: KcClient;
  let other: KcClient;

  beforeAll(async () => {
    venue = await startTestVenue({
      clock,
      keys: [{}, {}],
      venue: { futuresPoolWeightPer30s: 40, publicPoolWeightPer30s: 30 },
    });
    client = new KcClient(venue.restUrl, venue.credentials);
    other = new KcClient(venue.restUrl, venue.keys[1]!);
  });
  afterAll(async () => {
    await venue.stop();
  });

  function sync(): void {
    client.offsetMs = clock.ms - Date.now();
    other.offsetMs = clock.ms - Date.now();
  }

  it('the weight table is the spec’s: examples from docs/reference/kucoin-futures.md#rate-limits', () => {
    expect(endpointWeights['POST /api/v1/orders']).toEqual({
      pool: 'Futures',
      weight: 2,
      permission: 'Futures',
    });
    expect(endpointWeights['DELETE /api/v1/orders']?.weight).toBe(800);
    expect(endpointWeights['GET /api/v1/contracts/active']).toEqual({
      pool: 'Public',
      weight: 3,
      permission: null,
    });
    expect(endpointWeights['POST /api/v1/bullet-private']?.pool).toBe('Futures');
  });

  it('every response carries gw-ratelimit-* headers, success or error', async () => {
    venue.admin.resetRateLimits();
    sync();
    const answers = [
      await client.publicGet('/api/v1/timestamp'),
      await client.publicGet('/api/v1/no-such-endpoint'),
      await client.publicGet('/api/v1/ticker'),
      await client.send('GET', '/api/v1/account-overview', { currency: 'USDT' }),
      await rawRequest('GET', `${venue.restUrl}/api/v1/account-overview`),
    ];
    for (const res of answers) {
      expect(res.headers['gw-ratelimit-limit'], res.text).toMatch(/^\d+$/);
      expect(res.headers['gw-ratelimit-remaining']).toMatch(/^\d+$/);
      expect(res.headers['gw-ratelimit-reset']).toMatch(/^\d+$/);
    }
    expect(answers.map((r) => r.json.code)).toEqual(['200000', '404000', '100001', '200000', '400001']);
  });

  it('each call deducts the spec weight from the right pool', async () => {
    venue.admin.resetRateLimits();
    sync();
    const t1 = pool(await client.publicGet('/api/v1/timestamp'));
    const t2 = pool(await client.publicGet('/api/v1/contracts/active'));
    expect(t1).toMatchObject({ limit: 30, remaining: 28 });
    expect(t2.remaining).toBe(25);
    const a1 = pool(await client.send('GET', '/api/v1/account-overview', { currency: 'USDT' }));
    const a2 = pool(await client.send('GET', '/api/v1/positions'));
    expect(a1).toMatchObject({ limit: 40, remaining: 35 });
    expect(a2.remaining).toBe(33);
    // Pools are per user: the other key's account has its own.
    expect(pool(await other.send('GET', '/api/v1/positions')).remaining).toBe(38);
  });

  it('answers HTTP 429 / 429000 when the user pool is exhausted, and refills after the window', async () => {
    venue.admin.resetRateLimits();
    sync();
    for (let i = 0; i < 8; i += 1)
      expect((await client.send('GET', '/api/v1/account-overview', { currency: 'USDT' })).json.code).toBe(
        '200000',
      );
    const refused = await client.send('GET', '/api/v1/account-overview', { currency: 'USDT' });
    expect(refused.status).toBe(429);
    expect(refused.json.code).toBe('429000');
    expect(pool(refused)).toMatchObject({ limit: 40, remaining: 0 });
    expect(pool(refused).reset).toBeGreaterThan(0);
    expect((await other.send('GET', '/api/v1/positions')).json.code).toBe('200000');
    clock.ms += 30_000;
    sync();
    const again = await client.send('GET', '/api/v1/account-overview', { currency: 'USDT' });
    expect(again.json.code).toBe('200000');
    expect(pool(again).remaining).toBe(35);
  });

  it('the public pool is per IP: 127.0.0.2 keeps its quota when 127.0.0.1 has none', async () => {
    venue.admin.resetRateLimits();
    for (let i = 0; i < 15; i += 1) await client.publicGet('/api/v1/timestamp');
    const refused = await client.publicGet('/api/v1/timestamp');
    expect(refused.status).toBe(429);
    expect(refused.json.code).toBe('429000');
    const elsewhere = await rawRequest(
      'GET',
      `${venue.restUrl}/api/v1/timestamp`,
      {},
      undefined,
      undefined,
      '127.0.0.2',
    );
    expect(elsewhere.json.code).toBe('200000');
    expect(pool(elsewhere).remaining).toBe(28);
  });
});
