import type { TradingMode } from '../../shared/ipc/channels/app.ts';
import { createAlerts, type Alerts } from '../alerts/index.ts';
import type { ConfigStore } from '../config/store.ts';
import type { EventPublisher } from '../ipc/events.ts';
import type { Logger } from '../observability/logger.ts';
import type { PlatformAdapters } from '../platform/adapters.ts';
import type { SecretStore } from '../secrets/index.ts';
import type { Journal } from '../store/journal.ts';

/**
 * The engine's alert system (src/main/alerts): the router every part raises through, delivering to
 * the desktop (the platform notifier), e-mail, SMS, Slack and Telegram with secrets from the
 * keychain and every delivery in the journal.
 */
export function createEngineAlerts(input: {
  configStore: Pick<ConfigStore, 'current' | 'update'>;
  mode: TradingMode;
  platform: PlatformAdapters;
  secretStore: SecretStore;
  journal: Journal;
  events: EventPublisher;
  logger: Logger;
  smtpTrustedCaPem?: string | undefined;
}): Alerts {
  return createAlerts({
    configStore: input.configStore,
    secretStore: input.secretStore,
    journal: input.journal,
    events: input.events,
    notifier: input.platform.notifier,
    origin: input.mode,
    clock: input.platform.clock,
    logger: input.logger,
    ...(input.smtpTrustedCaPem === undefined ? {} : { smtpTrustedCaPem: input.smtpTrustedCaPem }),
  });
}
