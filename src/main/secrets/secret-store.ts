import { SecretStoreError, ValidationError } from '../../shared/errors.ts';
import type { Logger } from '../observability/logger.ts';
import { registerSecret } from '../observability/redact.ts';
import type { KeychainBackend } from './keychain-backend.ts';
import { keychainError, type KeychainPlatform } from './keychain-remedy.ts';
import { storedProfileSchema, type ProfileName, type StoredProfile } from './profile-schema.ts';
import { createSerialQueue } from './serial-queue.ts';

/**
 * Each profile has two slots and a pointer saying which one is active. A new key is written to
 * the inactive slot, then the pointer is switched with one keychain write (atomic), then the
 * old slot is deleted: whichever step fails, the pointer names a complete key (ADR 0400).
 */
export type SlotName = 'a' | 'b';

/** A profile as read from the keychain. */
export type LoadedProfile =
  | { readonly state: 'absent' }
  | { readonly state: 'present'; readonly slot: SlotName; readonly stored: StoredProfile };

/** A key written to the inactive slot and not yet active. */
export interface StagedKey {
  readonly profile: ProfileName;
  readonly slot: SlotName;
  /** The slot that was active when staging started (`undefined`: the profile was empty). */
  readonly previousSlot: SlotName | undefined;
}

/** The single steps of a key change, available only inside {@link SecretStore.exclusive}. */
export interface SecretStoreSteps {
  /** Reads the active key of a profile. */
  load(profile: ProfileName): Promise<LoadedProfile>;
  /** Writes a key to the inactive slot (rotation step 1); the active key is untouched. */
  stage(profile: ProfileName, stored: StoredProfile): Promise<StagedKey>;
  /** Points the profile at the staged slot in one keychain write (rotation step 3). */
  activate(staged: StagedKey): Promise<void>;
  /** Deletes one slot; deleting an absent slot is not an error. */
  discardSlot(profile: ProfileName, slot: SlotName): Promise<void>;
}

/** Credentials in the OS keychain. Every method throws SecretStoreError, never returns null. */
export interface SecretStore {
  /** Reads the active key of a profile; registers its secrets with the log redactor. */
  load(profile: ProfileName): Promise<LoadedProfile>;
  /** stage → activate → delete the old slot, as one serialised operation. */
  save(profile: ProfileName, stored: StoredProfile): Promise<void>;
  /** Rewrites the active slot in place (e.g. a fresh verification record). */
  update(profile: ProfileName, stored: StoredProfile): Promise<void>;
  /** Removes the pointer (the profile is absent from then on), then both slots. */
  remove(profile: ProfileName): Promise<void>;
  /** Runs a multi-step key change with no other store operation interleaved. */
  exclusive<T>(job: (steps: SecretStoreSteps) => Promise<T>): Promise<T>;
  /**
   * An alert channel's secret (SMTP password, Twilio auth token, Slack webhook URL, Telegram bot
   * token): one keychain entry per channel, `alert-channel.<channel>`. `undefined` when none is
   * stored. The value is registered with the log redactor before it is returned.
   */
  loadChannelSecret(channel: string): Promise<string | undefined>;
  /** Stores (replaces) a channel's secret in one keychain write. */
  saveChannelSecret(channel: string, secret: string): Promise<void>;
  /** Deletes a channel's secret; deleting an absent one is not an error. */
  removeChannelSecret(channel: string): Promise<void>;
  /** Asks the keychain for an entry that holds nothing secret; throws SecretStoreError when it does not answer (health). */
  probe(): Promise<void>;
}

/** What the store needs: the keychain, where it runs, and where to log. */
export interface SecretStoreOptions {
  readonly backend: KeychainBackend;
  readonly platform: KeychainPlatform;
  /** Keychain service name (config `secrets.keychainService`). */
  readonly service: string;
  readonly logger: Logger;
}

const pointerAccount = (profile: ProfileName): string => `${profile}.active`;
const probeAccount = 'health.probe';

