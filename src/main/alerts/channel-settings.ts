/**
 * What Settings → Alerts reads and changes: each channel's non-secret settings (in settings.json
 * through the ConfigStore, validated by the same schema as the file), its secret (keychain,
 * write-only: present / absent and the last four characters come back), and its last delivery.
 */
import { SecretStoreError, TradingError, ValidationError } from '../../shared/errors.ts';
import {
  alertChannelNames,
  channelSecretLabels,
  channelSecretSchemas,
  type AlertChannelName,
  type AlertSettingsView,
  type ChannelSecretEntry,
  type ChannelUpdate,
  type ChannelView,
  type SecretChannelName,
} from '../../shared/ipc/channels/alerts.ts';
import type { z } from 'zod';
import type { lastDeliverySchema } from '../../shared/ipc/channels/alerts.ts';
import type { Config } from '../config/schema.ts';
import type { ConfigStore } from '../config/store.ts';
import type { ChannelSecrets } from './channel-secrets.ts';

/** The last delivery of a channel as the page shows it. */
export type LastDelivery = z.infer<typeof lastDeliverySchema>;

/** What the settings service needs. */
export interface ChannelSettingsDeps {
  readonly configStore: Pick<ConfigStore, 'current' | 'update'>;
  readonly secrets: ChannelSecrets;
  readonly lastDelivery: (channel: AlertChannelName) => LastDelivery | undefined;
}

/** The page's calls. */
export interface ChannelSettingsService {
  view(): Promise<AlertSettingsView>;
  channel(channel: AlertChannelName): Promise<ChannelView>;
  /** Saves one channel's settings; refuses turning it on without the secret it needs. */
  update(update: ChannelUpdate): Promise<ChannelView>;
  setSecret(entry: ChannelSecretEntry): Promise<ChannelView>;
  deleteSecret(channel: SecretChannelName): Promise<ChannelView>;
}

function hasSecret(channel: AlertChannelName): channel is SecretChannelName {
  return Object.hasOwn(channelSecretSchemas, channel);
}

/** Whether a channel needs its secret to send (email only when it logs in). */
function secretRequired(channel: AlertChannelName, config: Config): boolean {
  if (!hasSecret(channel)) return false;
  return channel !== 'email' || config.alerts.channels.email.username !== '';
}

async function secretStatus(
  deps: ChannelSettingsDeps,
  channel: AlertChannelName,
): Promise<ChannelView['secret']> {
  const required = secretRequired(channel, deps.configStore.current());
  if (!hasSecret(channel)) return { required, present: false, last4: '', label: '' };
  const label = channelSecretLabels[channel];
  try {
    return { required, ...(await deps.secrets.status(channel)), label };
  } catch (error) {
    if (!(error instanceof SecretStoreError)) throw error;
    return { required, present: false, last4: '', label, problem: error.message };
  }
}

async function channelView(deps: ChannelSettingsDeps, channel: AlertChannelName): Promise<ChannelView> {
  const settings = deps.configStore.current().alerts.channels[channel];
  const lastDelivery = deps.lastDelivery(channel);
  return {
    channel,
    settings,
    secret: await secretStatus(deps, channel),
    ...(lastDelivery === undefined ? {} : { lastDelivery }),
  } as ChannelView;
}

/** A field's problem in the shape the router uses for invalid payloads: `details.issues`. */
function fieldError(code: string, path: string, message: string): ValidationError {
  return new ValidationError(code, message, { details: { issues: [{ path, message }] } });
}

async function refuseOnWithoutSecret(deps: ChannelSettingsDeps, update: ChannelUpdate): Promise<void> {
  const { channel } = update;
  if (update.settings.enabled !== true || !hasSecret(channel)) return;
  const needs = channel !== 'email' || (update.settings as { username?: string }).username?.trim() !== '';
  if (!needs) return;
  const status = await deps.secrets.status(channel);
  if (!status.present) {
    throw fieldError(
      'channel-secret-missing',
      'settings.enabled',
      `Store the ${channelSecretLabels[channel]} before turning ${channel} alerts on.`,
    );
  }
}

/** Builds the service. */
export function createChannelSettings(deps: ChannelSettingsDeps): ChannelSettingsService {
  return {
    async view() {
      const { alerts } = deps.configStore.current();
      const channels = await Promise.all(alertChannelNames.map((name) => channelView(deps, name)));
      return {
        channels,
        rules: alerts.rules,
        escalateAfterMs: alerts.escalateAfterMs,
        escalationChannel: alerts.escalationChannel,
      };
    },
    channel: (channel) => channelView(deps, channel),
    async update(update) {
      await refuseOnWithoutSecret(deps, update);
      try {
        deps.configStore.update({ alerts: { channels: { [update.channel]: update.settings } } });
      } catch (error) {
        if (!(error instanceof TradingError)) throw error;
        const field =
          typeof error.details.field === 'string'
            ? error.details.field.replace(/^alerts\.channels\.[a-z]+\./, 'settings.')
            : 'settings';
        throw fieldError('channel-settings-invalid', field, error.message);
      }
      return channelView(deps, update.channel);
    },
    async setSecret(entry) {
      const secret = channelSecretSchemas[entry.channel].parse(entry.secret);
      await deps.secrets.set(entry.channel, secret);
      return channelView(deps, entry.channel);
    },
    async deleteSecret(channel) {
      const config = deps.configStore.current();
      if (config.alerts.channels[channel].enabled && secretRequired(channel, config)) {
        throw fieldError(
          'channel-still-on',
          'channel',
          `Turn ${channel} alerts off before deleting its ${channelSecretLabels[channel]}.`,
        );
      }
      await deps.secrets.remove(channel);
      return channelView(deps, channel);
    },
  };
}
