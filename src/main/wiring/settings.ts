import { createSettingsHandlers, type SettingsHandlers } from '../config/settings-handlers.ts';
import { journalSettingChanges } from '../config/settings-journal.ts';
import { createSettingsService } from '../config/settings-service.ts';
import type { ConfigStore } from '../config/store.ts';
import type { EventPublisher } from '../ipc/events.ts';
import type { Logger } from '../observability/logger.ts';
import type { Journal } from '../store/journal.ts';

/** The Settings pages' service over the settings file, with every change journaled (old → new). */
export interface EngineSettings {
  readonly handlers: SettingsHandlers;
  /** Stops journaling changes (the engine closes the journal after). */
  stop(): void;
}

/** Builds the settings handlers; journals every change of the settings file and tells the renderer (`settings:changed`). */
export function createEngineSettings(input: {
  configStore: ConfigStore;
  journal: Journal;
  logger: Logger;
  events: EventPublisher;
}): EngineSettings {
  const logger = input.logger.child({ component: 'settings' });
  const unjournal = journalSettingChanges(input.configStore, input.journal, logger, (changes) => {
    input.events.publish('settings:changed', { changes });
  });
  return {
    handlers: createSettingsHandlers(createSettingsService({ store: input.configStore })),
    stop: unjournal,
  };
}
