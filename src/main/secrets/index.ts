/**
 * Credentials: the OS keychain store, key verification, rotation and the `secrets:*` IPC
 * handlers (ADR 0400). The engine builds it with {@link createSecrets}; everything else is
 * exported for tests and the e2e harness.
 */
import type { TradingMode } from '../../shared/ipc/channels/app.ts';
import type { Config } from '../config/schema.ts';
import type { ExchangeEndpoints } from '../exchange/kucoin/client.ts';
import type { Logger } from '../observability/logger.ts';
import type { Clock } from '../time/clock.ts';
import { createExchangeKeyReader } from './exchange-key-reader.ts';
import { createOsKeychainBackend, type KeychainBackend } from './keychain-backend.ts';
import { keychainPlatformOf, type KeychainPlatform } from './keychain-remedy.ts';
import { createSecretStore, type SecretStore } from './secret-store.ts';
import { createSecretsHandlers, type SecretsHandlers } from './secrets-handlers.ts';
import { createSecretsService, type SecretsService } from './secrets-service.ts';

export { createOsKeychainBackend, type KeychainBackend } from './keychain-backend.ts';
export {
  keychainError,
  keychainPlatformOf,
  keychainRemedy,
  type KeychainPlatform,
} from './keychain-remedy.ts';
export { createSecretStore, type SecretStore, type LoadedProfile } from './secret-store.ts';
export { createSecretsService, type SecretsService, type SecretsServiceOptions } from './secrets-service.ts';
export { createSecretsHandlers, type SecretsHandlers } from './secrets-handlers.ts';
export { createExchangeKeyReader, type KeyReaderOptions } from './exchange-key-reader.ts';
export { verifyCredentials, type KeyInfoReader } from './verify-key.ts';
export { rotateLiveKey } from './rotate-key.ts';
export type { ApiCredentials, ProfileName, StoredProfile } from './profile-schema.ts';

/** What the engine passes in. */
export interface CreateSecretsOptions {
  readonly config: Config;
  readonly mode: TradingMode;
  /** Where live keys are verified (KuCoin's hosts in the app). Live mode refuses plain http. */
  readonly liveEndpoints: ExchangeEndpoints;
  /** The mode the verifying client runs in: `live` in the app; `paper` lets tests verify against the venue. */
  readonly verifyMode: 'live' | 'paper';
  readonly clock: Clock;
  readonly logger: Logger;
  /** The OS keychain; default the real one for this platform. */
  readonly keychain?: KeychainBackend;
  readonly platform?: KeychainPlatform;
  readonly onLiveKeyChanged?: () => Promise<void> | void;
}

/** The credentials part of the engine. */
export interface Secrets {
  readonly store: SecretStore;
  readonly service: SecretsService;
  readonly handlers: SecretsHandlers;
}

/** Builds store, service and handlers over the OS keychain and the exchange client. */
export function createSecrets(options: CreateSecretsOptions): Secrets {
  const platform = options.platform ?? keychainPlatformOf(process.platform);
  const store = createSecretStore({
    backend: options.keychain ?? createOsKeychainBackend(platform),
    platform,
    service: options.config.secrets.keychainService,
    logger: options.logger,
  });
  const readLiveKeyInfo = createExchangeKeyReader({
    config: options.config.exchange,
    endpoints: options.liveEndpoints,
    mode: options.verifyMode,
    clock: options.clock,
    logger: options.logger,
  });
  const service = createSecretsService({
    store,
    readLiveKeyInfo,
    mode: options.mode,
    liveHost: options.liveEndpoints.futuresRestUrl,
    paperCredentialBytes: options.config.secrets.paperCredentialBytes,
    clock: options.clock,
    logger: options.logger,
    ...(options.onLiveKeyChanged === undefined ? {} : { onLiveKeyChanged: options.onLiveKeyChanged }),
  });
  return { store, service, handlers: createSecretsHandlers(service) };
}
