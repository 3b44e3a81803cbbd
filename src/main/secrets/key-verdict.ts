import { AuthError, TimeSyncError } from '../../shared/errors.ts';
import type { KeyVerdict, RefusalReason } from '../../shared/ipc/channels/secrets.ts';
import { keyLast4 } from './profile-schema.ts';

/** What `GET /api/v1/user/api-key` says about a key (the fields verification reads). */
export interface ApiKeyFacts {
  readonly apiKey: string;
  /** KuCoin's comma-separated list, e.g. `General,Futures`. */
  readonly permission: string;
  /** KuCoin's comma-separated IPs; empty or absent = no restriction. */
  readonly ipWhitelist?: string | null | undefined;
}

/**
 * Sentences for each refusal (docs/reference/kucoin-futures.md#auth-errors order: 400003 key, 400004 passphrase, 400005 signature,
 * 400006 IP, 400007 permission). They name the part that is wrong and what to do about it.
 */
const refusalMessages: Readonly<Record<RefusalReason, string>> = {
  key: 'KuCoin does not recognise this API key. Copy the key again from KuCoin → API Management (the 24-character "Key", not the secret), or create a new key.',
  // For version 2/3 keys the passphrase header is HMAC(secret, passphrase) (docs/reference/kucoin-futures.md#signing) and KuCoin
  // checks it before the signature (docs/reference/kucoin-futures.md#auth-errors), so a wrong secret also ends here.
  passphrase:
    'KuCoin refused the API passphrase. For version 2 and 3 keys the passphrase is signed with the API secret, so the passphrase or the secret is wrong: re-enter both exactly as created (the passphrase is the one you chose for this key, not your login or trading password).',
  signature:
    'KuCoin could not verify the request signature: the API secret is wrong. Paste the secret shown when the key was created; if you no longer have it, create a new key.',
  ip: "This key only works from whitelisted IP addresses and this computer's address is not on the list. Add this computer's public IP to the key in KuCoin → API Management, or use a key without an IP restriction.",
  permission:
    'KuCoin says this key lacks a permission Bulwark needs. Enable "General" and "Futures" on the key in KuCoin → API Management.',
  'no-futures-permission':
    'This key cannot trade futures. Enable the "Futures" permission on it in KuCoin → API Management, or create a key with "General" and "Futures".',
  'key-version':
    'KuCoin no longer accepts this key version. Create a new API key (version 3) in KuCoin → API Management.',
  clock:
    "KuCoin refused the request time: this computer's clock is more than 5 seconds off. Turn on automatic time in your system settings and try again.",
};

const authReasons = new Set<RefusalReason>([
  'key',
  'passphrase',
  'signature',
  'ip',
  'permission',
  'key-version',
]);

/** Permissions that let a key move money out of the futures account; Bulwark never needs them. */
const fundMovingPermissions = ['Transfer', 'InnerTransfer', 'Withdraw', 'Withdrawal'];

/** A refused verdict for `reason`. */
export function refusedVerdict(apiKey: string, reason: RefusalReason, exchangeCode?: string): KeyVerdict {
  return {
    accepted: false,
    keyLast4: keyLast4(apiKey),
    reason,
    message: refusalMessages[reason],
    ...(exchangeCode === undefined ? {} : { exchangeCode }),
  };
}

/**
 * Turns an exchange refusal into a verdict: AuthError (KuCoin 400003–400009, reason in
 * details) and TimeSyncError (400002). Anything else — network, rate limit, config — is not
 * a verdict on the key and is returned as `undefined` so the caller rethrows it.
 */
export function verdictFromError(apiKey: string, error: unknown): KeyVerdict | undefined {
  const code =
    error instanceof AuthError || error instanceof TimeSyncError ? error.details.kucoinCode : undefined;
  const exchangeCode = typeof code === 'string' ? code : undefined;
  if (error instanceof TimeSyncError) return refusedVerdict(apiKey, 'clock', exchangeCode);
  if (!(error instanceof AuthError)) return undefined;
  const reason = error.details.reason;
  if (typeof reason === 'string' && authReasons.has(reason as RefusalReason)) {
    return refusedVerdict(apiKey, reason as RefusalReason, exchangeCode);
  }
  return refusedVerdict(apiKey, 'permission', exchangeCode);
}

function splitList(value: string | null | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** Warnings for an accepted key: fund-moving rights (loud), no IP restriction (mild). */
export function keyWarnings(permissions: readonly string[], ipWhitelist: readonly string[]): string[] {
  const warnings: string[] = [];
  const risky = permissions.filter((p) =>
    fundMovingPermissions.some((r) => r.toLowerCase() === p.toLowerCase()),
  );
  if (risky.length > 0) {
    warnings.push(
      `WARNING: this key can move funds out of your account (${risky.join(', ')}). Bulwark never needs that: if this computer is compromised, so is your money. Create a key with only "General" and "Futures".`,
    );
  }
  if (ipWhitelist.length === 0) {
    warnings.push(
      'This key has no IP restriction; restricting it to your IP address in KuCoin → API Management makes a leaked key useless elsewhere.',
    );
  }
  return warnings;
}

/** Judges what KuCoin said about a key that it accepted: Futures permission required. */
export function verdictFromFacts(apiKey: string, facts: ApiKeyFacts): KeyVerdict {
  const permissions = splitList(facts.permission);
  const ipWhitelist = splitList(facts.ipWhitelist);
  if (!permissions.some((p) => p.toLowerCase() === 'futures'))
    return refusedVerdict(apiKey, 'no-futures-permission');
  return {
    accepted: true,
    keyLast4: keyLast4(apiKey),
    permissions,
    ipWhitelist,
    warnings: keyWarnings(permissions, ipWhitelist),
  };
}
