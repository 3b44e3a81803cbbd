import { describe, expect, it } from 'vitest';
import {
  signVectors as fixture,
  signVector as vector,
} from '../../../../tests/fixtures/kucoin/sign-vectors.ts';
import { buildQuery } from './query.ts';
import { buildPrehash, createRequestSigner, hmacBase64, type SignInput } from './signer.ts';

const requests: Record<string, Omit<SignInput, 'timestampMs'>> = {
  V1_GET_query: {
    method: 'GET',
    path: '/api/v1/orders',
    rawQuery: buildQuery({ status: 'active', symbol: 'XBTUSDTM' }).raw,
    body: '',
  },
  V2_POST_json: { method: 'POST', path: '/api/v1/orders', rawQuery: '', body: fixture.orderBody },
  V3_DELETE_clientOid_query: {
    method: 'DELETE',
    path: '/api/v1/orders/client-order/5c52e11203aa677f33e493fb',
    rawQuery: 'symbol=XBTUSDTM',
    body: '',
  },
  V4_DELETE_orderId: { method: 'DELETE', path: '/api/v1/orders/247899236673269761', rawQuery: '', body: '' },
  V5_DELETE_json_body_multi_cancel: {
    method: 'DELETE',
    path: '/api/v1/orders/multi-cancel',
    rawQuery: '',
    body: fixture.multiCancelBody,
  },
  V6_POST_no_body_bullet_private: { method: 'POST', path: '/api/v1/bullet-private', rawQuery: '', body: '' },
  V7a_GET_raw_comma: {
    method: 'GET',
    path: '/api/v1/fills',
    rawQuery: buildQuery({ symbol: 'XBTUSDTM', tradeTypes: 'trade,liquid' }).raw,
    body: '',
  },
  V8_key_version_1_plain_passphrase: {
    method: 'GET',
    path: '/api/v1/position',
    rawQuery: 'symbol=XBTUSDTM',
    body: '',
  },
};

describe('KuCoin request signing (docs/reference/kucoin-futures.md#signing, sign-vectors.json)', () => {
  for (const [name, request] of Object.entries(requests)) {
    it(`reproduces ${name} exactly`, () => {
      const expected = vector(name);
      const keyVersion = expected['KC-API-KEY-VERSION'] as '1' | '3';
      const signer = createRequestSigner({
        apiKey: fixture.apiKey,
        apiSecret: fixture.apiSecret,
        passphrase: fixture.passphrase,
        keyVersion,
      });
      const input = { ...request, timestampMs: Number(expected['KC-API-TIMESTAMP']) };
      expect(buildPrehash(input)).toBe(expected.prehash);
      expect(signer.sign(input)).toEqual({
        'KC-API-KEY': expected['KC-API-KEY'],
        'KC-API-SIGN': expected['KC-API-SIGN'],
        'KC-API-TIMESTAMP': expected['KC-API-TIMESTAMP'],
        'KC-API-PASSPHRASE': expected['KC-API-PASSPHRASE'],
        'KC-API-KEY-VERSION': expected['KC-API-KEY-VERSION'],
      });
    });
  }

  it('signs the raw comma, never the encoded one (V7a vs V7b)', () => {
    const query = buildQuery({ symbol: 'XBTUSDTM', tradeTypes: 'trade,liquid' });
    expect(query.encoded).toBe('symbol=XBTUSDTM&tradeTypes=trade%2Cliquid');
    const signer = createRequestSigner({
      apiKey: fixture.apiKey,
      apiSecret: fixture.apiSecret,
      passphrase: fixture.passphrase,
      keyVersion: '3',
    });
    const signed = signer.sign({
      timestampMs: 1731916986300,
      method: 'GET',
      path: '/api/v1/fills',
      rawQuery: query.raw,
      body: '',
    });
    expect(signed['KC-API-SIGN']).toBe(vector('V7a_GET_raw_comma')['KC-API-SIGN']);
    expect(signed['KC-API-SIGN']).not.toBe(vector('V7b_GET_encoded_comma')['KC-API-SIGN']);
  });

  it('key version 2 sends the same HMAC passphrase as version 3', () => {
    const v2 = createRequestSigner({
      apiKey: 'k',
      apiSecret: fixture.apiSecret,
      passphrase: fixture.passphrase,
      keyVersion: '2',
    });
    const headers = v2.sign({
      timestampMs: 1,
      method: 'get',
      path: '/api/v1/timestamp',
      rawQuery: '',
      body: '',
    });
    expect(headers['KC-API-PASSPHRASE']).toBe(vector('V1_GET_query')['KC-API-PASSPHRASE']);
    expect(headers['KC-API-KEY-VERSION']).toBe('2');
  });

  it('reproduces the published HMAC vectors (PUB1, PUB2, V9) and the corrected futures doc copy (PUB3)', () => {
    for (const name of ['PUB1_python_sdk_unit_test', 'PUB2_docs_spot_example']) {
      const v = vector(name);
      expect(hmacBase64(v.key ?? '', v.msg ?? '')).toBe(v.expected);
    }
    const pub3 = vector('PUB3_futures_doc_copy');
    expect(hmacBase64('f03a5284-5c39-4aaa-9b20-dea10bdcf8e3', pub3.msg ?? '')).toBe(pub3.sign);
    const v9 = vector('V9_partner_sign');
    expect(hmacBase64('partner-secret-0000', v9.input ?? '')).toBe(
      v9['KC-API-PARTNER-SIGN (HMAC key = partner key; ccxt, tiagosiebler)'],
    );
    expect(hmacBase64(fixture.apiSecret, v9.input ?? '')).toBe(
      v9['KC-API-PARTNER-SIGN (HMAC key = api secret; universal SDK brokerHeaders)'],
    );
  });

  it('leaves undefined query values out and keeps insertion order', () => {
    expect(buildQuery({ b: 1, a: undefined, c: 'x y' })).toEqual({
      raw: 'b=1&c=x y',
      encoded: 'b=1&c=x%20y',
    });
  });
});
