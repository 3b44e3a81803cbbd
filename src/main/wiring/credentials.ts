import { SecretStoreError } from '../../shared/errors.ts';
import type { TradingMode } from '../../shared/ipc/channels/app.ts';
import type { Logger } from '../observability/logger.ts';
import { registerSecret } from '../observability/redact.ts';
import type { ApiCredentials, SecretsService } from '../secrets/index.ts';
import { generatePaperCredentials } from '../secrets/paper-credentials.ts';

/** The credentials the exchange client signs with, and where they came from. */
export interface ResolvedCredentials {
  readonly credentials: ApiCredentials | undefined;
  /** `keychain` · `ephemeral` (paper key kept in memory only: no keychain here) · `absent` (live, no key yet). */
  readonly source: 'keychain' | 'ephemeral' | 'absent';
  readonly problem?: SecretStoreError;
}

async function paperCredentials(
  secrets: SecretsService,
  bytes: number,
  logger: Logger,
): Promise<ResolvedCredentials> {
  try {
    return { credentials: await secrets.paperCredentials(), source: 'keychain' };
  } catch (error) {
    if (!(error instanceof SecretStoreError)) throw error;
    // Paper keys guard play money on a loopback venue; without a keychain they live in memory
    // for this run only — never on disk — so paper mode still opens on a machine without one.
    logger.warn('paper-key-ephemeral', { reason: error.message });
    const credentials = generatePaperCredentials(bytes);
    for (const value of [credentials.apiKey, credentials.apiSecret, credentials.passphrase])
      registerSecret(value);
    return { credentials, source: 'ephemeral', problem: error };
  }
}

/** Paper: the venue's key (keychain, else memory). Live: the trader's key, or none yet. */
export async function resolveCredentials(
  mode: TradingMode,
  secrets: SecretsService,
  paperCredentialBytes: number,
  logger: Logger,
): Promise<ResolvedCredentials> {
  if (mode === 'paper') return paperCredentials(secrets, paperCredentialBytes, logger);
  try {
    return { credentials: await secrets.liveCredentials(), source: 'keychain' };
  } catch (error) {
    if (!(error instanceof SecretStoreError)) throw error;
    logger.warn('live-key-unavailable', { code: error.code, reason: error.message });
    return { credentials: undefined, source: 'absent', problem: error };
  }
}
