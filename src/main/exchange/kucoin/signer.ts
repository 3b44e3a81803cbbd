import { createHmac } from 'node:crypto';

/** The API credentials of one KuCoin key (secret material: never logged, never sent to the renderer). */
export interface KucoinCredentials {
  readonly apiKey: string;
  readonly apiSecret: string;
  readonly passphrase: string;
  /** `'3'` (current), `'2'` (same passphrase transform) or `'1'` (legacy plaintext passphrase) (docs/reference/kucoin-futures.md#signing). */
  readonly keyVersion: '1' | '2' | '3';
}

/** What is signed: the request exactly as it goes on the wire, with the un-encoded query (docs/reference/kucoin-futures.md#prehash). */
export interface SignInput {
  /** Epoch milliseconds, already corrected by the server-time offset. */
  readonly timestampMs: number;
  readonly method: string;
  /** Path starting with `/api/`, no host. */
  readonly path: string;
  /** `k=v&k2=v2` with raw (un-percent-encoded) values, in the order sent; `''` when none. */
  readonly rawQuery: string;
  /** The exact JSON text of the body; `''` when there is none. */
  readonly body: string;
}

/** The KC-API-* headers of one signed request. */
export interface SignedHeaders {
  readonly 'KC-API-KEY': string;
  readonly 'KC-API-SIGN': string;
  readonly 'KC-API-TIMESTAMP': string;
  readonly 'KC-API-PASSPHRASE': string;
  readonly 'KC-API-KEY-VERSION': string;
}

/** Signs KuCoin requests with one key; the passphrase transform is computed once. */
export interface RequestSigner {
  /** The KC-API-* headers for this request. Pure: same input, same headers. */
  sign(input: SignInput): SignedHeaders;
}

/** `base64(HMAC-SHA256(key=secret, msg))`, standard base64 with padding (docs/reference/kucoin-futures.md#signing). */
export function hmacBase64(secret: string, message: string): string {
  return createHmac('sha256', secret).update(message, 'utf8').digest('base64');
}

/** `timestamp + METHOD + path[?rawQuery] + body` (docs/reference/kucoin-futures.md#prehash). */
export function buildPrehash(input: SignInput): string {
  const query = input.rawQuery === '' ? '' : `?${input.rawQuery}`;
  return `${String(input.timestampMs)}${input.method.toUpperCase()}${input.path}${query}${input.body}`;
}

/**
 * Creates the signer for one key. Versions 2 and 3 send `base64(HMAC(secret, passphrase))`,
 * version 1 the plaintext passphrase (docs/reference/kucoin-futures.md#signing, vectors V1–V8).
 */
export function createRequestSigner(credentials: KucoinCredentials): RequestSigner {
  const passphraseHeader =
    credentials.keyVersion === '1'
      ? credentials.passphrase
      : hmacBase64(credentials.apiSecret, credentials.passphrase);
  return {
    sign(input) {
      return {
        'KC-API-KEY': credentials.apiKey,
        'KC-API-SIGN': hmacBase64(credentials.apiSecret, buildPrehash(input)),
        'KC-API-TIMESTAMP': String(input.timestampMs),
        'KC-API-PASSPHRASE': passphraseHeader,
        'KC-API-KEY-VERSION': credentials.keyVersion,
      };
    },
  };
}
