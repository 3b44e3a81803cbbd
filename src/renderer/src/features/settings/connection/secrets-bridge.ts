import { deserializeError } from '../../../../../shared/errors.ts';
import type { Result } from '../../../../../shared/result.ts';
import type {
  Connection,
  KeyEntry,
  KeyVerdict,
  ProfileStatus,
  RotationResult,
} from '../../../../../shared/ipc/channels/secrets.ts';
import { ConnectionError } from '../../../../../shared/errors.ts';
import { bulwarkApi } from '../../../bridge/index.ts';

/**
 * The `secrets:*` calls, through the bridge's `window.bulwark` (preload builds
 * `window.bulwark.secrets.verifyKey` etc. from src/shared/ipc/channels/secrets.ts). Until the
 * lead adds the secrets channels to the contract, the bridge's typed `call` does not know them;
 * this file types them from the channel file and unwraps Results the same way.
 */
type Method = 'getConnection' | 'verifyKey' | 'saveKey' | 'rotateKey' | 'deleteKey';

async function secretsCall<T>(method: Method, request?: unknown): Promise<T> {
  const domain: unknown = (bulwarkApi() as unknown as Record<string, unknown>).secrets;
  const fn: unknown =
    typeof domain === 'object' && domain !== null ? (domain as Record<string, unknown>)[method] : undefined;
  if (typeof fn !== 'function') {
    throw new ConnectionError(
      'bridge-channel-missing',
      'The engine does not offer key management in this build.',
      {
        details: { method },
      },
    );
  }
  const result = await (fn as (r: unknown) => Promise<Result<unknown>>)(request);
  if (!result.ok) throw deserializeError(result.error);
  return result.value as T;
}

/** The Connection page's calls into main. Secrets only ever travel in the request. */
export const secretsApi = {
  getConnection: () => secretsCall<Connection>('getConnection'),
  verifyKey: (entry: KeyEntry) => secretsCall<KeyVerdict>('verifyKey', entry),
  saveKey: (entry: KeyEntry) => secretsCall<ProfileStatus>('saveKey', entry),
  rotateKey: (entry: KeyEntry) => secretsCall<RotationResult>('rotateKey', entry),
  deleteKey: (keyLast4: string) => secretsCall<ProfileStatus>('deleteKey', { keyLast4 }),
};
