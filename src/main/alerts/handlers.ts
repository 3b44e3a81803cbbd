import type {
  Alert,
  AlertChannelName,
  AlertSettingsView,
  ChannelSecretEntry,
  ChannelTestResult,
  ChannelUpdate,
  ChannelView,
  SecretChannelName,
} from '../../shared/ipc/channels/alerts.ts';
import type { ChannelSettingsService } from './channel-settings.ts';
import type { AlertRouter } from './router.ts';

/** The `alerts:*` IPC handlers; the router has parsed each request and parses each answer. */
export interface AlertsHandlers {
  'alerts:list-alerts': () => Alert[];
  'alerts:acknowledge-alert': (request: { id: number }) => Alert;
  'alerts:get-settings': () => Promise<AlertSettingsView>;
  'alerts:update-channel': (request: ChannelUpdate) => Promise<ChannelView>;
  'alerts:set-channel-secret': (request: ChannelSecretEntry) => Promise<ChannelView>;
  'alerts:delete-channel-secret': (request: { channel: SecretChannelName }) => Promise<ChannelView>;
  'alerts:test-channel': (request: { channel: AlertChannelName }) => Promise<ChannelTestResult>;
}

/** Sends a test alert and answers delivered, or the exact error. */
async function testChannel(router: AlertRouter, channel: AlertChannelName): Promise<ChannelTestResult> {
  const record = await router.test(channel);
  const durationMs = Math.round(record.durationMs);
  if (record.outcome === 'sent')
    return { channel, delivered: true, durationMs, attempts: Math.max(1, record.attempts) };
  return {
    channel,
    delivered: false,
    durationMs,
    code: record.errorCode ?? record.outcome,
    reason: record.reason ?? record.outcome,
  };
}

/** Maps each `alerts:*` channel onto the router and the settings service. */
export function createAlertsHandlers(router: AlertRouter, settings: ChannelSettingsService): AlertsHandlers {
  return {
    'alerts:list-alerts': () => router.recent(),
    'alerts:acknowledge-alert': ({ id }) => router.acknowledge(id),
    'alerts:get-settings': () => settings.view(),
    'alerts:update-channel': (request) => settings.update(request),
    'alerts:set-channel-secret': (request) => settings.setSecret(request),
    'alerts:delete-channel-secret': ({ channel }) => settings.deleteSecret(channel),
    'alerts:test-channel': ({ channel }) => testChannel(router, channel),
  };
}
