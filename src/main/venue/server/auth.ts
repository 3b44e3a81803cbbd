import { timingSafeEqual } from 'node:crypto';
import type { ApiKeyRecord, KeyBook } from './api-keys.ts';
import { hmacBase64 } from './api-keys.ts';
import { refuse } from './kucoin-errors.ts';

/** The parts of a received request that KuCoin's signature covers (docs/reference/kucoin-futures.md#prehash). */
export interface SignedRequestParts {
  readonly method: string;
  /** Path exactly as received, without the query. */
  readonly path: string;
  /** Query exactly as received (after `?`, without it); '' when none. */
  readonly rawQuery: string;
  readonly rawBody: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly ip: string;
}

/** Verification settings: tolerance (docs/reference/kucoin-futures.md#server-time) and the lenient encoded-query mode (docs/reference/kucoin-futures.md#auth-errors step 4). */
export interface AuthSettings {
  readonly toleranceMs: number;
  readonly acceptEncodedQuery: boolean;
}

/** A header's value; blank counts as absent (KuCoin answers 400001 for an empty KC-API-KEY too). */
function header(parts: SignedRequestParts, name: string): string | undefined {
  const raw = parts.headers[name];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value === undefined || value.trim() === '' ? undefined : value;
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

/** docs/reference/kucoin-futures.md#prehash: the query in the prehash is percent-decoded, in the order received. */
export function decodedQuery(rawQuery: string): string {
  try {
    return decodeURIComponent(rawQuery);
  } catch {
    // A malformed escape cannot have been signed decoded; the literal text is the only candidate.
    return rawQuery;
  }
}

/** docs/reference/kucoin-futures.md#prehash: timestamp + METHOD + path (+ '?' + query) + body. */
export function prehashOf(timestamp: string, parts: SignedRequestParts, query: string): string {
  return (
    timestamp + parts.method.toUpperCase() + parts.path + (query === '' ? '' : `?${query}`) + parts.rawBody
  );
}

function checkTimestamp(timestamp: string, nowMs: number, toleranceMs: number): void {
  const ts = /^\d{1,16}$/.test(timestamp) ? Number(timestamp) : Number.NaN;
  if (!Number.isFinite(ts) || Math.abs(nowMs - ts) > toleranceMs) refuse('400002');
}

function checkPassphrase(key: ApiKeyRecord, version: string, passphrase: string): void {
  // docs/reference/kucoin-futures.md#signing: v2/v3 send base64(HMAC(secret, passphrase)); v1 sends it in plain text.
  const expected = version === '1' ? key.passphrase : key.passphraseHmac;
  if (!safeEqual(expected, passphrase)) refuse('400004');
}

function checkSignature(
  key: ApiKeyRecord,
  timestamp: string,
  sign: string,
  parts: SignedRequestParts,
  settings: AuthSettings,
): void {
  const decoded = prehashOf(timestamp, parts, decodedQuery(parts.rawQuery));
  if (safeEqual(hmacBase64(key.apiSecret, decoded), sign)) return;
  const literal = prehashOf(timestamp, parts, parts.rawQuery);
  if (settings.acceptEncodedQuery && safeEqual(hmacBase64(key.apiSecret, literal), sign)) return;
  refuse('400005');
}

/**
 * Verifies a private request as KuCoin's gateway does (docs/reference/kucoin-futures.md#auth-errors) and returns the key it was signed
 * with. Throws KuCoin's 400001…400006 and 400009 refusals in KuCoin's order of checks.
 */
export function authenticate(
  parts: SignedRequestParts,
  keys: KeyBook,
  nowMs: number,
  settings: AuthSettings,
): ApiKeyRecord {
  const apiKey = header(parts, 'kc-api-key');
  const sign = header(parts, 'kc-api-sign');
  const timestamp = header(parts, 'kc-api-timestamp');
  const passphrase = header(parts, 'kc-api-passphrase');
  if (apiKey === undefined || sign === undefined || timestamp === undefined || passphrase === undefined)
    refuse('400001');
  checkTimestamp(timestamp, nowMs, settings.toleranceMs);
  const key = keys.find(apiKey);
  if (key === undefined) refuse('400003');
  // A client that sends no version header is a legacy v1 client (plain passphrase).
  const version = header(parts, 'kc-api-key-version') ?? '1';
  if (version !== '1' && version !== '2' && version !== '3') refuse('400009');
  checkPassphrase(key, version, passphrase);
  checkSignature(key, timestamp, sign, parts, settings);
  if (key.ipWhitelist.length > 0 && !key.ipWhitelist.includes(parts.ip)) {
    refuse('400006', `Invalid request ip, the current clientIp is:${parts.ip}`);
  }
  return key;
}

/** docs/reference/kucoin-futures.md#auth-errors (spec x-api-permission): a key needs the endpoint's permission, else 400007. */
export function requirePermission(key: ApiKeyRecord, permission: 'General' | 'Futures' | null): void {
  if (permission !== null && !key.permissions.includes(permission)) refuse('400007');
}
