import type { SettingsUpdateResult, SettingsView } from '../../shared/ipc/channels/settings.ts';
import type { SettingsService } from './settings-service.ts';

/** The `settings:*` IPC handlers; the router has parsed each request and parses each answer. */
export interface SettingsHandlers {
  'settings:get': () => SettingsView;
  'settings:update': (request: { changes: Record<string, unknown> }) => SettingsUpdateResult;
}

/** Maps each `settings:*` channel onto the settings service. */
export function createSettingsHandlers(service: SettingsService): SettingsHandlers {
  return {
    'settings:get': () => service.view(),
    'settings:update': (request) => service.update(request.changes),
  };
}
