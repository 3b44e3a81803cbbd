import { randomBytes } from 'node:crypto';

/** A bullet token (docs/reference/kucoin-futures.md#ws-token): public, or private and bound to one user. */
export interface WsToken {
  readonly token: string;
  readonly kind: 'public' | 'private';
  /** Owner of a private token. */
  readonly userId: string | undefined;
  readonly issuedAt: number;
  expiresAt: number;
}

/** Tokens issued by bullet-public / bullet-private, with KuCoin's 24 h lifetime (configurable). */
export class TokenStore {
  readonly #tokens = new Map<string, WsToken>();

  /** Issues a fresh random token valid for `ttlMs` from `nowMs`. */
  issue(kind: 'public' | 'private', userId: string | undefined, nowMs: number, ttlMs: number): WsToken {
    // KuCoin tokens are long opaque strings; 48 random bytes in base64url look and behave alike.
    const token: WsToken = {
      token: randomBytes(48).toString('base64url'),
      kind,
      userId,
      issuedAt: nowMs,
      expiresAt: nowMs + ttlMs,
    };
    this.#tokens.set(token.token, token);
    return token;
  }

  /** The token if it exists and is still valid at `nowMs`. */
  valid(token: string, nowMs: number): WsToken | undefined {
    const found = this.#tokens.get(token);
    return found !== undefined && found.expiresAt > nowMs ? found : undefined;
  }

  /** Fault drill: every token (optionally only one user's) expires now. */
  expireAll(nowMs: number, userId?: string): number {
    let n = 0;
    for (const token of this.#tokens.values()) {
      if (userId !== undefined && token.userId !== userId) continue;
      if (token.expiresAt > nowMs) n += 1;
      token.expiresAt = Math.min(token.expiresAt, nowMs);
    }
    return n;
  }

  /** Drops tokens that expired more than `graceMs` ago (memory bound for long runs). */
  prune(nowMs: number, graceMs: number): void {
    for (const [key, token] of this.#tokens) if (token.expiresAt + graceMs < nowMs) this.#tokens.delete(key);
  }
}
