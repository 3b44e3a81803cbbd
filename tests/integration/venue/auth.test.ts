import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signVectors as vectorFile, type SignVector as Vector } from '../../fixtures/kucoin/sign-vectors.ts';
import type { RunningVenue } from '../../../src/main/venue/index.ts';
import { KcClient, kcSign, rawRequest } from './kucoin-test-client.ts';
import { startTestVenue } from './venue-fixture.ts';

/** The request each vector describes, as it goes on the wire (docs/reference/kucoin-futures.md#sign-vectors table). */
const wire: Record<string, { method: string; path: string; body?: string }> = {
  V1_GET_query: { method: 'GET', path: '/api/v1/orders?status=active&symbol=XBTUSDTM' },
  V2_POST_json: { method: 'POST', path: '/api/v1/orders', body: vectorFile.orderBody },
  V3_DELETE_clientOid_query: {
    method: 'DELETE',
    path: '/api/v1/orders/client-order/5c52e11203aa677f33e493fb?symbol=XBTUSDTM',
  },
  V4_DELETE_orderId: { method: 'DELETE', path: '/api/v1/orders/247899236673269761' },
  V5_DELETE_json_body_multi_cancel: {
    method: 'DELETE',
    path: '/api/v1/orders/multi-cancel',
    body: vectorFile.multiCancelBody,
  },
  V6_POST_no_body_bullet_private: { method: 'POST', path: '/api/v1/bullet-private' },
  V7a_GET_raw_comma: { method: 'GET', path: '/api/v1/fills?symbol=XBTUSDTM&tradeTypes=trade%2Cliquid' },
  V8_key_version_1_plain_passphrase: { method: 'GET', path: '/api/v1/position?symbol=XBTUSDTM' },
};
const authCodes = ['400001', '400002', '400003', '400004', '400005', '400006', '400007', '400009'];
/** Vectors whose request succeeds outright on a fresh account. */
const plainSuccess = new Set([
  'V1_GET_query',
  'V6_POST_no_body_bullet_private',
  'V7a_GET_raw_comma',
  'V8_key_version_1_plain_passphrase',
]);

function vectorHeaders(v: Vector): Record<string, string> {
  return {
    'KC-API-KEY': v['KC-API-KEY'],
    'KC-API-SIGN': v['KC-API-SIGN'],
    'KC-API-TIMESTAMP': v['KC-API-TIMESTAMP'],
    'KC-API-PASSPHRASE': v['KC-API-PASSPHRASE'],
    'KC-API-KEY-VERSION': v['KC-API-KEY-VERSION'],
    'Content-Type': 'application/json',
  };
}

