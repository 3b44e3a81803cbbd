import { ValidationError } from '../../shared/errors.ts';
import type { Clock } from '../time/clock.ts';
import type { Logger } from '../observability/logger.ts';
import { refusalError } from './key-refusal.ts';
import { keyLast4, type ApiCredentials, type StoredProfile } from './profile-schema.ts';
import type { SecretStore, SecretStoreSteps, StagedKey } from './secret-store.ts';
import { verifyCredentials, type KeyInfoReader } from './verify-key.ts';

/** What a rotation needs. */
export interface RotationDeps {
  readonly store: SecretStore;
  readonly readKeyInfo: KeyInfoReader;
  readonly clock: Clock;
  readonly logger: Logger;
}

/** A finished rotation: the new stored key and what the trader should still do. */
export interface RotationOutcome {
  readonly stored: StoredProfile;
  readonly replacedKeyLast4: string;
  /** Follow-ups of the rotation (delete the old key on KuCoin; old keychain slot kept). */
  readonly notices: readonly string[];
}

async function discardQuietly(steps: SecretStoreSteps, staged: StagedKey, logger: Logger): Promise<void> {
  try {
    await steps.discardSlot(staged.profile, staged.slot);
  } catch (error) {
    // The slot is inactive: a leftover is overwritten by the next stage and never read.
    logger.warn('rotation-cleanup-failed', { slot: staged.slot, error });
  }
}

async function verifyStaged(deps: RotationDeps, credentials: ApiCredentials): Promise<StoredProfile> {
  const verdict = await verifyCredentials(deps.readKeyInfo, credentials, deps.logger);
  if (!verdict.accepted) throw refusalError(verdict, 'rotated');
  const { permissions, ipWhitelist, warnings } = verdict;
  return {
    credentials,
    savedAt: deps.clock.now(),
    verification: { verifiedAt: deps.clock.now(), permissions, ipWhitelist, warnings },
  };
}

/**
 * Rotates the live key: (1) add the new key to the inactive keychain slot, (2) verify it with a
 * signed read-only call, (3) switch the active pointer in one keychain write, (4) delete the old
 * slot. A failure in 1–3 discards the new slot and leaves the old key active and untouched; a
 * failure in 4 leaves the new key active and the old slot orphaned (overwritten at the next change).
 */
export async function rotateLiveKey(
  deps: RotationDeps,
  credentials: ApiCredentials,
): Promise<RotationOutcome> {
  return deps.store.exclusive(async (steps) => {
    const current = await steps.load('live');
    if (current.state === 'absent') {
      throw new ValidationError('rotate-without-key', 'There is no saved key to rotate. Save a key first.');
    }
    const staged = await steps.stage('live', { credentials, savedAt: deps.clock.now() });
    let stored: StoredProfile;
    try {
      stored = await verifyStaged(deps, credentials);
      // Same inactive slot (the pointer has not moved): now with the verification record.
      await steps.stage('live', stored);
      await steps.activate(staged);
    } catch (error) {
      await discardQuietly(steps, staged, deps.logger);
      throw error;
    }
    const old = current.stored.credentials;
    const notices: string[] = [];
    try {
      await steps.discardSlot('live', current.slot);
    } catch (error) {
      deps.logger.warn('rotation-old-slot-kept', { slot: current.slot, error });
      notices.push(
        'The old key could not be removed from the keychain yet; Bulwark no longer uses it and will overwrite it at the next key change.',
      );
    }
    if (old.apiKey !== credentials.apiKey) {
      notices.push(
        `Delete the old key ending ${keyLast4(old.apiKey)} in KuCoin → API Management: Bulwark no longer uses it.`,
      );
    }
    return { stored, replacedKeyLast4: keyLast4(old.apiKey), notices };
  });
}
