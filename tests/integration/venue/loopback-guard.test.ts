/**
 * The paper venue lets no one but our own client in. It listens on 127.0.0.1, which any local
 * program and any web page in the trader's browser can reach: a page can POST cross-site (no-cors)
 * and DNS rebinding can make `evil.example` resolve to 127.0.0.1. So every HTTP request and every
 * WebSocket upgrade whose Host is not exactly the venue's own `127.0.0.1:<port>`, or that carries an
 * Origin header, is refused before any work — and the venue's state is unchanged afterwards.
 * The admin API (`/__venue/`) is served only by a venue started with `adminApi: true`.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningVenue } from '../../../src/main/venue/index.ts';
import { KcClient, rawRequest } from './kucoin-test-client.ts';
import { startTestVenue } from './venue-fixture.ts';

const symbol = 'XBTUSDTM';

/** Writes a WebSocket upgrade request on a raw socket and resolves with the venue's first answer line. */
function upgradeStatusLine(url: string, path: string, headers: Record<string, string>): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let seen = '';
    socket.on('data', (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      if (seen.includes('\r\n')) {
        socket.destroy();
        resolve(seen.slice(0, seen.indexOf('\r\n')));
      }
    });
    socket.on('close', () => {
      resolve(seen === '' ? '(closed without an answer)' : (seen.split('\r\n')[0] ?? ''));
    });
    socket.on('error', reject);
    socket.on('connect', () => {
      const lines = [
        `GET ${path} HTTP/1.1`,
        'Upgrade: websocket',
        'Connection: Upgrade',
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
        'Sec-WebSocket-Version: 13',
        ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
        '',
        '',
      ];
      socket.write(lines.join('\r\n'));
    });
  });
}

/** A signed order body the venue would accept from our own client. */
function orderBody(clientOid: string): string {
  return JSON.stringify({
    clientOid,
    symbol,
    side: 'buy',
    type: 'limit',
    price: '1000',
    size: 1,
    leverage: 5,
    marginMode: 'ISOLATED',
  });
}