describe('signing vectors (sign-vectors.json) through the venue with a fixed clock', () => {
  const clock = { ms: 0, now: () => clock.ms };
  let strict: RunningVenue;
  let lenient: RunningVenue;
  const vectorKey = {
    apiKey: vectorFile.apiKey,
    apiSecret: vectorFile.apiSecret,
    passphrase: vectorFile.passphrase,
    keyVersion: '3' as const,
  };

  beforeAll(async () => {
    clock.ms = Number(vectorFile.vectors.V1_GET_query?.['KC-API-TIMESTAMP']);
    strict = await startTestVenue({ clock, keys: [vectorKey] });
    lenient = await startTestVenue({ clock, keys: [vectorKey], server: { authAcceptEncodedQuery: true } });
  });
  afterAll(async () => {
    await strict.stop();
    await lenient.stop();
  });

  for (const [name, request] of Object.entries(wire)) {
    it(`accepts ${name}`, async () => {
      const v = vectorFile.vectors[name]!;
      clock.ms = Number(v['KC-API-TIMESTAMP']);
      const res = await rawRequest(
        request.method,
        strict.restUrl + request.path,
        vectorHeaders(v),
        request.body,
      );
      expect(res.json.code, res.text).toMatch(/^\d{5,6}$/);
      expect(authCodes).not.toContain(res.json.code);
      if (plainSuccess.has(name)) expect(res.json.code).toBe('200000');
    });
  }

  it('checks the vectors themselves: prehash → KC-API-SIGN with the vector secret', () => {
    for (const [name, v] of Object.entries(vectorFile.vectors)) {
      if (!name.startsWith('V') || name.startsWith('V9')) continue;
      expect(kcSign(vectorFile.apiSecret, v.prehash)).toBe(v['KC-API-SIGN']);
    }
  });

  it('refuses V7b (signature over the encoded comma) with 400005, as KuCoin verifies the decoded query', async () => {
    const v = vectorFile.vectors.V7b_GET_encoded_comma!;
    clock.ms = Number(v['KC-API-TIMESTAMP']);
    const res = await rawRequest(
      'GET',
      `${strict.restUrl}/api/v1/fills?symbol=XBTUSDTM&tradeTypes=trade%2Cliquid`,
      vectorHeaders(v),
    );
    expect(res.status).toBe(401);
    expect(res.json.code).toBe('400005');
    const relaxed = await rawRequest(
      'GET',
      `${lenient.restUrl}/api/v1/fills?symbol=XBTUSDTM&tradeTypes=trade%2Cliquid`,
      vectorHeaders(v),
    );
    expect(relaxed.json.code).toBe('200000');
  });

  it('refuses a vector whose body was changed after signing (400005)', async () => {
    const v = vectorFile.vectors.V2_POST_json!;
    clock.ms = Number(v['KC-API-TIMESTAMP']);
    const res = await rawRequest(
      'POST',
      `${strict.restUrl}/api/v1/orders`,
      vectorHeaders(v),
      vectorFile.orderBody.replace('"size":1', '"size":2'),
    );
    expect(res.json.code).toBe('400005');
  });

  it('refuses a vector replayed more than 5 s after its timestamp (400002, HTTP 400)', async () => {
    const v = vectorFile.vectors.V1_GET_query!;
    clock.ms = Number(v['KC-API-TIMESTAMP']) + 5_001;
    const res = await rawRequest(
      'GET',
      `${strict.restUrl}/api/v1/orders?status=active&symbol=XBTUSDTM`,
      vectorHeaders(v),
    );
    expect(res.status).toBe(400);
    expect(res.json.code).toBe('400002');
    clock.ms = Number(v['KC-API-TIMESTAMP']) + 5_000;
    const edge = await rawRequest(
      'GET',
      `${strict.restUrl}/api/v1/orders?status=active&symbol=XBTUSDTM`,
      vectorHeaders(v),
    );
    expect(edge.json.code).toBe('200000');
  });
});

