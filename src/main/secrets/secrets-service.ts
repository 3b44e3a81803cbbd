import { SecretStoreError, ValidationError } from '../../shared/errors.ts';
import type { TradingMode } from '../../shared/ipc/channels/app.ts';
import type {
  Connection,
  KeyEntry,
  KeyVerdict,
  ProfileStatus,
  RotationResult,
} from '../../shared/ipc/channels/secrets.ts';
import { keyEntrySchema } from '../../shared/ipc/channels/secrets.ts';
import type { Clock } from '../time/clock.ts';
import type { Logger } from '../observability/logger.ts';
import { refusalError } from './key-refusal.ts';
import { generatePaperCredentials } from './paper-credentials.ts';
import { profileStatus } from './profile-status.ts';
import type { ApiCredentials, ProfileName } from './profile-schema.ts';
import { rotateLiveKey } from './rotate-key.ts';
import { absentError, type SecretStore } from './secret-store.ts';
import { verifyCredentials, type KeyInfoReader } from './verify-key.ts';

/** Everything the Connection page and the engine do with credentials. */
export interface SecretsService {
  /** Mode, live host and both profiles' status; never a secret. */
  getConnection(): Promise<Connection>;
  /** Verifies a typed key against the live exchange without storing it. */
  verifyKey(entry: KeyEntry): Promise<KeyVerdict>;
  /** Verifies, then stores the first live key. Throws AuthError (nothing stored) when refused. */
  saveKey(entry: KeyEntry): Promise<ProfileStatus>;
  /** Replaces the live key: add → verify → switch → delete old (see rotateLiveKey). */
  rotateKey(entry: KeyEntry): Promise<RotationResult>;
  /** Deletes the live key the page shows (`keyLast4` must match the stored one). */
  deleteKey(request: { keyLast4: string }): Promise<ProfileStatus>;
  /** The live key for the exchange client. Throws SecretStoreError `profile-absent` when none. */
  liveCredentials(): Promise<ApiCredentials>;
  /** The paper venue's key, generated and stored on first use. */
  paperCredentials(): Promise<ApiCredentials>;
}

/** What the service is built from; `readLiveKeyInfo` talks to the live exchange (ADR 0400). */
export interface SecretsServiceOptions {
  readonly store: SecretStore;
  readonly readLiveKeyInfo: KeyInfoReader;
  readonly mode: TradingMode;
  /** The live REST host shown on the page (e.g. https://api-futures.kucoin.com). */
  readonly liveHost: string;
  readonly paperCredentialBytes: number;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Called after the active live key changed (saved, rotated, deleted) so the engine can re-sign. */
  readonly onLiveKeyChanged?: () => Promise<void> | void;
}

function parseEntry(entry: KeyEntry): ApiCredentials {
  const parsed = keyEntrySchema.safeParse(entry);
  if (parsed.success) return parsed.data;
  throw new ValidationError('key-entry-invalid', parsed.error.issues.map((i) => i.message).join(' '), {
    details: { fields: parsed.error.issues.map((i) => i.path.join('.')) },
  });
}

async function loadCredentials(
  store: SecretStore,
  profile: ProfileName,
): Promise<ApiCredentials | undefined> {
  const loaded = await store.load(profile);
  return loaded.state === 'present' ? loaded.stored.credentials : undefined;
}

/** Builds the secrets service. */
export function createSecretsService(options: SecretsServiceOptions): SecretsService {
  const { store, clock } = options;
  const logger = options.logger.child({ component: 'secrets' });
  const changed = async (): Promise<void> => {
    await options.onLiveKeyChanged?.();
  };
  return {
    getConnection: async () => ({
      mode: options.mode,
      liveHost: options.liveHost,
      live: profileStatus('live', await store.load('live')),
      paper: profileStatus('paper', await store.load('paper')),
    }),
    verifyKey: (entry) => verifyCredentials(options.readLiveKeyInfo, parseEntry(entry), logger),
    saveKey: async (entry) => saveLive(options, entry, changed, logger),
    rotateKey: async (entry) => {
      const outcome = await rotateLiveKey(
        { store, readKeyInfo: options.readLiveKeyInfo, clock, logger },
        parseEntry(entry),
      );
      await changed();
      const live = profileStatus('live', { state: 'present', slot: 'a', stored: outcome.stored });
      return { live, replacedKeyLast4: outcome.replacedKeyLast4, notices: [...outcome.notices] };
    },
    deleteKey: async ({ keyLast4 }) => deleteLive(store, keyLast4, changed, logger),
    liveCredentials: async () =>
      (await loadCredentials(store, 'live')) ?? Promise.reject(absentError('live')),
    paperCredentials: async () => {
      const existing = await loadCredentials(store, 'paper');
      if (existing !== undefined) return existing;
      const credentials = generatePaperCredentials(options.paperCredentialBytes);
      await store.save('paper', { credentials, savedAt: clock.now() });
      logger.info('paper-key-generated', {});
      return credentials;
    },
  };
}

/** Verifies, then stores the first live key; refuses when one is already saved (rotation replaces it). */
async function saveLive(
  options: SecretsServiceOptions,
  entry: KeyEntry,
  changed: () => Promise<void>,
  logger: Logger,
): Promise<ProfileStatus> {
  const { store, clock } = options;
  const credentials = parseEntry(entry);
  if ((await store.load('live')).state === 'present') {
    throw new ValidationError(
      'key-already-saved',
      'A key is already saved. Use "Rotate key" to replace it, so the current key keeps working until the new one is verified.',
    );
  }
  const verdict = await verifyCredentials(options.readLiveKeyInfo, credentials, logger);
  if (!verdict.accepted) throw refusalError(verdict, 'saved');
  const { permissions, ipWhitelist, warnings } = verdict;
  await store.save('live', {
    credentials,
    savedAt: clock.now(),
    verification: { verifiedAt: clock.now(), permissions, ipWhitelist, warnings },
  });
  logger.info('key-saved', { keyLast4: verdict.keyLast4 });
  await changed();
  return profileStatus('live', await store.load('live'));
}

async function deleteLive(
  store: SecretStore,
  last4: string,
  changed: () => Promise<void>,
  logger: Logger,
): Promise<ProfileStatus> {
  const current = profileStatus('live', await store.load('live'));
  if (current.state === 'absent') return current;
  if (current.keyLast4 !== last4) {
    throw new SecretStoreError(
      'key-changed',
      `The saved key now ends in ${current.keyLast4}, not ${last4}; reload the page and check before deleting.`,
      {
        details: { keyLast4: current.keyLast4 },
      },
    );
  }
  await store.remove('live');
  logger.info('key-removed', { keyLast4: last4 });
  await changed();
  return profileStatus('live', { state: 'absent' });
}
