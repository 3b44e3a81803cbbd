// The venue's `reject` fault (ADR 0121) seen from our client: a definitive business refusal in
// KuCoin's envelope with the HTTP status KuCoin pairs with the code, mapped onto our taxonomy,
// never retried, and the work is not done; added in process or over the loopback admin API.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { InsufficientMarginError, OrderRejectedError } from '../../../src/shared/errors.ts';
import { rejectionOf, startRig, type ClientRig } from './harness.ts';

let rig: ClientRig;
const order = {
  symbol: 'XBTUSDTM',
  side: 'buy',
  type: 'limit',
  price: '1000',
  size: 1,
  leverage: 3,
} as const;

beforeAll(async () => {
  rig = await startRig();
});
afterAll(async () => {
  await rig.stop();
});
beforeEach(() => {
  rig.venue.admin.clearFaults();
});

const activeOrders = (): number =>
  rig.venue.exchange.listOrders(rig.venue.keys[0]?.userId ?? '', { status: 'active' }).items.length;

describe('reject fault', () => {
  it('answers HTTP 200 with the business code and message, does no work, then lets requests through', async () => {
    rig.venue.admin.addFault({
      kind: 'reject',
      method: 'GET',
      path: '/api/v1/contracts/risk-limit/*',
      code: '300003',
      msg: 'Balance insufficient.',
      count: 1,
    });
    const response = await fetch(`${rig.venue.restUrl}/api/v1/contracts/risk-limit/XBTUSDTM`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ code: '300003', msg: 'Balance insufficient.' });
    const after = await fetch(`${rig.venue.restUrl}/api/v1/contracts/risk-limit/XBTUSDTM`);
    expect(((await after.json()) as { code: string }).code).toBe('200000');
  });

  it('a gateway code keeps its HTTP status (404000 → 404)', async () => {
    rig.venue.admin.addFault({ kind: 'reject', path: '/api/v1/timestamp', code: '404000', count: 1 });
    const response = await fetch(`${rig.venue.restUrl}/api/v1/timestamp`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ code: '404000', msg: 'Not Found' });
  });

  it('an order refused with 300004 is OrderRejectedError, sent once, and nothing rests', async () => {
    const before = activeOrders();
    const sent = rig.venue.admin.requestCount({ path: '/api/v1/orders', method: 'POST' });
    rig.venue.admin.addFault({ kind: 'reject', method: 'POST', path: '/api/v1/orders', code: '300004' });
    const error = await rejectionOf(rig.client.rest.placeOrder(order));
    expect(error).toBeInstanceOf(OrderRejectedError);
    expect((error as OrderRejectedError).details).toMatchObject({ kucoinCode: '300004', httpStatus: 200 });
    expect(rig.venue.admin.requestCount({ path: '/api/v1/orders', method: 'POST' })).toBe(sent + 1);
    expect(activeOrders()).toBe(before);
  });

  it('is reachable over the loopback admin API: 300003 becomes InsufficientMarginError', async () => {
    const added = await fetch(`${rig.venue.restUrl}/__venue/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        kind: 'reject',
        method: 'POST',
        path: '/api/v1/orders',
        code: '300003',
        msg: 'Balance insufficient. The order would cost 501.5.',
        count: 1,
      }),
    });
    expect(added.status).toBe(200);
    expect(await rejectionOf(rig.client.rest.placeOrder(order))).toBeInstanceOf(InsufficientMarginError);
    const bad = await fetch(`${rig.venue.restUrl}/__venue/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'reject', code: 'nope' }),
    });
    expect(bad.status).toBe(400);
  });
});
