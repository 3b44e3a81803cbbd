import type { KeyVerdict } from '../../shared/ipc/channels/secrets.ts';
import type { Logger } from '../observability/logger.ts';
import { verdictFromError, verdictFromFacts, type ApiKeyFacts } from './key-verdict.ts';
import type { ApiCredentials } from './profile-schema.ts';
import { registerCredentialSecrets } from './secret-store.ts';

/**
 * Asks the exchange about candidate credentials with one signed read-only call
 * (`GET /api/v1/user/api-key`). The engine builds it from the exchange client, pointed at KuCoin
 * (live) or the paper venue; it throws the client's TradingErrors.
 */
export type KeyInfoReader = (credentials: ApiCredentials) => Promise<ApiKeyFacts>;

/**
 * Verifies credentials without storing them: accepted (with permissions, IP whitelist and
 * warnings) or refused (with which part is wrong, in a sentence). Throws the client's error when
 * the exchange could not be asked at all (network, rate limit, configuration): that says nothing
 * about the key.
 */
export async function verifyCredentials(
  readKeyInfo: KeyInfoReader,
  credentials: ApiCredentials,
  logger: Logger,
): Promise<KeyVerdict> {
  // Typed secrets are registered before the first request, so even a transport error dump is redacted.
  registerCredentialSecrets({ credentials, savedAt: 0 });
  let verdict: KeyVerdict;
  try {
    const facts = await readKeyInfo(credentials);
    verdict = verdictFromFacts(credentials.apiKey, facts);
  } catch (error) {
    const refused = verdictFromError(credentials.apiKey, error);
    if (refused === undefined) throw error;
    verdict = refused;
  }
  logger.info('key-verified', {
    keyLast4: verdict.keyLast4,
    accepted: verdict.accepted,
    ...(verdict.accepted
      ? { permissions: verdict.permissions, warnings: verdict.warnings.length }
      : { reason: verdict.reason }),
  });
  return verdict;
}