function channelAccount(channel: string): string {
  if (!/^[a-z][a-z0-9-]{1,31}$/.test(channel))
    throw new ValidationError('channel-name-invalid', `"${channel}" is not an alert channel name.`, {
      details: { channel },
    });
  return `alert-channel.${channel}`;
}
const slotAccount = (profile: ProfileName, slot: SlotName): string => `${profile}.${slot}`;
const otherSlot = (slot: SlotName | undefined): SlotName => (slot === 'a' ? 'b' : 'a');

/** Registers every secret of a key with the logger's by-value redaction. */
export function registerCredentialSecrets(stored: StoredProfile): void {
  registerSecret(stored.credentials.apiKey);
  registerSecret(stored.credentials.apiSecret);
  registerSecret(stored.credentials.passphrase);
}

function parseStored(profile: ProfileName, raw: string): StoredProfile {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    json = undefined;
  }
  const parsed = storedProfileSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  throw new SecretStoreError(
    'keychain-entry-corrupt',
    `The ${profile} API key in the keychain is damaged and cannot be read. Delete it on the Connection page and enter the key again.`,
    { details: { profile } },
  );
}

interface StoreContext {
  readonly backend: KeychainBackend;
  readonly platform: KeychainPlatform;
  readonly service: string;
  readonly logger: Logger;
}

async function keychainCall<T>(ctx: StoreContext, operation: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof SecretStoreError) throw error;
    const wrapped = keychainError(ctx.platform, operation, error);
    ctx.logger.error('keychain-failed', {
      operation,
      code: wrapped.code,
      nativeMessage: wrapped.details.nativeMessage,
    });
    throw wrapped;
  }
}

async function readPointer(ctx: StoreContext, profile: ProfileName): Promise<SlotName | undefined> {
  const raw = await keychainCall(ctx, 'read the API key', () =>
    ctx.backend.getPassword(ctx.service, pointerAccount(profile)),
  );
  return raw === 'a' || raw === 'b' ? raw : undefined;
}

async function loadActive(ctx: StoreContext, profile: ProfileName): Promise<LoadedProfile> {
  const slot = await readPointer(ctx, profile);
  if (slot === undefined) return { state: 'absent' };
  const account = slotAccount(profile, slot);
  const raw = await keychainCall(ctx, 'read the API key', () =>
    ctx.backend.getPassword(ctx.service, account),
  );
  if (raw === undefined) {
    ctx.logger.warn('keychain-slot-missing', { profile, slot });
    return { state: 'absent' };
  }
  const stored = parseStored(profile, raw);
  registerCredentialSecrets(stored);
  return { state: 'present', slot, stored };
}

async function writeSlot(
  ctx: StoreContext,
  profile: ProfileName,
  slot: SlotName,
  stored: StoredProfile,
): Promise<void> {
  const parsed = storedProfileSchema.parse(stored);
  registerCredentialSecrets(parsed);
  const text = JSON.stringify(parsed);
  await keychainCall(ctx, 'save the API key', () =>
    ctx.backend.setPassword(ctx.service, slotAccount(profile, slot), text),
  );
}

async function stageKey(ctx: StoreContext, profile: ProfileName, stored: StoredProfile): Promise<StagedKey> {
  const previousSlot = await readPointer(ctx, profile);
  const slot = otherSlot(previousSlot);
  await writeSlot(ctx, profile, slot, stored);
  ctx.logger.info('key-staged', { profile, slot });
  return { profile, slot, previousSlot };
}

async function activateKey(ctx: StoreContext, staged: StagedKey): Promise<void> {
  const account = pointerAccount(staged.profile);
  await keychainCall(ctx, 'switch to the new API key', () =>
    ctx.backend.setPassword(ctx.service, account, staged.slot),
  );
  ctx.logger.info('key-activated', { profile: staged.profile, slot: staged.slot });
}

async function discardSlot(ctx: StoreContext, profile: ProfileName, slot: SlotName): Promise<void> {
  const account = slotAccount(profile, slot);
  await keychainCall(ctx, 'delete the old API key', () => ctx.backend.deletePassword(ctx.service, account));
}

