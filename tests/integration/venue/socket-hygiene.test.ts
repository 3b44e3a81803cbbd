/**
 * What the venue does with a connection that goes wrong while a request on it is still being served
 * (ADR 0142): a parse error after a request that latency holds must not be answered with a raw 400 in
 * that request's place (the client would read it as the order's answer); the connection is closed
 * unanswered, as Node does by default, and the venue keeps answering everyone. Plus a bounded soak.
 */
import { connect } from 'node:net';
import { Agent, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningVenue } from '../../../src/main/venue/index.ts';
import { runSoak } from '../../harness/venue-soak.ts';
import { KcClient, rawRequest } from './kucoin-test-client.ts';
import { startTestVenue } from './venue-fixture.ts';

/** Sends `bytes` on a fresh socket and collects everything the venue writes until it closes. */
function rawExchange(url: string, bytes: string[], gapMs: number): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('close', () => {
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    socket.on('error', reject);
    socket.on('connect', () => {
      bytes.forEach((part, i) => {
        setTimeout(() => socket.write(part), i * gapMs);
      });
      setTimeout(() => socket.end(), bytes.length * gapMs + 2_000);
    });
  });
}

describe('socket hygiene under latency', () => {
  let venue: RunningVenue;
  let kc: KcClient;

  beforeAll(async () => {
    venue = await startTestVenue({ keys: Array.from({ length: 6 }, () => ({})) });
    kc = new KcClient(venue.restUrl, venue.credentials);
  });
  afterAll(async () => {
    await venue.stop();
  });

  it('a malformed follow-up on a connection never answers in place of the held request', async () => {
    venue.admin.setLatency(300, 0, { path: '/api/v1/orders' });
    const clientOid = `held-${Date.now().toString(36)}`;
    const body = JSON.stringify({
      clientOid,
      symbol: 'XBTUSDTM',
      side: 'buy',
      type: 'limit',
      price: '50000',
      size: 1,
      leverage: 5,
      marginMode: 'ISOLATED',
    });
    const headers = kc.headers('POST', '/api/v1/orders', body);
    const head = [
      `POST /api/v1/orders HTTP/1.1`,
      `Host: ${new URL(venue.restUrl).host}`,
      `Content-Length: ${Buffer.byteLength(body)}`,
      ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
      '',
      '',
    ].join('\r\n');
    const seen = await rawExchange(venue.restUrl, [head + body, 'NOT-HTTP \u0000\r\n\r\n'], 50);
    venue.admin.clearFaults();
    // Either the held order is answered (200000) or the connection closes unanswered — an unknown
    // outcome the client reconciles by clientOid. Never a "400 Bad Request" standing in its place.
    expect(seen.startsWith('HTTP/1.1 400')).toBe(false);
    if (seen !== '') expect(seen).toMatch(/^HTTP\/1\.1 200 OK[\s\S]*"code":"200000"/);
    expect((await rawRequest('GET', `${venue.restUrl}/__venue/health`)).status).toBe(200);
    const byOid = await kc.send('GET', '/api/v1/orders/byClientOid', { clientOid });
    expect(['200000', '404000']).toContain(byOid.json.code);
    await kc.data('DELETE', '/api/v1/orders', { symbol: 'XBTUSDTM' });
  });

  it('a soak of traders under 30 ms latency, some requests abandoned mid-flight, leaves the venue answering', async () => {
    const agent = new Agent({ connections: 8, keepAliveTimeout: 4_000, pipelining: 1 });
    const result = await runSoak({
      restUrl: venue.restUrl,
      traders: venue.keys,
      durationMs: 4_000,
      latencyMs: 30,
      jitterMs: 10,
      seed: 42,
      send: async (url, init) => {
        const res = await request(url, { ...init, dispatcher: agent });
        return { status: res.statusCode, text: await res.body.text() };
      },
    });
    await agent.destroy();
    expect(result.stalled).toBe(false);
    expect(result.codes['200000'] ?? 0).toBeGreaterThan(50);
    expect((await rawRequest('GET', `${venue.restUrl}/__venue/health`)).status).toBe(200);
    expect((await kc.publicGet('/api/v1/timestamp')).json.code).toBe('200000');
  });
});
