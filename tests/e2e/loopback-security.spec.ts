// A web page in the trader's browser attacks the paper venue on 127.0.0.1, as a malicious site
// could: cross-site no-cors POSTs and a form POST to the admin API and the order endpoint from
// another loopback origin, a WebSocket with a leaked token, and a DNS-rebinding page (a name that
// resolves to 127.0.0.1 — Chromium sends `*.localhost` there — whose script then talks to the
// venue same-origin, with no Origin on its GETs). The venue here serves its admin API (the
// worst case: a test or CLI venue) so the guard alone must stop the page. Afterwards every attack
// has reached the venue and been refused, and the venue's state is what it was.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test, expect } from '@playwright/test';
import { defaultConfig } from '../../src/main/config/schema.ts';
import type { LogFields, Logger } from '../../src/main/observability/logger.ts';
import { startVenue, type RunningVenue } from '../../src/main/venue/index.ts';
import { KcClient } from '../integration/venue/kucoin-test-client.ts';

const symbol = 'XBTUSDTM';
/** Requests venueState itself sends to the venue. */
const readsPerCheck = 2;

/** A logger that keeps the venue's refusals, so the test knows each attack arrived and was refused. */
function refusalLogger(refusals: LogFields[]): Logger {
  const logger: Logger = {
    debug: () => undefined,
    info: () => undefined,
    warn: (event, fields) => {
      if (event === 'venue-request-refused' || event === 'venue-upgrade-refused') refusals.push(fields ?? {});
    },
    error: () => undefined,
    child: () => logger,
  };
  return logger;
}

/**
 * The attacker's page on its own loopback port: a form that POSTs to the venue's admin API into
 * a hidden frame (a plain cross-site form submission: no script, no CORS involved).
 */
function serveAttackerPage(venueUrl: string): Promise<{ server: Server; origin: string }> {
  const html = `<!doctype html><title>a web page</title><body>
<iframe name="sink"></iframe>
<form method="POST" enctype="text/plain" target="sink" action="${venueUrl}/__venue/reset">
<input name="x" value="y"><button id="go" type="submit">go</button></form></body>`;
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({ server, origin: `http://127.0.0.1:${String((server.address() as AddressInfo).port)}` });
    });
  });
}

