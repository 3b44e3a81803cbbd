/**
 * Journals every change of the settings file, whoever made it (the Settings pages, the alert
 * channel pages): one `setting-change` entry per changed value with its old and new value and
 * when it takes effect. Secrets never reach the file, so they never reach these entries.
 */
import type { SettingChange } from '../../shared/ipc/channels/settings.ts';
import type { Logger } from '../observability/logger.ts';
import type { Journal } from '../store/journal.ts';
import { diffConfig } from './config-diff.ts';
import { appliesAt } from './editable-settings.ts';
import type { ConfigStore } from './store.ts';

/** Starts journaling changes; `onChanges` hears each saved batch. Returns the function that stops it. */
export function journalSettingChanges(
  store: Pick<ConfigStore, 'current' | 'onChange'>,
  journal: Pick<Journal, 'append'>,
  logger: Logger,
  onChanges: (changes: SettingChange[]) => void = () => undefined,
): () => void {
  let previous = store.current();
  return store.onChange((next) => {
    const changes = diffConfig(previous, next).map((change) => ({
      ...change,
      applies: appliesAt(change.path),
    }));
    previous = next;
    if (changes.length > 0) onChanges(changes);
    for (const change of changes) {
      const { applies } = change;
      logger.info('setting-changed', { path: change.path, applies });
      try {
        journal.append('setting-change', {
          path: change.path,
          oldValue: change.oldValue ?? null,
          newValue: change.newValue ?? null,
          applies,
        });
      } catch (error) {
        // The file is already saved and in force; a journal that cannot write is reported, not rolled back into.
        logger.error('setting-change-not-journaled', { path: change.path, error });
      }
    }
  });
}
