import type { KeyEntry } from '../../../../../shared/ipc/channels/secrets.ts';
import { call } from '../../../bridge/index.ts';

/**
 * The Connection page's calls into main (`window.bulwark.secrets.*` through the bridge).
 * Secrets only ever travel in the request; every answer is a status without them.
 */
export const secretsApi = {
  getConnection: () => call('secrets:get-connection'),
  verifyKey: (entry: KeyEntry) => call('secrets:verify-key', entry),
  saveKey: (entry: KeyEntry) => call('secrets:save-key', entry),
  rotateKey: (entry: KeyEntry) => call('secrets:rotate-key', entry),
  deleteKey: (keyLast4: string) => call('secrets:delete-key', { keyLast4 }),
};
