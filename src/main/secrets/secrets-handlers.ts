import type {
  Connection,
  KeyEntry,
  KeyVerdict,
  ProfileStatus,
  RotationResult,
} from '../../shared/ipc/channels/secrets.ts';
import type { SecretsService } from './secrets-service.ts';

/** The `secrets:*` IPC handlers; the router has parsed the request and parses every answer. */
export interface SecretsHandlers {
  'secrets:get-connection': () => Promise<Connection>;
  'secrets:verify-key': (request: KeyEntry) => Promise<KeyVerdict>;
  'secrets:save-key': (request: KeyEntry) => Promise<ProfileStatus>;
  'secrets:rotate-key': (request: KeyEntry) => Promise<RotationResult>;
  'secrets:delete-key': (request: { keyLast4: string }) => Promise<ProfileStatus>;
}

/** Maps each `secrets:*` channel onto the service. Failures are TradingError subclasses. */
export function createSecretsHandlers(service: SecretsService): SecretsHandlers {
  return {
    'secrets:get-connection': () => service.getConnection(),
    'secrets:verify-key': (request) => service.verifyKey(request),
    'secrets:save-key': (request) => service.saveKey(request),
    'secrets:rotate-key': (request) => service.rotateKey(request),
    'secrets:delete-key': (request) => service.deleteKey(request),
  };
}
