import type {
  AlertChannelName,
  AlertSettingsView,
  ChannelSecretEntry,
  ChannelTestResult,
  ChannelUpdate,
  ChannelView,
  SecretChannelName,
} from '../../../../../shared/ipc/channels/alerts.ts';
import { call } from '../../../bridge/index.ts';

/** The alert channels' settings, secret status (never the secret) and last delivery. */
export function loadAlertSettings(): Promise<AlertSettingsView> {
  return call('alerts:get-settings');
}

/** Saves one channel's non-secret settings (the whole block). */
export function updateChannel(update: ChannelUpdate): Promise<ChannelView> {
  return call('alerts:update-channel', update);
}

/** Hands a channel's secret to main, which stores it in the OS keychain; only its last 4 come back. */
export function setChannelSecret(entry: ChannelSecretEntry): Promise<ChannelView> {
  return call('alerts:set-channel-secret', entry);
}

/** Removes a channel's secret from the keychain. */
export function deleteChannelSecret(channel: SecretChannelName): Promise<ChannelView> {
  return call('alerts:delete-channel-secret', { channel });
}

/** Sends a test alert on one channel: delivered, or the exact reason it was not. */
export function testChannel(channel: AlertChannelName): Promise<ChannelTestResult> {
  return call('alerts:test-channel', { channel });
}
