import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningVenue } from '../../../src/main/venue/index.ts';
import { KcClient, openKcSocket, rawRequest } from './kucoin-test-client.ts';
import { startTestVenue } from './venue-fixture.ts';

async function admin(venue: RunningVenue, method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await rawRequest(
    method,
    `${venue.restUrl}/__venue/${path}`,
    { 'content-type': 'application/json' },
    body === undefined ? undefined : JSON.stringify(body),
  );
  expect(res.json.ok, res.text).toBe(true);
  return res.json.data;
}

describe('fault drills through the /__venue admin API and the in-process handle', () => {
  let venue: RunningVenue;
  let kc: KcClient;
  let seq = 0;
  const order = () => ({
    clientOid: `f-${Date.now()}-${(seq += 1)}`,
    side: 'buy',
    symbol: 'XBTUSDTM',
    leverage: 5,
    type: 'limit',
    price: '1000',
    size: 1,
  });

  beforeAll(async () => {
    venue = await startTestVenue();
    kc = new KcClient(venue.restUrl, venue.credentials);
  });
  afterEach(async () => {
    await admin(venue, 'POST', 'reset');
  });
  afterAll(async () => {
    await venue.stop();
  });

  it('server-error: HTTP 500 / 500000 on the scoped path only, for `count` hits', async () => {
    await admin(venue, 'POST', 'faults', { kind: 'server-error', path: '/api/v1/ticker', count: 2 });
    for (let i = 0; i < 2; i += 1) {
      const res = await kc.publicGet('/api/v1/ticker', 'symbol=XBTUSDTM');
      expect(res.status).toBe(500);
      expect(res.json.code).toBe('500000');
    }
    expect((await kc.publicGet('/api/v1/ticker', 'symbol=XBTUSDTM')).json.code).toBe('200000');
    expect((await kc.publicGet('/api/v1/timestamp')).json.code).toBe('200000');
    venue.admin.addFault({ kind: 'server-error', path: '/api/v1/status', httpStatus: 503 });
    expect((await kc.publicGet('/api/v1/status')).status).toBe(503);
  });

  it('overload: HTTP 429 / 429000 without gw-ratelimit headers', async () => {
    venue.admin.addFault({ kind: 'overload', path: '/api/v1/**' });
    const res = await kc.send('GET', '/api/v1/account-overview', { currency: 'USDT' });
    expect(res.status).toBe(429);
    expect(res.json.code).toBe('429000');
    expect(res.headers['gw-ratelimit-remaining']).toBeUndefined();
  });

  it('rate: a 0.5 fault rate fails some requests and passes others (seeded dice)', async () => {
    venue.admin.addFault({ kind: 'server-error', path: '/api/v1/timestamp', rate: 0.5 });
    const codes = [];
    for (let i = 0; i < 40; i += 1) codes.push((await kc.publicGet('/api/v1/timestamp')).json.code);
    expect(codes).toContain('500000');
    expect(codes).toContain('200000');
  });

  it('timeout: the venue holds the request and never answers; other paths still answer', async () => {
    venue.admin.addFault({ kind: 'timeout', path: '/api/v1/orders', method: 'POST' });
    const aborted = kc.send('POST', '/api/v1/orders', order()).then(
      () => 'answered',
      () => 'no answer',
    );
    // The client gives up on its own; abort it from here by stopping the wait with a short request race.
    const raced = await Promise.race([
      aborted,
      new Promise((resolve) =>
        setTimeout(() => {
          resolve('still waiting');
        }, 300),
      ),
    ]);
    expect(raced).toBe('still waiting');
    expect((await kc.publicGet('/api/v1/timestamp')).json.code).toBe('200000');
    expect(venue.admin.requestCount({ path: '/api/v1/orders', method: 'POST' })).toBe(1);
  });

  it('drop-response: the order is placed but the client gets no answer', async () => {
    await admin(venue, 'POST', 'faults', {
      kind: 'drop-response',
      path: '/api/v1/orders',
      method: 'POST',
      count: 1,
    });
    const body = order();
    await expect(kc.send('POST', '/api/v1/orders', body)).rejects.toThrow();
    const found = await kc.data<{ clientOid: string; status: string }>('GET', '/api/v1/orders/byClientOid', {
      clientOid: body.clientOid,
    });
    expect(found).toMatchObject({ clientOid: body.clientOid, status: 'open' });
    await kc.data('DELETE', '/api/v3/orders', { symbol: 'XBTUSDTM' });
  });

  it('latency: a client with a shorter deadline than the injected latency gets no answer in time', async () => {
    await admin(venue, 'POST', 'faults', {
      kind: 'latency',
      latencyMs: 400,
      jitterMs: 50,
      path: '/api/v1/timestamp',
    });
    await expect(
      rawRequest('GET', `${venue.restUrl}/api/v1/timestamp`, {}, undefined, AbortSignal.timeout(100)),
    ).rejects.toThrow();
    expect((await rawRequest('GET', `${venue.restUrl}/api/v1/timestamp`)).json.code).toBe('200000');
    expect((await kc.publicGet('/api/v1/status')).json.code).toBe('200000');
  });

  it('clock skew moves venue time: /timestamp shifts and unsynced signatures get 400002', async () => {
    await admin(venue, 'POST', 'clock-skew', { ms: 60_000 });
    const ts = (await kc.publicGet('/api/v1/timestamp')).json.data as number;
    expect(ts - Date.now()).toBeGreaterThan(50_000);
    expect((await kc.send('GET', '/api/v1/positions')).json.code).toBe('400002');
    const synced = new KcClient(venue.restUrl, venue.credentials);
    synced.offsetMs = ts - Date.now();
    expect((await synced.send('GET', '/api/v1/positions')).json.code).toBe('200000');
  });

  it('maintenance: status close refuses orders with 300002; open restores trading', async () => {
    await admin(venue, 'POST', 'status', { status: 'close' });
    expect(((await kc.publicGet('/api/v1/status')).json.data as { status: string }).status).toBe('close');
    expect((await kc.send('POST', '/api/v1/orders', order())).json.code).toBe('300002');
    await admin(venue, 'POST', 'status', { status: 'open' });
    expect((await kc.send('POST', '/api/v1/orders', order())).json.code).toBe('200000');
    await kc.data('DELETE', '/api/v3/orders', { symbol: 'XBTUSDTM' });
  });

  it('price set and jump move the mark price', async () => {
    await admin(venue, 'POST', 'price', { symbol: 'XBTUSDTM', price: '70000' });
    expect(
      ((await kc.publicGet('/api/v1/mark-price/XBTUSDTM/current')).json.data as { value: number }).value,
    ).toBeCloseTo(70_000, -1);
    await admin(venue, 'POST', 'price-jump', { symbol: 'XBTUSDTM', pct: -10 });
    expect(
      ((await kc.publicGet('/api/v1/mark-price/XBTUSDTM/current')).json.data as { value: number }).value,
    ).toBeCloseTo(63_000, -1);
  });

  it('request log: counts what reached the venue, per path, and proves "no request"', async () => {
    await admin(venue, 'DELETE', 'requests');
    await kc.publicGet('/api/v1/timestamp');
    await kc.publicGet('/api/v1/timestamp');
    await kc.send('GET', '/api/v1/positions');
    const log = (await admin(venue, 'GET', 'requests?path=/api/v1/timestamp')) as {
      total: number;
      count: number;
      counts: Record<string, number>;
    };
    expect(log).toMatchObject({
      total: 3,
      count: 2,
      counts: { 'GET /api/v1/timestamp': 2, 'GET /api/v1/positions': 1 },
    });
    expect(venue.admin.requestCount({ path: '/api/v1/orders', method: 'POST' })).toBe(0);
  });

  it('the admin API refuses bad input with 400 and unknown routes with 404', async () => {
    const bad = await rawRequest(
      'POST',
      `${venue.restUrl}/__venue/faults`,
      { 'content-type': 'application/json' },
      JSON.stringify({ kind: 'meteor' }),
    );
    expect(bad.status).toBe(400);
    expect((await rawRequest('GET', `${venue.restUrl}/__venue/faults-nope`)).status).toBe(404);
  });

  it('WebSocket disconnect: connections drop; a fresh token connects again', async () => {
    const { socket } = await openKcSocket(kc, 'public');
    expect(
      ((await admin(venue, 'POST', 'ws/disconnect', {})) as { connections: number }).connections,
    ).toBeGreaterThan(0);
    await socket.closed;
    const again = await openKcSocket(kc, 'public');
    expect(again.welcome.type).toBe('welcome');
    again.socket.close();
  });

  it('WebSocket silence: no pong and no data while silenced, connection still open', async () => {
    const { socket } = await openKcSocket(kc, 'public');
    await socket.subscribe('/contract/instrument:XBTUSDTM');
    await admin(venue, 'POST', 'ws/silence', { on: true });
    const before = socket.frames.length;
    socket.send({ id: 'silent-ping', type: 'ping' });
    venue.admin.jumpPrice('XBTUSDTM', 1);
    // A probe connection opened after the fault answers, so the venue is alive; the silenced one is not.
    const probe = await openKcSocket(kc, 'public');
    probe.socket.send({ id: 'probe', type: 'ping' });
    await probe.socket.next((f) => f.id === 'probe');
    expect(socket.frames.length).toBe(before);
    expect(socket.socket.readyState).toBe(1);
    await admin(venue, 'POST', 'ws/silence', { on: false });
    socket.send({ id: 'loud-ping', type: 'ping' });
    await socket.next((f) => f.id === 'loud-ping');
    socket.close();
    probe.socket.close();
  });

  it('token expiry now: the admin route closes connections and refuses the token', async () => {
    const { socket } = await openKcSocket(kc, 'private');
    expect(
      ((await admin(venue, 'POST', 'ws/expire-tokens', {})) as { tokens: number }).tokens,
    ).toBeGreaterThan(0);
    await socket.closed;
  });
});
