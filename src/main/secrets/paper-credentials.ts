import { randomBytes } from 'node:crypto';
import type { ApiCredentials } from './profile-schema.ts';

/**
 * Fresh credentials for the built-in paper venue: KuCoin-shaped (24-hex key, UUID-like secret)
 * so the same signing path is exercised, with `bytes` of randomness in the passphrase.
 */
export function generatePaperCredentials(bytes: number): ApiCredentials {
  const hex = randomBytes(16).toString('hex');
  return {
    apiKey: randomBytes(12).toString('hex'),
    apiSecret: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`,
    passphrase: randomBytes(bytes).toString('base64url'),
    keyVersion: '3',
  };
}