async function saveKey(ctx: StoreContext, profile: ProfileName, stored: StoredProfile): Promise<void> {
  const staged = await stageKey(ctx, profile, stored);
  await activateKey(ctx, staged);
  if (staged.previousSlot !== undefined) await discardSlot(ctx, profile, staged.previousSlot);
}

async function updateActive(ctx: StoreContext, profile: ProfileName, stored: StoredProfile): Promise<void> {
  const slot = await readPointer(ctx, profile);
  if (slot === undefined) throw absentError(profile);
  await writeSlot(ctx, profile, slot, stored);
}

async function removeProfile(ctx: StoreContext, profile: ProfileName): Promise<void> {
  // Pointer first: from this write on the profile reads as absent even if a slot delete fails.
  await keychainCall(ctx, 'delete the API key', () =>
    ctx.backend.deletePassword(ctx.service, pointerAccount(profile)),
  );
  await discardSlot(ctx, profile, 'a');
  await discardSlot(ctx, profile, 'b');
  ctx.logger.info('key-deleted', { profile });
}

async function loadChannel(ctx: StoreContext, channel: string): Promise<string | undefined> {
  const account = channelAccount(channel);
  const secret = await keychainCall(ctx, `read the ${channel} alert secret`, () =>
    ctx.backend.getPassword(ctx.service, account),
  );
  if (secret !== undefined) registerSecret(secret);
  return secret;
}

async function saveChannel(ctx: StoreContext, channel: string, secret: string): Promise<void> {
  const account = channelAccount(channel);
  registerSecret(secret);
  await keychainCall(ctx, `save the ${channel} alert secret`, () =>
    ctx.backend.setPassword(ctx.service, account, secret),
  );
  ctx.logger.info('channel-secret-saved', { channel });
}

async function removeChannel(ctx: StoreContext, channel: string): Promise<void> {
  const account = channelAccount(channel);
  await keychainCall(ctx, `delete the ${channel} alert secret`, () =>
    ctx.backend.deletePassword(ctx.service, account),
  );
  ctx.logger.info('channel-secret-deleted', { channel });
}

/** Builds the secret store over an injected keychain backend. */
export function createSecretStore(options: SecretStoreOptions): SecretStore {
  const ctx: StoreContext = { ...options, logger: options.logger.child({ component: 'secret-store' }) };
  const exclusive = createSerialQueue();
  const steps: SecretStoreSteps = {
    load: (profile) => loadActive(ctx, profile),
    stage: (profile, stored) => stageKey(ctx, profile, stored),
    activate: (staged) => activateKey(ctx, staged),
    discardSlot: (profile, slot) => discardSlot(ctx, profile, slot),
  };
  return {
    load: (profile) => exclusive(() => loadActive(ctx, profile)),
    save: (profile, stored) => exclusive(() => saveKey(ctx, profile, stored)),
    update: (profile, stored) => exclusive(() => updateActive(ctx, profile, stored)),
    remove: (profile) => exclusive(() => removeProfile(ctx, profile)),
    exclusive: (job) => exclusive(() => job(steps)),
    loadChannelSecret: (channel) => exclusive(() => loadChannel(ctx, channel)),
    saveChannelSecret: (channel, secret) => exclusive(() => saveChannel(ctx, channel, secret)),
    removeChannelSecret: (channel) => exclusive(() => removeChannel(ctx, channel)),
    probe: () =>
      exclusive(async () => {
        await keychainCall(ctx, 'reach the keychain', () =>
          ctx.backend.getPassword(ctx.service, probeAccount),
        );
      }),
  };
}

/** The error for an operation that needs a key the profile does not have. */
export function absentError(profile: ProfileName): SecretStoreError {
  return new SecretStoreError(
    'profile-absent',
    profile === 'live'
      ? 'No KuCoin API key is saved. Enter your key, secret and passphrase on the Connection page.'
      : 'No paper-trading key is saved yet; restart Bulwark to generate one.',
    { details: { profile } },
  );
}