describe('the paper venue refuses foreign Hosts and web pages', () => {
  let venue: RunningVenue;
  let kc: KcClient;
  let ownHost: string;

  beforeAll(async () => {
    venue = await startTestVenue({ adminApi: true });
    kc = new KcClient(venue.restUrl, venue.credentials);
    ownHost = new URL(venue.restUrl).host;
  });
  afterAll(async () => {
    await venue.stop();
  });

  async function markPrice(): Promise<string> {
    const answer = await kc.data<{ value: number | string }>('GET', `/api/v1/mark-price/${symbol}/current`);
    return String(answer.value);
  }

  async function activeOrders(): Promise<number> {
    const page = await kc.data<{ items: unknown[] }>('GET', '/api/v1/orders', { status: 'active' });
    return page.items.length;
  }

  it('our own client (Host 127.0.0.1:<port>, no Origin) is served', async () => {
    expect(ownHost).toMatch(/^127\.0\.0\.1:\d+$/);
    expect((await rawRequest('GET', `${venue.restUrl}/api/v1/timestamp`)).json.code).toBe('200000');
    expect((await rawRequest('GET', `${venue.restUrl}/__venue/health`)).status).toBe(200);
  });

  it.each([
    ['a rebinding name', 'evil.example'],
    ['a rebinding name with our port', 'evil.example:PORT'],
    ['localhost instead of 127.0.0.1', 'localhost:PORT'],
    ['another port', '127.0.0.1:1'],
    ['no port', '127.0.0.1'],
  ])(
    'refuses %s as Host with 421 and a reason, on KuCoin routes and admin alike',
    async (_label, hostTemplate) => {
      const host = hostTemplate.replace('PORT', new URL(venue.restUrl).port);
      const before = await activeOrders();
      const body = orderBody(`rebind-${Date.now().toString(36)}`);
      const order = await rawRequest(
        'POST',
        `${venue.restUrl}/api/v1/orders`,
        { ...kc.headers('POST', '/api/v1/orders', body), Host: host },
        body,
      );
      expect(order.status).toBe(421);
      expect(order.text).toContain(`only http://${ownHost} is served here`);
      const admin = await rawRequest(
        'POST',
        `${venue.restUrl}/__venue/price`,
        { Host: host, 'Content-Type': 'application/json' },
        JSON.stringify({ symbol, price: '12345' }),
      );
      expect(admin.status).toBe(421);
      const pub = await rawRequest('GET', `${venue.restUrl}/api/v1/timestamp`, { Host: host });
      expect(pub.status).toBe(421);
      expect(await markPrice()).not.toBe('12345');
      expect(await activeOrders()).toBe(before);
    },
  );

  it('refuses any request with an Origin header (a web page) with 403, even with our own Host', async () => {
    const before = await activeOrders();
    const body = orderBody(`page-${Date.now().toString(36)}`);
    const origin = { Origin: 'http://127.0.0.1:9' };
    const order = await rawRequest(
      'POST',
      `${venue.restUrl}/api/v1/orders`,
      { ...kc.headers('POST', '/api/v1/orders', body), ...origin },
      body,
    );
    expect(order.status).toBe(403);
    expect(order.text).toContain('requests from web pages (an Origin header) are refused');
    const admin = await rawRequest(
      'POST',
      `${venue.restUrl}/__venue/price`,
      { ...origin, 'Content-Type': 'text/plain' },
      JSON.stringify({ symbol, price: '12345' }),
    );
    expect(admin.status).toBe(403);
    const nullOrigin = await rawRequest('POST', `${venue.restUrl}/__venue/reset`, { Origin: 'null' });
    expect(nullOrigin.status).toBe(403);
    expect(await markPrice()).not.toBe('12345');
    expect(await activeOrders()).toBe(before);
  });

  it('refuses a WebSocket upgrade with a foreign Host or an Origin; serves our own', async () => {
    const bullet = await kc.data<{ token: string }>('POST', '/api/v1/bullet-public');
    const path = `/?token=${bullet.token}&connectId=guard-${Date.now().toString(36)}`;
    const port = new URL(venue.restUrl).port;
    const connectionsBefore = venue.admin.wsConnectionCount();
    expect(await upgradeStatusLine(venue.restUrl, path, { Host: `evil.example:${port}` })).toMatch(
      /^HTTP\/1\.1 421 /,
    );
    expect(await upgradeStatusLine(venue.restUrl, path, { Host: `localhost:${port}` })).toMatch(
      /^HTTP\/1\.1 421 /,
    );
    expect(
      await upgradeStatusLine(venue.restUrl, path, { Host: ownHost, Origin: 'http://127.0.0.1:9' }),
    ).toMatch(/^HTTP\/1\.1 403 /);
    expect(venue.admin.wsConnectionCount()).toBe(connectionsBefore);
    expect(await upgradeStatusLine(venue.restUrl, path, { Host: ownHost })).toMatch(/^HTTP\/1\.1 101 /);
  });
});

describe('a venue started without the admin API (as the app starts it)', () => {
  let venue: RunningVenue;
  let kc: KcClient;

  beforeAll(async () => {
    venue = await startTestVenue({ adminApi: false });
    kc = new KcClient(venue.restUrl, venue.credentials);
  });
  afterAll(async () => {
    await venue.stop();
  });

  it('answers 404 under /__venue/ and changes nothing; KuCoin routes still work', async () => {
    for (const [method, path, body] of [
      ['GET', '/__venue/health', undefined],
      ['POST', '/__venue/price', JSON.stringify({ symbol, price: '12345' })],
      ['POST', '/__venue/keys', JSON.stringify({ permissions: ['General', 'Futures', 'Withdraw'] })],
      ['POST', '/__venue/faults', JSON.stringify({ kind: 'server-error', rate: 1 })],
    ] as const) {
      const answer = await rawRequest(
        method,
        `${venue.restUrl}${path}`,
        { 'Content-Type': 'application/json' },
        body,
      );
      expect(answer.status, `${method} ${path}`).toBe(404);
      expect(answer.text).not.toContain('"ok":true');
    }
    expect(venue.admin.faults()).toEqual([]);
    const after = await kc.data<{ value: number | string }>('GET', `/api/v1/mark-price/${symbol}/current`);
    expect(String(after.value)).not.toBe('12345');
    expect((await rawRequest('GET', `${venue.restUrl}/api/v1/timestamp`)).json.code).toBe('200000');
  });
});