describe('auth error codes (docs/reference/kucoin-futures.md#auth-errors)', () => {
  let venue: RunningVenue;
  let client: KcClient;

  beforeAll(async () => {
    venue = await startTestVenue({
      keys: [
        {},
        { permissions: ['General'] },
        { ipWhitelist: ['10.1.2.3'] },
        { permissions: ['General', 'Futures', 'Transfer'], keyVersion: '2' },
      ],
    });
    client = new KcClient(venue.restUrl, venue.credentials);
  });
  afterAll(async () => {
    await venue.stop();
  });

  const path = '/api/v1/account-overview?currency=USDT';

  it('400001 when a KC-API header is missing', async () => {
    for (const drop of ['KC-API-KEY', 'KC-API-SIGN', 'KC-API-TIMESTAMP', 'KC-API-PASSPHRASE']) {
      const headers = Object.fromEntries(
        Object.entries(client.headers('GET', path, '')).filter(([name]) => name !== drop),
      );
      const res = await rawRequest('GET', venue.restUrl + path, headers);
      expect(res.status).toBe(401);
      expect(res.json).toMatchObject({ code: '400001' });
      expect(typeof res.json.msg).toBe('string');
    }
  });

  it('400002 when the timestamp is more than 5 s off, or not a number', async () => {
    const skewed = new KcClient(venue.restUrl, venue.credentials);
    skewed.offsetMs = -6_000;
    expect((await skewed.send('GET', '/api/v1/account-overview', { currency: 'USDT' })).json.code).toBe(
      '400002',
    );
    const headers = { ...client.headers('GET', path, ''), 'KC-API-TIMESTAMP': 'yesterday' };
    expect((await rawRequest('GET', venue.restUrl + path, headers)).json.code).toBe('400002');
  });

  it('400003 for a key the venue never issued', async () => {
    const stranger = new KcClient(venue.restUrl, {
      ...venue.credentials,
      apiKey: '0123456789abcdef01234567',
    });
    const res = await stranger.send('GET', '/api/v1/account-overview', { currency: 'USDT' });
    expect(res.status).toBe(401);
    expect(res.json.code).toBe('400003');
  });

  it('400004 for a wrong passphrase, and for a v3 key sent with a plain passphrase', async () => {
    const wrong = new KcClient(venue.restUrl, { ...venue.credentials, passphrase: 'not-it' });
    expect((await wrong.send('GET', '/api/v1/account-overview', { currency: 'USDT' })).json.code).toBe(
      '400004',
    );
    const headers = { ...client.headers('GET', path, ''), 'KC-API-PASSPHRASE': venue.credentials.passphrase };
    expect((await rawRequest('GET', venue.restUrl + path, headers)).json.code).toBe('400004');
  });

  it('400005 for a bad signature (wrong secret, lower-case method, signed query ≠ sent query)', async () => {
    const wrong = new KcClient(venue.restUrl, { ...venue.credentials, apiSecret: 'a-different-secret' });
    // A wrong secret also breaks the v3 passphrase, so sign the passphrase with the right one.
    const headers = {
      ...wrong.headers('GET', path, ''),
      'KC-API-PASSPHRASE': kcSign(venue.credentials.apiSecret, venue.credentials.passphrase),
    };
    expect((await rawRequest('GET', venue.restUrl + path, headers)).json.code).toBe('400005');
    const extra = client.headers('GET', path, '');
    expect((await rawRequest('GET', `${venue.restUrl + path}&extra=1`, extra)).json.code).toBe('400005');
  });

  it('400006 when the key has an IP whitelist without this IP, naming the IP', async () => {
    const listed = new KcClient(venue.restUrl, venue.keys[2]!);
    const res = await listed.send('GET', '/api/v1/account-overview', { currency: 'USDT' });
    expect(res.json.code).toBe('400006');
    expect(res.json.msg).toContain('127.0.0.1');
  });

  it('400007 when the key lacks the endpoint permission (Futures for orders and positions)', async () => {
    const readOnly = new KcClient(venue.restUrl, venue.keys[1]!);
    const order = await readOnly.send('POST', '/api/v1/orders', {
      clientOid: 'perm-1',
      side: 'buy',
      symbol: 'XBTUSDTM',
      leverage: 3,
      type: 'market',
      size: 1,
    });
    expect(order.json.code).toBe('400007');
    expect((await readOnly.send('GET', '/api/v1/positions')).json.code).toBe('400007');
    // General is enough for reading orders (spec x-api-permission General).
    expect((await readOnly.send('GET', '/api/v1/orders', { status: 'active' })).json.code).toBe('200000');
    expect(venue.admin.requestCount({ path: '/api/v1/orders', method: 'POST' })).toBeGreaterThan(0);
  });

  it('400009 for an unknown KC-API-KEY-VERSION', async () => {
    const headers = { ...client.headers('GET', path, ''), 'KC-API-KEY-VERSION': '7' };
    expect((await rawRequest('GET', venue.restUrl + path, headers)).json.code).toBe('400009');
  });

  it('accepts v2 keys with the HMAC passphrase and v1-style plain passphrase when the header says 1', async () => {
    const v2 = new KcClient(venue.restUrl, venue.keys[3]!);
    expect((await v2.send('GET', '/api/v1/account-overview', { currency: 'USDT' })).json.code).toBe('200000');
    const v1 = new KcClient(venue.restUrl, { ...venue.credentials, keyVersion: '1' });
    expect((await v1.send('GET', '/api/v1/account-overview', { currency: 'USDT' })).json.code).toBe('200000');
  });

  it('GET /api/v1/user/api-key describes the signing key (permissions, whitelist, version)', async () => {
    const info = await client.data<Record<string, unknown>>('GET', '/api/v1/user/api-key');
    expect(info).toMatchObject({
      apiKey: venue.credentials.apiKey,
      apiVersion: 3,
      permission: 'General,Futures',
      isMaster: true,
    });
    expect(typeof info.uid).toBe('number');
    expect(typeof info.createdAt).toBe('number');
    const transfer = await new KcClient(venue.restUrl, venue.keys[3]!).data<Record<string, unknown>>(
      'GET',
      '/api/v1/user/api-key',
    );
    expect(transfer).toMatchObject({ apiVersion: 2, permission: 'General,Futures,Transfer' });
  });

  it('issues extra keys at runtime through the admin API', async () => {
    const res = await rawRequest(
      'POST',
      `${venue.restUrl}/__venue/keys`,
      { 'content-type': 'application/json' },
      JSON.stringify({ permissions: ['General'] }),
    );
    const creds = (
      res.json as { data: { apiKey: string; apiSecret: string; passphrase: string; keyVersion: string } }
    ).data;
    const fresh = new KcClient(venue.restUrl, creds);
    expect((await fresh.send('GET', '/api/v1/account-overview', { currency: 'USDT' })).json.code).toBe(
      '400007',
    );
    expect((await fresh.data<{ permission: string }>('GET', '/api/v1/user/api-key')).permission).toBe(
      'General',
    );
  });
});
