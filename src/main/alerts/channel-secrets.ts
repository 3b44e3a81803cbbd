/**
 * Channel secrets through the SecretStore (OS keychain). They are read when a delivery needs them
 * and kept in memory afterwards; every form a log line could carry them in — the whole value, a
 * Slack webhook's path token, a Telegram token's secret half — is registered with the redactor.
 */
import { ValidationError } from '../../shared/errors.ts';
import { channelSecretLabels, type SecretChannelName } from '../../shared/ipc/channels/alerts.ts';
import { registerSecret } from '../observability/redact.ts';
import type { SecretStore } from '../secrets/index.ts';

/** The part of the SecretStore alerts use. */
export type ChannelSecretStore = Pick<
  SecretStore,
  'loadChannelSecret' | 'saveChannelSecret' | 'removeChannelSecret'
>;

/** Secrets of the alert channels, cached after the first read. */
export interface ChannelSecrets {
  /** The secret; throws ValidationError `channel-secret-missing` when none is stored. */
  get(channel: SecretChannelName): Promise<string>;
  /** Whether one is stored, and its last four characters (all the renderer ever sees). */
  status(channel: SecretChannelName): Promise<{ present: boolean; last4: string }>;
  set(channel: SecretChannelName, secret: string): Promise<void>;
  remove(channel: SecretChannelName): Promise<void>;
}

/** Registers the parts of a secret that may show up alone (a URL's last path segment, a token's half). */
export function registerChannelSecret(secret: string): void {
  registerSecret(secret);
  const tail = secret.split(/[/:]/).at(-1) ?? '';
  if (tail.length >= 8) registerSecret(tail);
}

/** Builds the cache over the store. */
export function createChannelSecrets(store: ChannelSecretStore): ChannelSecrets {
  const cache = new Map<SecretChannelName, string | undefined>();
  const read = async (channel: SecretChannelName): Promise<string | undefined> => {
    if (cache.has(channel)) return cache.get(channel);
    const secret = await store.loadChannelSecret(channel);
    if (secret !== undefined) registerChannelSecret(secret);
    cache.set(channel, secret);
    return secret;
  };
  return {
    async get(channel) {
      const secret = await read(channel);
      if (secret === undefined)
        throw new ValidationError(
          'channel-secret-missing',
          `No ${channelSecretLabels[channel]} is stored for ${channel} alerts: enter it in Settings → Alerts.`,
          { details: { channel } },
        );
      return secret;
    },
    async status(channel) {
      const secret = await read(channel);
      return { present: secret !== undefined, last4: secret === undefined ? '' : secret.slice(-4) };
    },
    async set(channel, secret) {
      registerChannelSecret(secret);
      await store.saveChannelSecret(channel, secret);
      cache.set(channel, secret);
    },
    async remove(channel) {
      await store.removeChannelSecret(channel);
      cache.set(channel, undefined);
    },
  };
}
