import { AsyncEntry, type EntryOptions } from '@napi-rs/keyring';
import type { KeychainPlatform } from './keychain-remedy.ts';

/**
 * The OS keychain as the secret store sees it: three calls, keyed by service and account.
 * The engine receives one at the composition root; tests and the e2e harness pass the real
 * one against a private Secret Service (tests/harness/keyring.ts).
 * Every method rejects with the native error when the keychain is missing or locked.
 */
export interface KeychainBackend {
  /** The stored password, or `undefined` when no entry exists. */
  getPassword(service: string, account: string): Promise<string | undefined>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  /** `true` when an entry was deleted, `false` when there was none. */
  deletePassword(service: string, account: string): Promise<boolean>;
}

/**
 * keyring-rs falls back from the Secret Service to the Linux kernel keyring when no Secret
 * Service answers. Kernel keys vanish at logout, so a trader's key would silently disappear;
 * pinning the store turns that into an error we can explain (ADR 0400).
 */
function entryOptions(platform: KeychainPlatform): EntryOptions | undefined {
  return platform === 'linux' ? { linux: { store: 'secret-service' } } : undefined;
}

/**
 * The real keychain through `@napi-rs/keyring` (macOS Keychain, Windows Credential Manager,
 * Secret Service). Same calls as its keytar-compatible module, but built on `AsyncEntry` so the
 * Linux store can be pinned.
 */
export function createOsKeychainBackend(platform: KeychainPlatform): KeychainBackend {
  const options = entryOptions(platform);
  // The constructor itself throws when the pinned store is unreachable; inside an async
  // function that becomes a rejection the store maps to SecretStoreError.
  const entry = async (service: string, account: string): Promise<AsyncEntry> =>
    Promise.resolve(new AsyncEntry(service, account, options));
  return {
    async getPassword(service, account) {
      const password = await (await entry(service, account)).getPassword();
      return password ?? undefined;
    },
    async setPassword(service, account, password) {
      await (await entry(service, account)).setPassword(password);
    },
    async deletePassword(service, account) {
      return (await entry(service, account)).deletePassword();
    },
  };
}
