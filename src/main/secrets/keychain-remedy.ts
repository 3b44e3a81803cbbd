import { SecretStoreError } from '../../shared/errors.ts';

/** The platforms Bulwark ships on; anything else gets the Linux wording (Secret Service). */
export type KeychainPlatform = 'darwin' | 'win32' | 'linux';

/** Narrows `process.platform` to a {@link KeychainPlatform}. */
export function keychainPlatformOf(platform: string): KeychainPlatform {
  return platform === 'darwin' || platform === 'win32' ? platform : 'linux';
}

/** The name of the OS keychain in the trader's words. */
export function keychainName(platform: KeychainPlatform): string {
  if (platform === 'darwin') return 'the macOS Keychain';
  if (platform === 'win32') return 'the Windows Credential Manager';
  return 'the Secret Service (GNOME Keyring or KWallet)';
}

/** What the trader can do when the keychain is missing, locked or refuses access. */
export function keychainRemedy(platform: KeychainPlatform): string {
  if (platform === 'darwin') {
    return 'Open Keychain Access, unlock the login keychain, and allow Bulwark when macOS asks for access.';
  }
  if (platform === 'win32') {
    return 'Open Credential Manager (Control Panel → Credential Manager → Windows Credentials) and check that you can add a generic credential; sign in with a Windows account that has a user profile.';
  }
  return 'Install and unlock gnome-keyring (or KWallet), and run Bulwark inside a desktop session with a D-Bus session bus (DBUS_SESSION_BUS_ADDRESS set), e.g. `sudo apt install gnome-keyring` and log in again.';
}

/** Why a keychain call failed, as far as the message of the native error tells. */
export type KeychainFailure = 'missing' | 'locked' | 'no-keyring' | 'refused';

/** Classifies a native keyring error message (keyring-rs wording, ADR 0400). */
export function classifyKeychainFailure(message: string): KeychainFailure {
  if (
    /unlock|locked|prompt was dismissed|user (canceled|cancelled)|interaction is not allowed/i.test(message)
  ) {
    return 'locked';
  }
  // The Secret Service answers but has no default collection: a keyring never created or unlocked.
  if (/no result found|no such object|no default collection/i.test(message)) return 'no-keyring';
  if (
    /dbus|failed to connect|no such file|not provided by any \.service|serviceunknown|no storage|platform failure|no default|not available|accessdenied/i.test(
      message,
    )
  ) {
    return 'missing';
  }
  return 'refused';
}

const failureWords: Readonly<Record<KeychainFailure, string>> = {
  missing: 'is not available on this computer',
  locked: 'is locked',
  'no-keyring': 'has no unlocked default keyring',
  refused: 'refused the operation',
};

/**
 * Builds the one error every keychain failure becomes: it names the keychain, what went wrong
 * and the remedy for this OS, and says plainly that Bulwark will not fall back to a file.
 * The native message goes into details (it never contains a secret: keyring-rs reports
 * service/account names and D-Bus errors only).
 */
export function keychainError(
  platform: KeychainPlatform,
  operation: string,
  cause: unknown,
): SecretStoreError {
  const nativeMessage = cause instanceof Error ? cause.message : String(cause);
  const failure = classifyKeychainFailure(nativeMessage);
  const message = `Bulwark could not ${operation} because ${keychainName(platform)} ${failureWords[failure]}. ${keychainRemedy(platform)} Bulwark never stores API keys in a plain file instead.`;
  return new SecretStoreError(`keychain-${failure}`, message, {
    cause,
    details: { platform, operation, failure, nativeMessage },
  });
}