test.describe('a web page cannot touch the paper venue', () => {
  let venue: RunningVenue;
  let attacker: { server: Server; origin: string };
  let kc: KcClient;
  const refusals: LogFields[] = [];

  test.beforeAll(async () => {
    venue = await startVenue({
      config: defaultConfig().venue,
      logger: refusalLogger(refusals),
      port: 0,
      seed: 5,
      adminApi: true,
    });
    kc = new KcClient(venue.restUrl, venue.credentials);
    attacker = await serveAttackerPage(venue.restUrl);
  });
  test.afterAll(async () => {
    await venue.stop();
    await new Promise<void>((resolve) =>
      attacker.server.close(() => {
        resolve();
      }),
    );
  });

  /** What the attacks would change: price, orders, faults, keys, sockets, and what the venue served. */
  async function venueState(): Promise<Record<string, unknown>> {
    // Counted before this check's own reads, so the next check finds exactly readsPerCheck more.
    const served = venue.admin.requestCount();
    const orders = await kc.data<{ items: unknown[] }>('GET', '/api/v1/orders', { status: 'active' });
    const mark = await kc.data<{ value: number | string }>('GET', `/api/v1/mark-price/${symbol}/current`);
    return {
      orders: orders.items.length,
      markIsAttackersPrice: String(mark.value) === '12345',
      faults: venue.admin.faults(),
      sockets: venue.admin.wsConnectionCount(),
      served,
    };
  }

  test('no-cors POSTs, a form POST and a WebSocket from another loopback origin are refused', async ({
    page,
  }) => {
    const before = await venueState();
    const bullet = await kc.data<{ token: string }>('POST', '/api/v1/bullet-public');
    await page.goto(`${attacker.origin}/`);
    const refusedBefore = refusals.length;
    const outcome = await page.evaluate(
      async ({ target, token, sym }) => {
        const post = (path: string, body: string): Promise<string> =>
          fetch(`${target}${path}`, {
            method: 'POST',
            mode: 'no-cors',
            headers: { 'Content-Type': 'text/plain' },
            body,
          }).then(
            (r) => r.type,
            (e: unknown) => `network error: ${String(e)}`,
          );
        const order = JSON.stringify({
          clientOid: 'from-a-web-page',
          symbol: sym,
          side: 'buy',
          type: 'market',
          size: 1,
          leverage: 5,
        });
        const answers = [
          await post('/__venue/price', JSON.stringify({ symbol: sym, price: '12345' })),
          await post('/__venue/faults', JSON.stringify({ kind: 'server-error', rate: 1 })),
          await post('/__venue/keys', JSON.stringify({ permissions: ['General', 'Futures', 'Withdraw'] })),
          await post('/api/v1/orders', order),
        ];
        const socket = await new Promise<string>((resolve) => {
          const ws = new WebSocket(`${target.replace('http', 'ws')}/?token=${token}&connectId=page`);
          ws.onopen = () => {
            resolve('opened');
          };
          ws.onerror = () => {
            resolve('refused');
          };
        });
        return { answers, socket };
      },
      { target: venue.restUrl, token: bullet.token, sym: symbol },
    );
    const formAnswer = page.waitForResponse((r) => r.url().endsWith('/__venue/reset'));
    await page.click('#go');
    expect((await formAnswer).status()).toBe(403);
    // no-cors answers are opaque to the page either way; what matters is what the venue did.
    expect(outcome.answers).toHaveLength(4);
    expect(outcome.socket).toBe('refused');
    const arrived = refusals.slice(refusedBefore);
    expect(arrived.length).toBeGreaterThanOrEqual(6);
    expect(arrived.every((r) => r.origin === attacker.origin)).toBe(true);
    // Served since: the previous check's reads and the test's own bullet-public, nothing of the page's.
    expect(await venueState()).toEqual({ ...before, served: (before.served as number) + readsPerCheck + 1 });
  });

  test('a DNS-rebinding page (a name resolving to 127.0.0.1) is refused by Host, GETs included', async ({
    page,
  }) => {
    const before = await venueState();
    const port = new URL(venue.restUrl).port;
    const rebound = `http://rebind.localhost:${port}`;
    const refusedBefore = refusals.length;
    // The page's top-level load itself goes to the venue under the attacker's name.
    const landing = await page.goto(`${rebound}/api/v1/timestamp`);
    expect(landing?.status()).toBe(421);
    expect(await page.content()).toContain(`only http://127.0.0.1:${port} is served here`);
    // Its script is now same-origin with the venue's port: it can read answers, so it tries.
    const seen = await page.evaluate(async () => {
      const read = async (path: string, init?: RequestInit): Promise<string> => {
        const r = await fetch(path, init);
        return `${String(r.status)} ${await r.text()}`;
      };
      return [
        await read('/__venue/health'),
        await read('/__venue/requests'),
        await read('/api/v1/contracts/active'),
        await read('/__venue/price', {
          method: 'POST',
          body: JSON.stringify({ symbol: 'XBTUSDTM', price: '12345' }),
        }),
      ];
    });
    // GETs carry no Origin same-origin: the Host stops them. Chromium adds Origin to a POST.
    for (const answer of seen.slice(0, 3)) expect(answer).toMatch(/^421 /);
    expect(seen[3]).toMatch(/^(421|403) /);
    expect(refusals.length - refusedBefore).toBeGreaterThanOrEqual(5);
    expect(await venueState()).toEqual({ ...before, served: (before.served as number) + readsPerCheck });
  });
});
