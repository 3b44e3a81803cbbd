import { createHmac, randomBytes, randomInt } from 'node:crypto';

/** KuCoin key permissions (spec `GET /api/v1/user/api-key` `permission`; Withdraw as KuCoin's key UI names it). */
export type KeyPermission =
  'General' | 'Spot' | 'Margin' | 'Futures' | 'InnerTransfer' | 'Transfer' | 'Earn' | 'Withdraw';

/**
 * How a test wants a venue key: its rights, IP whitelist and version; explicit credentials only
 * when a test replays published vectors (sign-vectors.json), otherwise crypto-random.
 */
export interface KeySpec {
  readonly permissions?: readonly KeyPermission[];
  /** Empty = no whitelist (any IP). */
  readonly ipWhitelist?: readonly string[];
  readonly keyVersion?: '1' | '2' | '3';
  /** Which venue account the key trades for; keys with the same userId share one account. */
  readonly userId?: string;
  readonly remark?: string;
  readonly apiKey?: string;
  readonly apiSecret?: string;
  readonly passphrase?: string;
}

/** One issued key as the venue stores it. */
export interface ApiKeyRecord {
  readonly apiKey: string;
  readonly apiSecret: string;
  readonly passphrase: string;
  readonly keyVersion: '1' | '2' | '3';
  readonly permissions: readonly KeyPermission[];
  readonly ipWhitelist: readonly string[];
  readonly userId: string;
  readonly uid: number;
  readonly remark: string;
  readonly createdAt: number;
  /** base64(HMAC(secret, passphrase)): what v2/v3 clients send, computed once per key. */
  readonly passphraseHmac: string;
}

/** docs/reference/kucoin-futures.md#signing: base64(HMAC-SHA256(secret, message)), the one primitive of KuCoin signing. */
export function hmacBase64(secret: string, message: string): string {
  return createHmac('sha256', secret).update(message, 'utf8').digest('base64');
}

function hex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}

function uuidLike(): string {
  const h = hex(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Issues a key from a spec: KuCoin-shaped 24-hex key, UUID secret, random passphrase. */
export function issueKey(spec: KeySpec, createdAt: number): ApiKeyRecord {
  const apiSecret = spec.apiSecret ?? uuidLike();
  const passphrase = spec.passphrase ?? `pp-${hex(8)}`;
  return {
    apiKey: spec.apiKey ?? hex(12),
    apiSecret,
    passphrase,
    passphraseHmac: hmacBase64(apiSecret, passphrase),
    keyVersion: spec.keyVersion ?? '3',
    permissions: spec.permissions ?? ['General', 'Futures'],
    ipWhitelist: spec.ipWhitelist ?? [],
    userId: spec.userId ?? `user-${hex(6)}`,
    uid: randomInt(100_000_000, 999_999_999),
    remark: spec.remark ?? 'bulwark-venue',
    createdAt,
  };
}

/** The venue's key book: look-up by key string, issuing new keys at runtime (admin API). */
export class KeyBook {
  readonly #keys = new Map<string, ApiKeyRecord>();

  /** Adds a key built from `spec` and returns it. */
  issue(spec: KeySpec, createdAt: number): ApiKeyRecord {
    const record = issueKey(spec, createdAt);
    this.#keys.set(record.apiKey, record);
    return record;
  }

  /** The key with this id, or undefined when the venue never issued it. */
  find(apiKey: string): ApiKeyRecord | undefined {
    return this.#keys.get(apiKey);
  }

  /** Every issued key. */
  all(): readonly ApiKeyRecord[] {
    return [...this.#keys.values()];
  }
}
