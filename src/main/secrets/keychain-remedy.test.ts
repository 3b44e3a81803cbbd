import { describe, expect, it } from 'vitest';
import { SecretStoreError } from '../../shared/errors.ts';
import { classifyKeychainFailure, keychainError, keychainPlatformOf } from './keychain-remedy.ts';

describe('keychain errors name the keychain, the failure and the remedy for the OS', () => {
  it.each([
    [
      'Platform failure: DBus error: Failed to connect to socket /run/user/1000/bus: No such file or directory',
      'missing',
    ],
    ["Couldn't access platform storage: Secret Service: unlock prompt was dismissed", 'locked'],
    ["Couldn't access platform storage: Secret Service: no result found", 'no-keyring'],
    ['User interaction is not allowed.', 'locked'],
    ['The specified item already exists in the keychain.', 'refused'],
  ])('%s → %s', (message, failure) => {
    expect(classifyKeychainFailure(message)).toBe(failure);
  });

  it.each([
    ['darwin', /macOS Keychain is locked\. Open Keychain Access, unlock the login keychain/],
    ['win32', /Windows Credential Manager is locked\. Open Credential Manager/],
    ['linux', /Secret Service \(GNOME Keyring or KWallet\) is locked\. Install and unlock gnome-keyring/],
  ] as const)('%s: the message carries its own remedy and refuses any file fallback', (platform, remedy) => {
    const error = keychainError(platform, 'read the API key', new Error('unlock prompt was dismissed'));
    expect(error).toBeInstanceOf(SecretStoreError);
    expect(error.code).toBe('keychain-locked');
    expect(error.message).toMatch(/^Bulwark could not read the API key because /);
    expect(error.message).toMatch(remedy);
    expect(error.message).toContain('never stores API keys in a plain file');
    expect(error.details).toMatchObject({ platform, failure: 'locked' });
  });

  it('treats every other platform as Linux (Secret Service)', () => {
    expect(keychainPlatformOf('freebsd')).toBe('linux');
    expect(keychainPlatformOf('darwin')).toBe('darwin');
  });
});
