import { describe, expect, it } from 'vitest';
import { signVectors as file } from '../../../../tests/fixtures/kucoin/sign-vectors.ts';
import { KeyBook } from './api-keys.ts';
import { authenticate, decodedQuery } from './auth.ts';
import type { SignedRequestParts } from './auth.ts';
import { refusalOf } from './kucoin-errors.ts';

const keys = new KeyBook();
keys.issue({ apiKey: file.apiKey, apiSecret: file.apiSecret, passphrase: file.passphrase }, 0);
const settings = { toleranceMs: 5_000, acceptEncodedQuery: false };

function parts(name: string, method: string, path: string, rawQuery = '', rawBody = ''): SignedRequestParts {
  const v = file.vectors[name]!;
  const headers = Object.fromEntries(Object.entries(v).map(([k, value]) => [k.toLowerCase(), value]));
  return { method, path, rawQuery, rawBody, headers, ip: '127.0.0.1' };
}

function codeOf(run: () => unknown): string {
  try {
    run();
    return 'ok';
  } catch (error) {
    return refusalOf(error)?.code ?? 'defect';
  }
}

const cases: [string, string, string, string?, string?][] = [
  ['V1_GET_query', 'GET', '/api/v1/orders', 'status=active&symbol=XBTUSDTM'],
  ['V2_POST_json', 'POST', '/api/v1/orders', '', file.orderBody],
  [
    'V3_DELETE_clientOid_query',
    'DELETE',
    '/api/v1/orders/client-order/5c52e11203aa677f33e493fb',
    'symbol=XBTUSDTM',
  ],
  ['V4_DELETE_orderId', 'DELETE', '/api/v1/orders/247899236673269761'],
  ['V5_DELETE_json_body_multi_cancel', 'DELETE', '/api/v1/orders/multi-cancel', '', file.multiCancelBody],
  ['V6_POST_no_body_bullet_private', 'POST', '/api/v1/bullet-private'],
  ['V7a_GET_raw_comma', 'GET', '/api/v1/fills', 'symbol=XBTUSDTM&tradeTypes=trade%2Cliquid'],
  ['V8_key_version_1_plain_passphrase', 'GET', '/api/v1/position', 'symbol=XBTUSDTM'],
];

describe('authenticate (docs/reference/kucoin-futures.md#auth-errors) against sign-vectors.json', () => {
  for (const [name, method, path, query, body] of cases) {
    it(`accepts ${name}`, () => {
      const p = parts(name, method, path, query, body);
      expect(authenticate(p, keys, Number(file.vectors[name]!['KC-API-TIMESTAMP']), settings).apiKey).toBe(
        file.apiKey,
      );
    });
  }

  it('refuses V7b (encoded comma signed) unless lenient', () => {
    const p = parts(
      'V7b_GET_encoded_comma',
      'GET',
      '/api/v1/fills',
      'symbol=XBTUSDTM&tradeTypes=trade%2Cliquid',
    );
    const now = Number(file.vectors.V7b_GET_encoded_comma!['KC-API-TIMESTAMP']);
    expect(codeOf(() => authenticate(p, keys, now, settings))).toBe('400005');
    expect(codeOf(() => authenticate(p, keys, now, { ...settings, acceptEncodedQuery: true }))).toBe('ok');
  });

  it('checks in KuCoin order: 400002 before 400003 before 400004 before 400005', () => {
    const p = parts('V1_GET_query', 'GET', '/api/v1/orders', 'status=active&symbol=XBTUSDTM');
    const now = Number(file.vectors.V1_GET_query!['KC-API-TIMESTAMP']);
    const unknownKey = { ...p, headers: { ...p.headers, 'kc-api-key': 'nope' } };
    expect(codeOf(() => authenticate(unknownKey, keys, now + 10_000, settings))).toBe('400002');
    expect(codeOf(() => authenticate(unknownKey, keys, now, settings))).toBe('400003');
    const badPass = { ...p, headers: { ...p.headers, 'kc-api-passphrase': 'x' }, rawQuery: 'tampered=1' };
    expect(codeOf(() => authenticate(badPass, keys, now, settings))).toBe('400004');
    expect(codeOf(() => authenticate({ ...p, rawQuery: 'tampered=1' }, keys, now, settings))).toBe('400005');
    expect(codeOf(() => authenticate({ ...p, method: 'get' }, keys, now, settings))).toBe('ok');
  });

  it('decodes the query for the prehash, keeping malformed escapes literal', () => {
    expect(decodedQuery('a=b%2Cc&d=%28x%29')).toBe('a=b,c&d=(x)');
    expect(decodedQuery('a=%E0%A4%A')).toBe('a=%E0%A4%A');
  });
});
