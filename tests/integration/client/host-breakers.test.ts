// One breaker per host (ADR 0220): the general host (API-key info) failing opens only its own breaker,
// order traffic on the futures host keeps flowing, and health / health-changed report both.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ExchangeHealth } from '../../../src/shared/ipc/channels/market.ts';
import { CircuitOpenError, NetworkError } from '../../../src/shared/errors.ts';
import { rejectionOf, startRig, waitFor, type ClientRig } from './harness.ts';

let rig: ClientRig;
const seen: ExchangeHealth[] = [];

beforeAll(async () => {
  rig = await startRig({
    exchange: {
      breaker: { breakerFailureThreshold: 3, breakerCooldownMs: 300 },
      rest: { getRetryMaxAttempts: 0 },
    },
  });
  rig.client.onHealthChanged((health) => seen.push(health));
});
afterAll(async () => {
  await rig.stop();
});
beforeEach(() => {
  rig.venue.admin.clearFaults();
  seen.length = 0;
});

const order = {
  symbol: 'XBTUSDTM',
  side: 'buy',
  type: 'limit',
  price: '1000',
  size: 1,
  leverage: 3,
} as const;

describe('a breaker per host', () => {
  it('a dead general host opens only the general breaker; orders still go out and health says which', async () => {
    // Scoped to the general host's path family: nothing on the futures API is touched.
    rig.venue.admin.addFault({ kind: 'server-error', path: '/api/v1/user/**', httpStatus: 503 });
    for (let i = 0; i < 3; i += 1)
      expect(await rejectionOf(rig.client.rest.getApiKeyInfo())).toBeInstanceOf(NetworkError);
    expect(rig.client.generalBreaker.state()).toBe('open');
    expect(rig.client.breaker.state()).toBe('closed');
    const reached = rig.venue.admin.requestCount({ path: '/api/v1/user/api-key' });
    expect(await rejectionOf(rig.client.rest.getApiKeyInfo())).toBeInstanceOf(CircuitOpenError);
    expect(rig.venue.admin.requestCount({ path: '/api/v1/user/api-key' })).toBe(reached);

    const placed = await rig.client.rest.placeOrder({ ...order, clientOid: 'bulwark-host-breaker-1' });
    await rig.client.rest.cancelOrder(placed.orderId);
    expect(rig.client.breaker.state()).toBe('closed');
    expect(rig.client.health()).toMatchObject({ breaker: 'closed', generalBreaker: 'open' });
    expect(seen.some((health) => health.breaker === 'closed' && health.generalBreaker === 'open')).toBe(true);

    rig.venue.admin.clearFaults();
    await waitFor(
      () =>
        rig.client.rest.getApiKeyInfo().then(
          () => true,
          () => false,
        ),
      'the general host probe to succeed',
    );
    expect(rig.client.health()).toMatchObject({ breaker: 'closed', generalBreaker: 'closed' });
  });

  it('a dead futures API leaves the general host usable', async () => {
    rig.venue.admin.addFault({ kind: 'server-error', path: '/api/v1/ticker', httpStatus: 503 });
    for (let i = 0; i < 3; i += 1)
      expect(await rejectionOf(rig.client.rest.getTicker('XBTUSDTM'))).toBeInstanceOf(NetworkError);
    expect(rig.client.breaker.state()).toBe('open');
    await expect(rig.client.rest.getApiKeyInfo()).resolves.toBeDefined();
    expect(rig.client.health()).toMatchObject({ breaker: 'open', generalBreaker: 'closed' });
    rig.venue.admin.clearFaults();
    await waitFor(
      () =>
        rig.client.rest.getTicker('XBTUSDTM').then(
          () => true,
          () => false,
        ),
      'the futures probe to succeed',
    );
    expect(rig.client.breaker.state()).toBe('closed');
  });
});
