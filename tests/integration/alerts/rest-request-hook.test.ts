// The exchange client's onRequestCompleted hook feeds REST latency per endpoint, weight per pool
// and error counts by class. It reports what the venue actually answered: route, pool, weight,
// lane, HTTP status and outcome; a failure carries the error's code and class.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RestRequestCompleted } from '../../../src/main/exchange/index.ts';
import { startRig, type ClientRig } from '../client/harness.ts';

describe('ExchangeClient.onRequestCompleted', () => {
  let rig: ClientRig;
  beforeAll(async () => {
    rig = await startRig({ startClient: false, exchange: { rest: { getRetryMaxAttempts: 0 } } });
  });
  afterAll(async () => {
    await rig.stop();
  });

  it('reports an answered request with its route, pool, weight, lane and status', async () => {
    const seen: RestRequestCompleted[] = [];
    const off = rig.client.onRequestCompleted((completed) => seen.push(completed));
    await rig.client.rest.listActiveContracts();
    off();
    expect(seen).toEqual([
      expect.objectContaining({
        route: 'GET /api/v1/contracts/active',
        host: 'futures',
        pool: 'Public',
        weight: 3,
        lane: 'market',
        httpStatus: 200,
        outcome: 'ok',
      }),
    ]);
    expect(seen[0]?.durationMs).toBeGreaterThan(0);
    expect(seen[0]).not.toHaveProperty('errorClass');
  });

  it('reports a failed request with the error code and class, and nothing after unsubscribing', async () => {
    const seen: RestRequestCompleted[] = [];
    const off = rig.client.onRequestCompleted((completed) => seen.push(completed));
    const fault = rig.venue.admin.addFault({
      kind: 'server-error',
      path: '/api/v1/contracts/active',
      httpStatus: 503,
    });
    await expect(rig.client.rest.listActiveContracts()).rejects.toThrow();
    rig.venue.admin.removeFault(fault);
    off();
    expect(seen.length).toBeGreaterThanOrEqual(1);
    expect(seen.at(-1)).toMatchObject({
      route: 'GET /api/v1/contracts/active',
      httpStatus: 503,
      errorClass: 'NetworkError',
    });
    expect(seen.at(-1)?.outcome).not.toBe('ok');
    await rig.client.rest.listActiveContracts();
    expect(seen.every((completed) => completed.httpStatus === 503)).toBe(true);
  });

  it('a listener that throws does not fail the request', async () => {
    const off = rig.client.onRequestCompleted(() => {
      throw new Error('listener bug');
    });
    await expect(rig.client.rest.listActiveContracts()).resolves.toBeInstanceOf(Array);
    off();
  });
});
